using System.Globalization;
using System.Security.Cryptography;
using System.Text;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>
/// Certificate numbers: <c>JNXS-{year}-{serial}-{version}</c>, e.g. <c>JNXS-2025-00001234-2</c>. The serial is
/// given to a person's first certificate of a year (eight digits, counting up per year) and kept by every later
/// version, so all versions of one person-year share it.
/// </summary>
public static class CertificateNumbers
{
    /// <summary>The fixed prefix (济宁学时).</summary>
    public const string Prefix = "JNXS";

    /// <summary>The number of <paramref name="version"/> of serial <paramref name="serial"/> of <paramref name="year"/>.</summary>
    public static string Format(int year, long serial, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{year:D4}-{serial:D8}-{version}");

    /// <summary>What every number of <paramref name="year"/> starts with.</summary>
    public static string YearPrefix(int year) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{year:D4}-");

    /// <summary>The serial of a number; throws when it is not one.</summary>
    public static long SerialOf(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var parts = number.Split('-');
        return parts.Length == 4 && parts[0] == Prefix && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var serial)
            ? serial
            : throw new FormatException($"'{number}' is not a certificate number.");
    }
}

/// <summary>
/// The entity tag of a certificate: its state (status and when it changed) hashed into a stamp — a certificate has
/// no other mutable part. A revocation must send it in <c>If-Match</c>.
/// </summary>
public static class CertificateStamps
{
    /// <summary>The stamp of <paramref name="certificate"/>'s current state.</summary>
    public static Guid Of(CreditCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Of(certificate.Id, certificate.Status, certificate.StatusChangedAt);
    }

    /// <summary>The stamp of a certificate state.</summary>
    public static Guid Of(Guid id, CertificateStatus status, DateTime? changedAt)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{id:N}|{status}|{changedAt?.Ticks ?? 0}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return new Guid(hash.AsSpan(0, 16));
    }
}
