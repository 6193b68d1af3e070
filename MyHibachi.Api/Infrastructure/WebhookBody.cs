using System.Security.Cryptography;
using System.Text;

namespace MyHibachi.Api.Infrastructure;

/// <summary>A webhook's raw bytes (signatures are computed on them, never on a re-serialised copy) and their checks.</summary>
public static class WebhookBody
{
    public const int MaxBytes = 256 * 1024;

    /// <summary>The body, or null when it is larger than <paramref name="max"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken, int max = MaxBytes)
    {
        if (request.ContentLength > max)
        {
            return null;
        }

        // The server's default limit is small; a caller that reads a larger body says how large.
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit
            && (limit.MaxRequestBodySize ?? long.MaxValue) <= max)
        {
            limit.MaxRequestBodySize = max + 1L;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Equal strings, compared in constant time (a secret is never leaked through timing).</summary>
    public static bool SecretEquals(string? given, string? expected) =>
        !string.IsNullOrEmpty(given) && !string.IsNullOrEmpty(expected)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    /// <summary>HMAC-SHA256 of the body with the secret, as lower-case hex.</summary>
    public static string HmacHex(string secret, ReadOnlySpan<byte> body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>
    /// A signature header (optionally "sha256=" first) matches the body's HMAC-SHA256 with the secret,
    /// written in hex (Meta) or Base64.
    /// </summary>
    public static bool HmacMatches(string? header, string secret, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        var value = header.Trim();
        if (value.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase))
        {
            value = value[7..];
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        byte[] given;
        try
        {
            given = value.Length == 64 && value.All(Uri.IsHexDigit) ? Convert.FromHexString(value) : Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
