using System.Globalization;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.UseCases.Import;
using KnowledgeRenewal.Registry.UseCases.Professionals;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.UseCases.Export;

/// <summary>
/// The professionals the caller may see, filtered as the list is (<see cref="ProfessionalsMatching"/>; no look-up by
/// ID number), as xlsx with the stored masks of ID and mobile numbers — nothing is decrypted. Audited
/// (<see cref="AuditActions.DataExported"/>: which filters, how many rows — never values, and a name filter only as
/// “given”).
/// </summary>
/// <param name="RegionCode">Only this region.</param>
/// <param name="DepartmentCode">Only this sector.</param>
/// <param name="EmployerId">Only this employer's staff.</param>
/// <param name="TitleLevel">Only this title level.</param>
/// <param name="Status">Only this status.</param>
/// <param name="Name">Part of the name.</param>
internal sealed record ExportProfessionals(string? RegionCode, string? DepartmentCode, Guid? EmployerId, string? TitleLevel, string? Status, string? Name)
    : IRequest<WorkbookFile>
{
    /// <inheritdoc />
    public override string ToString() => nameof(ExportProfessionals); // never a name in logs
}

/// <summary>Checks the filters.</summary>
internal sealed class ExportProfessionalsValidator : AbstractValidator<ExportProfessionals>
{
    /// <summary>Creates the validator.</summary>
    public ExportProfessionalsValidator()
    {
        RuleFor(q => q.TitleLevel).Must(t => RegistryLabels.TryParse(RegistryLabels.TitleLevels, t, out _)).When(q => !string.IsNullOrWhiteSpace(q.TitleLevel))
            .WithErrorCode("titleLevel.invalid").WithMessage("职称级别（titleLevel）无效，应为 初级、中级、副高级、正高级 或 未评定。");
        RuleFor(q => q.Status).Must(s => RegistryLabels.TryParse(RegistryLabels.Statuses, s, out _)).When(q => !string.IsNullOrWhiteSpace(q.Status))
            .WithErrorCode("status.invalid").WithMessage("人员状态（status）无效，应为 在职、退休 或 离职。");
        RuleFor(q => q.Name).Must(n => n!.Trim().Length <= ProfessionalRules.MaxNameLength).When(q => !string.IsNullOrWhiteSpace(q.Name))
            .WithErrorCode("too_long").WithMessage($"姓名（name）最多 {ProfessionalRules.MaxNameLength} 个字符。");
    }
}

/// <summary>Handles <see cref="ExportProfessionals"/>: by region, name and id; no audit record, no export.</summary>
internal sealed class ExportProfessionalsHandler(PlatformDbContext db, IAuditTrail audit) : IRequestHandler<ExportProfessionals, WorkbookFile>
{
    private static readonly string[] Columns =
        ["姓名", "身份证号（脱敏）", "性别", "出生日期", "手机号码（脱敏）", "工作单位", "工作单位统一社会信用代码", "所属区域代码", "所属行业代码", "职称系列", "职称级别", "专业", "最高学历", "人员状态"];

    /// <inheritdoc />
    public async Task<WorkbookFile> Handle(ExportProfessionals request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        TitleLevel? level = RegistryLabels.TryParse(RegistryLabels.TitleLevels, request.TitleLevel, out var parsedLevel) ? parsedLevel : null;
        ProfessionalStatus? status = RegistryLabels.TryParse(RegistryLabels.Statuses, request.Status, out var parsedStatus) ? parsedStatus : null;
        var specification = new ProfessionalsMatching(request.RegionCode, request.DepartmentCode, request.EmployerId, level, status, request.Name);
        var rows = await db.Professionals.AsNoTracking().WithCriteria(specification)
            .OrderBy(p => p.RegionCode).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Name, p.IdNumberMasked, p.Gender, p.BirthDate, p.PhoneMasked, p.EmployerId, p.RegionCode, p.DepartmentCode,
                p.TitleSeries, p.TitleLevel, p.Specialty, p.Education, p.Status,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        // The employers of the people shown (their names are part of a visible person's record, whichever employer
        // the caller's own scope covers).
        var employerIds = rows.Select(r => r.EmployerId).Distinct().ToList();
        var employers = await db.Employers.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(e => employerIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Code, e.Name })
            .ToDictionaryAsync(e => e.Id, cancellationToken).ConfigureAwait(false);

        var stream = ImportWorkbooks.Sheet("专业技术人员", Columns, rows.Select(r => new object?[]
        {
            r.Name,
            r.IdNumberMasked,
            RegistryLabels.Genders.GetValueOrDefault(r.Gender, ""),
            r.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.PhoneMasked ?? "",
            employers.TryGetValue(r.EmployerId, out var e) ? e.Name : "",
            employers.TryGetValue(r.EmployerId, out var c) ? c.Code : "",
            r.RegionCode,
            r.DepartmentCode,
            r.TitleSeries ?? "",
            RegistryLabels.TitleLevels.GetValueOrDefault(r.TitleLevel, ""),
            r.Specialty ?? "",
            RegistryLabels.Educations.GetValueOrDefault(r.Education, ""),
            RegistryLabels.Statuses.GetValueOrDefault(r.Status, ""),
        }));
        await Exports.RecordAsync(audit, nameof(Professional), Filters(request, level, status), rows.Count, stream, cancellationToken).ConfigureAwait(false);
        return new WorkbookFile(stream, "专业技术人员导出.xlsx");
    }

    // The filters as the audit log names them; a name is personal data: the log says only that it was filtered on.
    private static List<string> Filters(ExportProfessionals request, TitleLevel? level, ProfessionalStatus? status)
    {
        var filters = new List<string>();
        if (!string.IsNullOrWhiteSpace(request.RegionCode))
        {
            filters.Add("regionCode=" + request.RegionCode.Trim());
        }

        if (!string.IsNullOrWhiteSpace(request.DepartmentCode))
        {
            filters.Add("departmentCode=" + request.DepartmentCode.Trim());
        }

        if (request.EmployerId is { } employer)
        {
            filters.Add("employerId=" + employer.ToString("D"));
        }

        if (level is not null)
        {
            filters.Add("titleLevel=" + level);
        }

        if (status is not null)
        {
            filters.Add("status=" + status);
        }

        if (!string.IsNullOrWhiteSpace(request.Name))
        {
            filters.Add("name=(given)");
        }

        return filters;
    }
}
