using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Features.Payments;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Reviews;

/// <summary>
/// Review links: the booking id and a token only the Api can make (HMAC-SHA256 keyed from the signing
/// key, for this purpose alone), sent the day after the event so a guest who booked without an
/// account can review that booking, and nothing else.
/// </summary>
public sealed class ReviewLinks(IOptions<AuthOptions> auth, IOptions<PaymentOptions> site)
{
    private readonly byte[] _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(auth.Value.SigningKey), "review-links"u8);

    public string Token(Guid bookingId) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, bookingId.ToByteArray())[..20]);

    public bool IsValid(Guid bookingId, string? token) =>
        !string.IsNullOrEmpty(token) && token.Length <= 64
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Token(bookingId)), Encoding.ASCII.GetBytes(token));

    public string Link(Guid bookingId) =>
        $"{site.Value.SiteBaseUrl.TrimEnd('/')}/Reviews/Write?booking={bookingId}&token={Token(bookingId)}";
}
