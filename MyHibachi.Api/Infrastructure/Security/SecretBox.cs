using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MyHibachi.Api.Infrastructure.Security;

/// <summary>
/// Encrypts secrets we must keep but never show (Google refresh tokens, private keys, access tokens) with
/// AES-256-GCM. The key is derived (HKDF-SHA256) from the Api's signing key for one purpose, so a database
/// copy alone reveals nothing; a stored value is nonce (12 bytes), tag (16 bytes), then the ciphertext.
/// </summary>
public sealed class SecretBox(IOptions<AuthOptions> auth)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(auth.Value.SigningKey), 32,
        info: "myhibachi-secrets-v1"u8.ToArray());

    public byte[] Seal(string plain)
    {
        var data = Encoding.UTF8.GetBytes(plain);
        var sealed_ = new byte[NonceSize + TagSize + data.Length];
        var nonce = sealed_.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, data, sealed_.AsSpan(NonceSize + TagSize), sealed_.AsSpan(NonceSize, TagSize));
        return sealed_;
    }

    /// <summary>The plain text, or null when the value was not sealed with this key (a changed signing key).</summary>
    public string? Open(byte[]? sealed_)
    {
        if (sealed_ is null || sealed_.Length < NonceSize + TagSize)
        {
            return null;
        }

        var plain = new byte[sealed_.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(sealed_.AsSpan(0, NonceSize), sealed_.AsSpan(NonceSize + TagSize), sealed_.AsSpan(NonceSize, TagSize), plain);
            return Encoding.UTF8.GetString(plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
