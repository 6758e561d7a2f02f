using System.Globalization;
using System.Text.Json.Nodes;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Certificates;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.TitleRecords;

/// <summary>Approved (and pending) hours of one credit year by category.</summary>
/// <param name="Year">The credit year.</param>
/// <param name="PublicHours">Approved public-subject hours (公需科目).</param>
/// <param name="ProfessionalHours">Approved professional-subject hours (专业科目).</param>
/// <param name="TotalHours">Approved hours.</param>
/// <param name="PendingHours">Hours awaiting review (not counted).</param>
internal sealed record TitleRecordYear(int Year, decimal PublicHours, decimal ProfessionalHours, decimal TotalHours, decimal PendingHours);

/// <summary>A stored compliance cycle overlapping the period.</summary>
/// <param name="CycleStart">First year.</param>
/// <param name="CycleEnd">Last year.</param>
/// <param name="RuleSetTitle">The rules applied.</param>
/// <param name="Status">The status.</param>
/// <param name="StatusLabel">达标 / 未达标 / 进行中 / 无适用规则.</param>
/// <param name="CountedHours">Hours counted.</param>
/// <param name="RequiredHours">Hours required.</param>
/// <param name="PublicHours">Public-subject hours counted.</param>
/// <param name="ProfessionalHours">Professional-subject hours counted.</param>
/// <param name="Missing">What is missing, in Chinese.</param>
internal sealed record TitleRecordCycle(
    int CycleStart, int CycleEnd, string? RuleSetTitle, ComplianceStatus Status, string StatusLabel,
    decimal CountedHours, decimal RequiredHours, decimal PublicHours, decimal ProfessionalHours, IReadOnlyList<string> Missing);

/// <summary>A certificate of a year of the period, with its public verification page.</summary>
/// <param name="Number">证书编号.</param>
/// <param name="Year">The credit year.</param>
/// <param name="Version">The version (a reissue supersedes).</param>
/// <param name="Status">Valid, superseded or revoked.</param>
/// <param name="StatusLabel">有效 / 已被新版本取代 / 已作废.</param>
/// <param name="TotalHours">Hours it certifies.</param>
/// <param name="VerificationUrl">The public page (<c>/verify/{code}</c>).</param>
internal sealed record TitleRecordCertificate(string Number, int Year, int Version, CertificateStatus Status, string StatusLabel, decimal TotalHours, string VerificationUrl);

/// <summary>One person's continuing-education record for a title committee.</summary>
/// <param name="Id">The professional.</param>
/// <param name="Name">姓名.</param>
/// <param name="IdNumber">身份证号, masked unless <paramref name="Unmasked"/>.</param>
/// <param name="Phone">手机号码, masked unless <paramref name="Unmasked"/>.</param>
/// <param name="Unmasked">Whether the personal data is in plaintext (an entitled, audited request).</param>
/// <param name="EmployerName">The employer.</param>
/// <param name="RegionCode">The region.</param>
/// <param name="DepartmentCode">The sector.</param>
/// <param name="Years">Every year of the period, oldest first (zero when nothing was recorded).</param>
/// <param name="Cycles">The stored cycles overlapping the period, oldest first.</param>
/// <param name="Certificates">The certificates of the period's years.</param>
internal sealed record TitleRecordPerson(
    Guid Id, string Name, string IdNumber, string? Phone, bool Unmasked, string? EmployerName, string RegionCode, string DepartmentCode,
    IReadOnlyList<TitleRecordYear> Years, IReadOnlyList<TitleRecordCycle> Cycles, IReadOnlyList<TitleRecordCertificate> Certificates)
{
    /// <summary>Approved hours of the period.</summary>
    public decimal TotalHours => Years.Sum(y => y.TotalHours);
}

/// <summary>An exported title-evaluation record.</summary>
/// <param name="Content">The file (the caller disposes it).</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="FileName">The download name.</param>
internal sealed record TitleRecordFile(Stream Content, string ContentType, string FileName);

/// <summary>
/// Assembles title-evaluation records (ADR 0029) from the ledger (approved hours by year and category), the compliance
/// table (stored cycles) and the certificates — all read through the data layer's scope, so a person outside the
/// caller's scope is simply absent. Shared by the person's export, the staff export and their pages.
/// </summary>
internal static class TitleRecordViews
{
    /// <summary>The xlsx media type.</summary>
    public const string XlsxContentType = ImportWorkbooks.XlsxContentType;

    /// <summary>The signed JSON document's media type.</summary>
    public const string JsonContentType = "application/json";

