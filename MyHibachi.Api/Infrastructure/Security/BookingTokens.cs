using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace MyHibachi.Api.Infrastructure.Security;

/// <summary>
/// A token only the Api can make for one booking and one purpose (HMAC-SHA256 keyed from the signing
/// key and the purpose): it lets whoever holds a link act on that booking for that purpose, and nothing else.
/// </summary>
public sealed class BookingTokens(string signingKey, string purpose)
{
    private readonly byte[] _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.UTF8.GetBytes(purpose));

    public string Token(Guid bookingId) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, bookingId.ToByteArray())[..20]);

    /// <summary>Compared in constant time.</summary>
    public bool IsValid(Guid bookingId, string? token) =>
        !string.IsNullOrEmpty(token) && token.Length <= 64
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Token(bookingId)), Encoding.ASCII.GetBytes(token));
}
