using System.Security.Cryptography;
using System.Text;
using KnowledgeRenewal.Kernel.Security;
using KnowledgeRenewal.Registry.Domain;

namespace KnowledgeRenewal.Registry.Persistence;

/// <summary>
/// AES-256-GCM encryption of personal data at rest. Format (base64): version (1 byte) | nonce (12) | tag (16) |
/// ciphertext. The key comes from <c>Security:PersonalDataKey</c> (base64, 32 bytes) or is generated once under
/// <c>{data}/keys</c>; it is never stored in the database, so a copy of the database file reveals no ID number.
/// </summary>
internal sealed class PersonalDataProtector(LocalKeyStore keys) : IPersonalDataProtector
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] key = keys.GetOrCreateSecret("Security:PersonalDataKey", "personal-data.key", 32);

    /// <inheritdoc />
    public string Protect(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[1 + NonceSize + TagSize + data.Length];
        output[0] = Version;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(1 + NonceSize + TagSize), output.AsSpan(1 + NonceSize, TagSize));
        return Convert.ToBase64String(output);
    }

    /// <inheritdoc />
    public string Unprotect(string protectedValue)
    {
        ArgumentNullException.ThrowIfNull(protectedValue);
        var input = Convert.FromBase64String(protectedValue);
        if (input.Length < 1 + NonceSize + TagSize || input[0] != Version)
        {
            throw new CryptographicException("Unknown personal-data format.");
        }

        var plaintext = new byte[input.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(input.AsSpan(1, NonceSize), input.AsSpan(1 + NonceSize + TagSize), input.AsSpan(1 + NonceSize, TagSize), plaintext);
        return Encoding.UTF8.GetString(plaintext);
    }
}
