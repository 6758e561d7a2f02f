using System.Security.Cryptography;
using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.Extensions.Configuration;

namespace KnowledgeRenewal.Kernel.Security;

/// <summary>
/// The platform's secrets that must never live in the database (audit chain key, ID-number hash key, token keys):
/// taken from configuration when set (production: a secret store or environment variables), otherwise generated
/// once and kept under <c>{data}/keys</c> with owner-only permissions.
/// </summary>
public sealed class LocalKeyStore(DatabaseOptions database, IConfiguration configuration)
{
    private readonly Lock gate = new();

    /// <summary>The folder generated keys are kept in.</summary>
    public string Folder => Path.Combine(database.DataDirectory, "keys");

    /// <summary>
    /// A secret of at least <paramref name="length"/> bytes: configuration key <paramref name="configurationKey"/>
    /// (base64) when set, else the file <paramref name="fileName"/> in <see cref="Folder"/>, created on first use.
    /// </summary>
    public byte[] GetOrCreateSecret(string configurationKey, string fileName, int length = 32)
    {
        var configured = configuration[configurationKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var bytes = Convert.FromBase64String(configured);
            return bytes.Length >= length
                ? bytes
                : throw new InvalidOperationException($"{configurationKey} must be at least {length} bytes (base64).");
        }

        return Convert.FromBase64String(GetOrCreateFile(fileName, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(length))));
    }

    /// <summary>An RSA key (PEM, PKCS#8) kept in <paramref name="fileName"/>, created on first use.</summary>
    public RSA GetOrCreateRsa(string fileName)
    {
        var pem = GetOrCreateFile(fileName, () =>
        {
            using var created = RSA.Create(2048);
            return created.ExportPkcs8PrivateKeyPem();
        });
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return rsa;
    }

    /// <summary>
    /// An ECDSA P-256 key: configuration key <paramref name="configurationKey"/> (PEM, PKCS#8 or SEC 1) when set, else
    /// the PEM file <paramref name="fileName"/> in <see cref="Folder"/>, created on first use.
    /// </summary>
    public ECDsa GetOrCreateEcdsa(string configurationKey, string fileName)
    {
        var configured = configuration[configurationKey];
        var pem = !string.IsNullOrWhiteSpace(configured)
            ? configured
            : GetOrCreateFile(fileName, () =>
            {
                using var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                return created.ExportPkcs8PrivateKeyPem();
            });
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return key.KeySize == 256
            ? key
            : throw new InvalidOperationException($"{configurationKey} must be an ECDSA P-256 private key (PEM).");
    }

    private string GetOrCreateFile(string fileName, Func<string> create)
    {
        var path = Path.Combine(Folder, fileName);
        lock (gate)
        {
            if (File.Exists(path))
            {
                return File.ReadAllText(path).Trim();
            }

            Directory.CreateDirectory(Folder);
            var content = create();
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, content);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            // Another process may have won the race; keep whichever file landed first.
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException)
            {
                File.Delete(temporary);
            }

            return File.ReadAllText(path).Trim();
        }
    }
}
