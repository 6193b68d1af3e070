using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace MyHibachi.Workers.Google;

/// <summary>
/// The signed assertion a service account trades for an access token (RFC 7523, JWT bearer): RS256 over
/// header.claims with the key file's private key; it lives at most an hour.
/// </summary>
public static class GoogleJwt
{
    public static string Assertion(string serviceAccountEmail, IEnumerable<string> scopes, string audience, string? subject,
        string privateKeyPem, string? keyId, DateTimeOffset now)
    {
        var header = new Dictionary<string, string> { ["alg"] = "RS256", ["typ"] = "JWT" };
        if (!string.IsNullOrEmpty(keyId))
        {
            header["kid"] = keyId;
        }

        var issued = now.ToUnixTimeSeconds();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = serviceAccountEmail,
            ["scope"] = string.Join(' ', scopes),
            ["aud"] = audience,
            ["iat"] = issued,
            ["exp"] = issued + 3600,
        };
        if (!string.IsNullOrEmpty(subject))
        {
            claims["sub"] = subject;
        }

        var signingInput = $"{Encode(JsonSerializer.SerializeToUtf8Bytes(header))}.{Encode(JsonSerializer.SerializeToUtf8Bytes(claims))}";
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Encode(signature)}";
    }

    private static string Encode(byte[] bytes) => WebEncoders.Base64UrlEncode(bytes);
}