    /// <summary>The records of <paramref name="people"/> (already cut by scope), in their order.</summary>
    public static async Task<IReadOnlyList<TitleRecordPerson>> LoadAsync(
        PlatformDbContext db, IQueryable<Professional> people, TitleRecordPeriod period, CertificateLinks links, CancellationToken cancellationToken)
    {
        var persons = await people.AsNoTracking()
            .Select(p => new { p.Id, p.Name, p.IdNumberMasked, p.PhoneMasked, p.EmployerId, p.RegionCode, p.DepartmentCode })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (persons.Count == 0)
        {
            return [];
        }

        var ids = people.Select(p => p.Id);
        var employerIds = persons.Select(p => p.EmployerId).Distinct().ToList();
        var employers = await db.Employers.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(e => employerIds.Contains(e.Id)).Select(e => new { e.Id, e.Name })
            .ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken).ConfigureAwait(false);

        var hours = (await db.CreditRecords.AsNoTracking()
                .Where(r => ids.Contains(r.ProfessionalId) && r.CreditYear >= period.From && r.CreditYear <= period.To
                    && (r.Status == CreditRecordStatus.Approved || r.Status == CreditRecordStatus.Pending))
                .Select(r => new { r.ProfessionalId, r.CreditYear, r.Category, r.Status, r.HoursDecimal })
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(r => r.ProfessionalId);

        var cycles = (await db.Compliance.AsNoTracking()
                .Where(c => ids.Contains(c.ProfessionalId) && c.CycleStart <= period.To && c.CycleEnd >= period.From)
                .OrderBy(c => c.CycleStart)
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(c => c.ProfessionalId);

        var certificates = (await db.CreditCertificates.AsNoTracking()
                .Where(c => ids.Contains(c.ProfessionalId) && c.Year >= period.From && c.Year <= period.To)
                .OrderBy(c => c.Year).ThenBy(c => c.Version)
                .Select(c => new { c.ProfessionalId, c.Number, c.Year, c.Version, c.Status, c.TotalHours, c.VerificationCode })
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(c => c.ProfessionalId);

        return [.. persons.Select(p => new TitleRecordPerson(
            p.Id,
            p.Name,
            p.IdNumberMasked,
            p.PhoneMasked,
            false,
            employers.GetValueOrDefault(p.EmployerId),
            p.RegionCode,
            p.DepartmentCode,
            [.. period.Years.Select(year =>
            {
                var ofYear = hours[p.Id].Where(r => r.CreditYear == year).ToList();
                var approved = ofYear.Where(r => r.Status == CreditRecordStatus.Approved).ToList();
                var publicHours = approved.Where(r => r.Category == CreditCategory.Public).Sum(r => r.HoursDecimal);
                var professionalHours = approved.Where(r => r.Category == CreditCategory.Professional).Sum(r => r.HoursDecimal);
                return new TitleRecordYear(year, publicHours, professionalHours, publicHours + professionalHours, ofYear.Where(r => r.Status == CreditRecordStatus.Pending).Sum(r => r.HoursDecimal));
            })],
            [.. cycles[p.Id].Select(c => new TitleRecordCycle(
                c.CycleStart,
                c.CycleEnd,
                c.RuleSetTitle,
                c.Status,
                ComplianceLabels.Status(c.Status),
                c.Counted.Hours,
                c.Required.Hours,
                c.PublicCounted.Hours,
                c.ProfessionalCounted.Hours,
                c.Missing == null ? [] : c.Missing.Split(ComplianceRow.MissingSeparator, StringSplitOptions.RemoveEmptyEntries)))],
            [.. certificates[p.Id].Select(c => new TitleRecordCertificate(
                c.Number, c.Year, c.Version, c.Status, CertificateLabels.Status(c.Status), c.TotalHours.Hours, links.VerifyPage(c.VerificationCode)))]))];
    }

    /// <summary>A cycle as text: <c>2024</c> or <c>2023–2025</c>.</summary>
    public static string Cycle(int start, int end) =>
        start == end ? start.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{start}–{end}");

    /// <summary>The workbook of <paramref name="people"/>: 学时 (per person and year), 达标 (per cycle), 证书 (with verification links).</summary>
    public static Stream Workbook(IReadOnlyList<TitleRecordPerson> people, TitleRecordPeriod period)
    {
        string[] hoursColumns = ["姓名", "身份证号", "工作单位", "学年", "公需科目学时", "专业科目学时", "合计学时", "待审核学时"];
        string[] cycleColumns = ["姓名", "身份证号", "达标周期", "适用规则", "达标情况", "已计入学时", "要求学时", "公需科目学时", "专业科目学时", "还差"];
        string[] certificateColumns = ["姓名", "身份证号", "学年", "证书编号", "版本", "证书状态", "证明学时", "验证链接"];
        string[] aboutColumns = ["项目", "内容"];
        var about = new List<object?[]>
        {
            new object?[] { "文档", "职称评审继续教育记录（济宁市专业技术人员继续教育管理服务平台）" },
            new object?[] { "期间", $"{period.From}—{period.To} 年度" },
            new object?[] { "人数", people.Count.ToString(CultureInfo.InvariantCulture) },
            new object?[] { "说明", "学时为已认定的学时（不含待审核、已驳回、已撤销的记录）；达标情况取自平台达标计算结果；证书真伪可打开验证链接核验。" },
        };
        return ImportWorkbooks.Sheets(
        [
            ("学时", hoursColumns, people.SelectMany(p => p.Years.Select(y => new object?[]
            {
                p.Name, p.IdNumber, p.EmployerName ?? "", Text(y.Year), Text(y.PublicHours), Text(y.ProfessionalHours), Text(y.TotalHours), Text(y.PendingHours),
            }))),
            ("达标", cycleColumns, people.SelectMany(p => p.Cycles.Select(c => new object?[]
            {
                p.Name, p.IdNumber, Cycle(c.CycleStart, c.CycleEnd), c.RuleSetTitle ?? "", c.StatusLabel, Text(c.CountedHours), Text(c.RequiredHours), Text(c.PublicHours), Text(c.ProfessionalHours), string.Join("；", c.Missing),
            }))),
            ("证书", certificateColumns, people.SelectMany(p => p.Certificates.Select(c => new object?[]
            {
                p.Name, p.IdNumber, Text(c.Year), c.Number, Text(c.Version), c.StatusLabel, Text(c.TotalHours), c.VerificationUrl,
            }))),
            ("说明", aboutColumns, about),
        ]);
    }

    /// <summary>The <c>record</c> member of the signed document of one person.</summary>
    public static JsonObject Record(TitleRecordPerson person, TitleRecordPeriod period, DateTime generatedAtUtc, string issuer)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new JsonObject
        {
            ["issuer"] = issuer,
            ["issuerName"] = "济宁市专业技术人员继续教育管理服务平台",
            ["generatedAt"] = generatedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["period"] = new JsonObject { ["from"] = period.From, ["to"] = period.To },
            ["unit"] = "学时",
            ["person"] = new JsonObject
            {
                ["id"] = person.Id.ToString("D"),
                ["name"] = person.Name,
                ["idNumber"] = person.IdNumber,
                ["phone"] = person.Phone,
                ["personalDataMasked"] = !person.Unmasked,
                ["employer"] = person.EmployerName,
                ["regionCode"] = person.RegionCode,
                ["departmentCode"] = person.DepartmentCode,
            },
            ["totalHours"] = person.TotalHours,
            ["years"] = new JsonArray([.. person.Years.Select(y => (JsonNode)new JsonObject
            {
                ["year"] = y.Year,
                ["publicHours"] = y.PublicHours,
                ["professionalHours"] = y.ProfessionalHours,
                ["totalHours"] = y.TotalHours,
                ["pendingHours"] = y.PendingHours,
            })]),
            ["cycles"] = new JsonArray([.. person.Cycles.Select(c => (JsonNode)new JsonObject
            {
                ["cycleStart"] = c.CycleStart,
                ["cycleEnd"] = c.CycleEnd,
                ["ruleSet"] = c.RuleSetTitle,
                ["status"] = c.Status.ToString(),
                ["statusLabel"] = c.StatusLabel,
                ["countedHours"] = c.CountedHours,
                ["requiredHours"] = c.RequiredHours,
                ["publicHours"] = c.PublicHours,
                ["professionalHours"] = c.ProfessionalHours,
                ["missing"] = new JsonArray([.. c.Missing.Select(m => (JsonNode)m)]),
            })]),
            ["certificates"] = new JsonArray([.. person.Certificates.Select(c => (JsonNode)new JsonObject
            {
                ["number"] = c.Number,
                ["year"] = c.Year,
                ["version"] = c.Version,
                ["status"] = c.Status.ToString(),
                ["statusLabel"] = c.StatusLabel,
                ["totalHours"] = c.TotalHours,
                ["verificationUrl"] = c.VerificationUrl,
            })]),
        };
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
