using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>
/// What a certificate certifies, frozen at issue: the holder as they were then (name, masked ID number, employer),
/// the year's approved hours per category, the compliance verdict of the cycle if known, and every approved record
/// of the year with its provenance. Stored as JSON on the certificate and never changed.
/// </summary>
/// <param name="Year">The credit year.</param>
/// <param name="Holder">The holder.</param>
/// <param name="Totals">Approved hours per category.</param>
/// <param name="Compliance">The compliance verdict of the cycle containing the year, when one was computed.</param>
/// <param name="Records">Every approved record of the year, by date.</param>
public sealed record CertificateSnapshot(
    int Year,
    CertificateHolder Holder,
    CertificateTotals Totals,
    CertificateCompliance? Compliance,
    IReadOnlyList<CertificateRecord> Records);

/// <summary>The holder as certified.</summary>
/// <param name="Name">姓名.</param>
/// <param name="IdNumberMasked">身份证号 masked (the full number is never in a certificate).</param>
/// <param name="Employer">工作单位.</param>
/// <param name="RegionCode">所属区域.</param>
/// <param name="DepartmentCode">所属行业.</param>
public sealed record CertificateHolder(string Name, string IdNumberMasked, string Employer, string RegionCode, string DepartmentCode);

/// <summary>Approved hours of the year.</summary>
/// <param name="PublicHours">公需科目学时.</param>
/// <param name="ProfessionalHours">专业科目学时.</param>
/// <param name="TotalHours">合计学时.</param>
public sealed record CertificateTotals(decimal PublicHours, decimal ProfessionalHours, decimal TotalHours);

/// <summary>The compliance verdict of the cycle containing the year, as computed before the issue.</summary>
/// <param name="Status">Met, NotMet, InProgress or NoRules.</param>
/// <param name="Text">In Chinese, e.g. <c>达标（2025 年度）</c>.</param>
/// <param name="CycleStart">The cycle's first year.</param>
/// <param name="CycleEnd">The cycle's last year.</param>
/// <param name="RuleSet">The rule set's title.</param>
/// <param name="Missing">What was missing, in Chinese.</param>
public sealed record CertificateCompliance(string Status, string Text, int CycleStart, int CycleEnd, string? RuleSet, string? Missing);

/// <summary>One approved record as certified.</summary>
/// <param name="Id">The ledger record.</param>
/// <param name="Date">The day the activity ended.</param>
/// <param name="Title">What it was.</param>
/// <param name="Category">Public or professional.</param>
/// <param name="CategoryName">公需科目 / 专业科目.</param>
/// <param name="SubjectCode">The subject's code.</param>
/// <param name="SubjectName">The subject's name.</param>
/// <param name="CreditClass">The module's credit class, if any.</param>
/// <param name="Activity">The kind of activity, in Chinese.</param>
/// <param name="HoursHundredths">Hours in hundredths (exact).</param>
/// <param name="Hours">Hours.</param>
/// <param name="Source">The source, in Chinese.</param>
/// <param name="Provider">The training provider's name, if any.</param>
/// <param name="TrainingClass">The class's title, if any.</param>
/// <param name="DeclarationId">The self-declared activity, if any.</param>
/// <param name="SourceFile">The uploaded file and row, if any.</param>
/// <param name="ExternalReference">The other platform's reference, if any.</param>
/// <param name="CorrectsRecordId">The revoked record this one corrects, if any.</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="RecordedAt">When it was recorded (UTC, whole seconds).</param>
/// <param name="ApprovedBy">Who approved it.</param>
/// <param name="ApprovedAt">When it was approved (UTC, whole seconds).</param>
public sealed record CertificateRecord(
    Guid Id,
    DateOnly Date,
    string Title,
    CreditCategory Category,
    string CategoryName,
    string? SubjectCode,
    string? SubjectName,
    string? CreditClass,
    string Activity,
    long HoursHundredths,
    decimal Hours,
    string Source,
    string? Provider,
    string? TrainingClass,
    Guid? DeclarationId,
    string? SourceFile,
    string? ExternalReference,
    Guid? CorrectsRecordId,
    string? RecordedBy,
    DateTime RecordedAt,
    string? ApprovedBy,
    DateTime? ApprovedAt);

/// <summary>
/// The canonical JSON of snapshots and the records fingerprint: the SHA-256 (lower-case hex) of the canonical JSON of
/// the records part — records by date and id, fixed property order, no white space, CJK as is. Anyone holding a
/// certificate's snapshot can recompute it.
/// </summary>
public static class CertificateSnapshots
{
    /// <summary>The serializer options of the canonical form.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Orders records canonically (date, then id) and totals them.</summary>
    public static (IReadOnlyList<CertificateRecord> Records, CertificateTotals Totals) Canonical(IEnumerable<CertificateRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var ordered = records.OrderBy(r => r.Date).ThenBy(r => r.Id.ToString("N"), StringComparer.Ordinal).ToArray();
        var publicHours = CreditHours.FromHundredths(ordered.Where(r => r.Category == CreditCategory.Public).Sum(r => r.HoursHundredths));
        var professionalHours = CreditHours.FromHundredths(ordered.Where(r => r.Category == CreditCategory.Professional).Sum(r => r.HoursHundredths));
        return (ordered, new CertificateTotals(publicHours.Hours, professionalHours.Hours, (publicHours + professionalHours).Hours));
    }

    /// <summary>The canonical JSON of the whole snapshot.</summary>
    public static string Serialize(CertificateSnapshot snapshot) => JsonSerializer.Serialize(snapshot, Options);

    /// <summary>Reads a stored snapshot.</summary>
    public static CertificateSnapshot Parse(string json) =>
        JsonSerializer.Deserialize<CertificateSnapshot>(json, Options) ?? throw new JsonException("Empty certificate snapshot.");

    /// <summary>The records fingerprint (64 lower-case hex characters).</summary>
    public static string Fingerprint(IReadOnlyList<CertificateRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var json = JsonSerializer.SerializeToUtf8Bytes(records, Options);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }

    /// <summary>An instant as certified: UTC, whole seconds (every provider stores that exactly).</summary>
    public static DateTime Instant(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
