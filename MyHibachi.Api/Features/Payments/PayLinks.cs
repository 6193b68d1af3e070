using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Payments;

/// <summary>
/// Pay links: a booking id and a token only the Api can make (HMAC-SHA256 keyed from the signing
/// key), so a guest who booked without an account, or a customer following an e-mail, can pay that
/// booking and see its money, and nothing else.
/// </summary>
public sealed class PayLinks(IOptions<AuthOptions> auth, IOptions<PaymentOptions> payments)
{
    private readonly byte[] _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(auth.Value.SigningKey), "pay-links"u8);

    public string Token(Guid bookingId) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, bookingId.ToByteArray())[..20]);

    public bool IsValid(Guid bookingId, string? token) =>
        !string.IsNullOrEmpty(token) && token.Length <= 64
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Token(bookingId)), Encoding.ASCII.GetBytes(token));

    public PayLinkDto Link(Guid bookingId)
    {
        var token = Token(bookingId);
        return new PayLinkDto(bookingId, token, $"{payments.Value.SiteBaseUrl.TrimEnd('/')}/Pay/{bookingId}?token={token}");
    }
}
