using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using System.Globalization;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.UseCases.Certificates;

/// <summary>What an issue would do now (see <see cref="CertificateIssuer.Outlook"/>).</summary>
/// <param name="ApprovedRecords">Approved records of the year.</param>
/// <param name="ValidId">The valid certificate, if any.</param>
/// <param name="ValidNumber">Its number.</param>
/// <param name="UpToDate">Whether the valid certificate already certifies exactly the year's approved records.</param>
/// <param name="Refusal">Why an issue would be refused, in Chinese (null: it would succeed).</param>
public sealed record IssueOutlook(int ApprovedRecords, Guid? ValidId, string? ValidNumber, bool UpToDate, string? Refusal);

/// <summary>What an issue did.</summary>
/// <param name="Certificate">The certificate now valid for the person-year (new or unchanged).</param>
/// <param name="Created">Whether a new version was issued (false: the records had not changed).</param>
public sealed record IssueOutcome(CreditCertificate Certificate, bool Created);

/// <summary>
/// Issues certificates: the snapshot of a person-year's approved records (holder, masked ID number, employer, hours
/// per category, every record with its provenance, the cycle's compliance verdict), its fingerprint, the next number
/// and version, a fresh verification code and the signed credential. When the person-year already has a valid
/// certificate with the same records fingerprint, that one stands (nothing is issued); otherwise the new version
/// supersedes it. Works on the caller's context without saving, so issuing joins the caller's transaction (the
/// ledger's change handler re-issues inside the transaction that changed the records). Reads ignore the caller's
/// scope: callers decide first whether the person may be certified by them.
/// </summary>
public sealed class CertificateIssuer(CertificateCredentials credentials, TimeProvider clock)
{
    private static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];

    /// <summary>Loads everything needed to issue for <paramref name="personYears"/> (a few queries for any number of them).</summary>
    public static async Task<CertificateBatch> LoadAsync(PlatformDbContext db, IReadOnlyCollection<PersonYear> personYears, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(personYears);
        var ids = personYears.Select(p => p.ProfessionalId).Distinct().ToArray();
        var years = personYears.Select(p => p.Year).Distinct().ToArray();
        var wanted = personYears.ToHashSet();

        var holders = await db.Professionals.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new CertificateBatch.Holder(p.Id, p.Name, p.IdNumberMasked, p.EmployerId, p.RegionCode, p.DepartmentCode))
            .ToDictionaryAsync(h => h.Id, cancellationToken).ConfigureAwait(false);
        var employerIds = holders.Values.Select(h => h.EmployerId).Distinct().ToArray();
        var employers = await db.Employers.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(e => employerIds.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken).ConfigureAwait(false);

        var rows = await db.CreditRecords.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(r => ids.Contains(r.ProfessionalId) && years.Contains(r.CreditYear) && r.Status == CreditRecordStatus.Approved)
            .Select(r => new RecordRow(
                r.ProfessionalId, r.CreditYear, r.Id, r.Date, r.Title, r.Category, r.SubjectCode, r.SubjectName, r.CreditClass, r.Activity,
                r.Hours, r.Source, r.ProviderId, r.ClassId, r.DeclarationId, r.SourceFile, r.ExternalReference, r.CorrectsRecordId,
                r.RecordedByName, r.RecordedAt, r.ReviewedByName, r.ReviewedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        rows.RemoveAll(r => !wanted.Contains(new PersonYear(r.ProfessionalId, r.CreditYear)));

        var providerIds = rows.Where(r => r.ProviderId != null).Select(r => r.ProviderId!.Value).Distinct().ToArray();
        var providers = providerIds.Length == 0
            ? []
            : await db.TrainingProviders.IgnoreQueryFilters(AccessScope).AsNoTracking()
                .Where(p => providerIds.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken).ConfigureAwait(false);
        var classIds = rows.Where(r => r.ClassId != null).Select(r => r.ClassId!.Value).Distinct().ToArray();
        var classes = classIds.Length == 0
            ? []
            : await db.TrainingClasses.IgnoreQueryFilters(AccessScope).AsNoTracking()
                .Where(c => classIds.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken).ConfigureAwait(false);

        var records = rows
            .GroupBy(r => new PersonYear(r.ProfessionalId, r.CreditYear))
            .ToDictionary(g => g.Key, g => g.Select(r => r.ToCertificateRecord(providers, classes)).ToList());

        var minYear = years.Min();
        var maxYear = years.Max();
        var compliance = (await db.Compliance.IgnoreQueryFilters(AccessScope).AsNoTracking()
                .Where(c => ids.Contains(c.ProfessionalId) && c.CycleStart <= maxYear && c.CycleEnd >= minYear)
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(c => c.ProfessionalId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.ComputedAt).ToList());

        // Tracked: an issue may supersede one of them.
        var certificates = (await db.CreditCertificates.IgnoreQueryFilters(AccessScope)
                .Where(c => ids.Contains(c.ProfessionalId) && years.Contains(c.Year))
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(c => new PersonYear(c.ProfessionalId, c.Year))
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Version).ToList());

        var lastSerials = new Dictionary<int, long>();
        foreach (var year in years.Where(y => personYears.Any(p => p.Year == y && !certificates.ContainsKey(p))))
        {
            var last = await db.CreditCertificates.IgnoreQueryFilters(AccessScope).AsNoTracking()
                .Where(c => c.Year == year)
                .OrderByDescending(c => c.Number)
                .Select(c => c.Number)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            lastSerials[year] = last is null ? 0 : CertificateNumbers.SerialOf(last);
        }

        return new CertificateBatch(holders, employers, records, compliance, certificates, lastSerials);
    }

    /// <summary>
    /// Issues the certificate of <paramref name="personYear"/> from <paramref name="batch"/> unless the valid one
    /// already certifies the same records. Adds the new version (and the superseded one's change) to
    /// <paramref name="db"/>; the caller saves. With <paramref name="requireRecords"/>, a year without approved
    /// records is refused (409) instead of certified with zero hours.
    /// </summary>
    public IssueOutcome Issue(PlatformDbContext db, CertificateBatch batch, PersonYear personYear, string issuedBy, bool requireRecords)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(batch);
        var (records, totals) = CertificateSnapshots.Canonical(batch.RecordsOf(personYear));
        var fingerprint = CertificateSnapshots.Fingerprint(records);
        var versions = batch.CertificatesOf(personYear);
        var current = versions.FirstOrDefault(c => c.Status == CertificateStatus.Valid);
        if (current is not null && current.RecordsFingerprint == fingerprint)
        {
            return new IssueOutcome(current, false);
        }

        if (records.Count == 0 && requireRecords)
        {
            throw NoRecords(personYear.Year);
        }

        var holder = batch.HolderOf(personYear.ProfessionalId) ?? throw new NotFoundException("专业技术人员", personYear.ProfessionalId);
        var serial = versions.Count > 0 ? CertificateNumbers.SerialOf(versions[0].Number) : batch.NextSerial(personYear.Year);
        var version = versions.Count == 0 ? 1 : versions.Max(c => c.Version) + 1;
        var now = CertificateSnapshots.Instant(clock.GetUtcNow().UtcDateTime);
        var employer = batch.EmployerName(holder.EmployerId);
        var compliance = Compliance(batch.ComplianceOf(personYear));
        var snapshot = new CertificateSnapshot(
            personYear.Year,
            new CertificateHolder(holder.Name, holder.IdNumberMasked, employer, holder.RegionCode, holder.DepartmentCode),
            totals,
            compliance,
            records);

        var draft = new CreditCertificate
        {
            Number = CertificateNumbers.Format(personYear.Year, serial, version),
            VerificationCode = VerificationCodes.Generate(),
            ProfessionalId = personYear.ProfessionalId,
            Year = personYear.Year,
            Version = version,
            IssuedAt = now,
            IssuedByName = issuedBy,
            HolderName = holder.Name,
            HolderIdMasked = holder.IdNumberMasked,
            EmployerName = employer,
            PublicHours = CreditHours.FromHours(totals.PublicHours),
            ProfessionalHours = CreditHours.FromHours(totals.ProfessionalHours),
            TotalHours = CreditHours.FromHours(totals.TotalHours),
            ComplianceText = compliance?.Text,
            Snapshot = CertificateSnapshots.Serialize(snapshot),
            RecordsFingerprint = fingerprint,
            Credential = "",
            RegionCode = holder.RegionCode,
            DepartmentCode = holder.DepartmentCode,
            EmployerId = holder.EmployerId,
        };

        var certificate = WithCredential(draft, credentials.Sign(draft));
        current?.Supersede(certificate, now);
        db.CreditCertificates.Add(certificate);
        versions.Add(certificate);
        return new IssueOutcome(certificate, true);
    }

    /// <summary>
    /// What an issue for <paramref name="personYear"/> would do now, without doing it: how many approved records the year
    /// has, the valid certificate (if any) and whether it already certifies exactly those records (then an issue answers
    /// it unchanged), and — when an issue would be refused — why, in the words of the refusal.
    /// </summary>
    public static IssueOutlook Outlook(CertificateBatch batch, PersonYear personYear)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var (records, _) = CertificateSnapshots.Canonical(batch.RecordsOf(personYear));
        var current = batch.CertificatesOf(personYear).FirstOrDefault(c => c.Status == CertificateStatus.Valid);
        var upToDate = current is not null && current.RecordsFingerprint == CertificateSnapshots.Fingerprint(records);
        return new IssueOutlook(records.Count, current?.Id, current?.Number, upToDate, records.Count == 0 && !upToDate ? NoRecords(personYear.Year).Detail : null);
    }

    private static CertificateException NoRecords(int year) => new(
        CertificateProblemCodes.NoRecords,
        409,
        $"{year} 年度没有已认定的学时记录，不能出具学时证明（待审核、已驳回和已撤销的记录不计入）。");

    // The credential signs the certificate's final fields (its id included), so it is made from the draft.
    private static CreditCertificate WithCredential(CreditCertificate draft, string credential) => new()
    {
        Id = draft.Id,
        Number = draft.Number,
        VerificationCode = draft.VerificationCode,
        ProfessionalId = draft.ProfessionalId,
        Year = draft.Year,
        Version = draft.Version,
        IssuedAt = draft.IssuedAt,
        IssuedByName = draft.IssuedByName,
        HolderName = draft.HolderName,
        HolderIdMasked = draft.HolderIdMasked,
        EmployerName = draft.EmployerName,
        PublicHours = draft.PublicHours,
        ProfessionalHours = draft.ProfessionalHours,
        TotalHours = draft.TotalHours,
        ComplianceText = draft.ComplianceText,
        Snapshot = draft.Snapshot,
        RecordsFingerprint = draft.RecordsFingerprint,
        Credential = credential,
        RegionCode = draft.RegionCode,
        DepartmentCode = draft.DepartmentCode,
        EmployerId = draft.EmployerId,
    };

    private static CertificateCompliance? Compliance(CycleCompliance? compliance)
    {
        if (compliance is null)
        {
            return null;
        }

        var label = compliance.Status switch
        {
            ComplianceStatus.Met => "达标",
            ComplianceStatus.NotMet => "未达标",
            ComplianceStatus.InProgress => "进行中",
            ComplianceStatus.NoRules => "无适用的学时规则",
            _ => compliance.Status.ToString(),
        };
        var cycle = compliance.CycleStart == compliance.CycleEnd
            ? string.Create(CultureInfo.InvariantCulture, $"{compliance.CycleStart} 年度")
            : string.Create(CultureInfo.InvariantCulture, $"{compliance.CycleStart}—{compliance.CycleEnd} 年周期");
        var text = $"{label}（{cycle}）";
        if (!string.IsNullOrWhiteSpace(compliance.Missing) && compliance.Status != ComplianceStatus.Met)
        {
            text += "：" + compliance.Missing;
        }

        if (text.Length > 128)
        {
            text = text[..127] + "…";
        }

        return new CertificateCompliance(compliance.Status.ToString(), text, compliance.CycleStart, compliance.CycleEnd, compliance.RuleSetTitle, compliance.Missing);
    }

    private sealed record RecordRow(
        Guid ProfessionalId,
        int CreditYear,
        Guid Id,
        DateOnly Date,
        string Title,
        CreditCategory Category,
        string? SubjectCode,
        string? SubjectName,
        string? CreditClass,
        ActivityType Activity,
        CreditHours Hours,
        RecordSource Source,
        Guid? ProviderId,
        Guid? ClassId,
        Guid? DeclarationId,
        string? SourceFile,
        string? ExternalReference,
        Guid? CorrectsRecordId,
        string? RecordedByName,
        DateTime RecordedAt,
        string? ReviewedByName,
        DateTime? ReviewedAt)
    {
        public CertificateRecord ToCertificateRecord(IReadOnlyDictionary<Guid, string> providers, IReadOnlyDictionary<Guid, string> classes) => new(
            Id,
            Date,
            Title,
            Category,
            ComplianceLabels.Category(Category),
            SubjectCode,
            SubjectName,
            CreditClass,
            ComplianceLabels.Activity(Activity),
            Hours.Hundredths,
            Hours.Hours,
            LedgerLabels.Source(Source),
            ProviderId is { } provider ? providers.GetValueOrDefault(provider) : null,
            ClassId is { } trainingClass ? classes.GetValueOrDefault(trainingClass) : null,
            DeclarationId,
            SourceFile,
            ExternalReference,
            CorrectsRecordId,
            RecordedByName,
            CertificateSnapshots.Instant(RecordedAt),
            ReviewedByName,
            ReviewedAt is { } reviewed ? CertificateSnapshots.Instant(reviewed) : null);
    }
}

