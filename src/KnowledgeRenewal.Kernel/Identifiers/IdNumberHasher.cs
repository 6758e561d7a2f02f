using System.Security.Cryptography;
using System.Text;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Kernel.Identifiers;

/// <summary>
/// Keyed hash (HMAC-SHA256) of resident ID numbers, for look-ups without storing or indexing the number itself.
/// The key lives outside the database, so the hashes cannot be reversed by enumerating the (small) ID space.
/// </summary>
public sealed class IdNumberHasher(byte[] key)
{
    /// <summary>The hash (hex) of a validated number.</summary>
    public string Hash(ResidentIdNumber number) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(number.Value)));
}