/// <summary>What <see cref="CertificateIssuer.LoadAsync"/> read for a set of person-years.</summary>
public sealed class CertificateBatch
{
    private readonly Dictionary<Guid, Holder> holders;
    private readonly Dictionary<Guid, string> employers;
    private readonly Dictionary<PersonYear, List<CertificateRecord>> records;
    private readonly Dictionary<Guid, List<CycleCompliance>> compliance;
    private readonly Dictionary<PersonYear, List<CreditCertificate>> certificates;
    private readonly Dictionary<int, long> lastSerials;

    internal CertificateBatch(
        Dictionary<Guid, Holder> holders,
        Dictionary<Guid, string> employers,
        Dictionary<PersonYear, List<CertificateRecord>> records,
        Dictionary<Guid, List<CycleCompliance>> compliance,
        Dictionary<PersonYear, List<CreditCertificate>> certificates,
        Dictionary<int, long> lastSerials)
    {
        this.holders = holders;
        this.employers = employers;
        this.records = records;
        this.compliance = compliance;
        this.certificates = certificates;
        this.lastSerials = lastSerials;
    }

    /// <summary>Every version of a person-year's certificate, oldest first (the batch keeps it current as it issues).</summary>
    public List<CreditCertificate> CertificatesOf(PersonYear personYear)
    {
        if (!certificates.TryGetValue(personYear, out var versions))
        {
            versions = [];
            certificates[personYear] = versions;
        }

        return versions;
    }

    internal IReadOnlyList<CertificateRecord> RecordsOf(PersonYear personYear) => records.GetValueOrDefault(personYear) ?? [];

    internal Holder? HolderOf(Guid professionalId) => holders.GetValueOrDefault(professionalId);

    internal string EmployerName(Guid employerId) => employers.GetValueOrDefault(employerId) ?? "";

    internal CycleCompliance? ComplianceOf(PersonYear personYear) =>
        compliance.GetValueOrDefault(personYear.ProfessionalId)?.FirstOrDefault(c => c.CycleStart <= personYear.Year && c.CycleEnd >= personYear.Year);

    internal long NextSerial(int year)
    {
        var next = lastSerials.GetValueOrDefault(year) + 1;
        lastSerials[year] = next;
        return next;
    }

    /// <summary>The holder as the registry has them now.</summary>
    internal sealed record Holder(Guid Id, string Name, string IdNumberMasked, Guid EmployerId, string RegionCode, string DepartmentCode);
}
