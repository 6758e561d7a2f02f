using System.Globalization;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Registry.UseCases.Import;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Registry.UseCases;

namespace KnowledgeRenewal.Registry.Web;

/// <summary>
/// Export of filtered registry views to xlsx: <c>GET /api/registry/professionals/export</c> (ID and mobile numbers
/// masked — the stored masks; nothing is decrypted) and <c>GET /api/registry/employers/export</c>. Rows are those
/// the caller may see (the access-scope filter); the filters are the list endpoints'. Every export is audited
/// (<see cref="AuditActions.DataExported"/>: what, which filters, how many rows — never values).
/// </summary>
public static class ExportApi
{
    private static readonly string[] ProfessionalColumns =
        ["姓名", "身份证号（脱敏）", "性别", "出生日期", "手机号码（脱敏）", "工作单位", "工作单位统一社会信用代码", "所属区域代码", "所属行业代码", "职称系列", "职称级别", "专业", "最高学历", "人员状态"];

    private static readonly string[] EmployerColumns = ["统一社会信用代码", "单位名称", "所有制", "所属区域代码", "所属行业代码", "状态"];

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapRegistryExportApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/registry/professionals/export", ExportProfessionalsAsync)
            .RequireAuthorization(policy => policy.RequireRole(RegistryReadersAttribute.BusinessRoles))
            .WithTags("批量导入 (registry imports)")
            .WithName("ExportProfessionals")
            .WithSummary("Professionals the caller may see, filtered by regionCode, departmentCode, employerId, titleLevel, status and part of the name, as xlsx with masked ID and mobile numbers. Audited.");

        endpoints.MapGet("/api/registry/employers/export", ExportEmployersAsync)
            .RequireAuthorization(policy => policy.RequireRole(RegistryReadersAttribute.BusinessRoles))
            .WithTags("批量导入 (registry imports)")
            .WithName("ExportEmployers")
            .WithSummary("Employers the caller may see, filtered by regionCode, departmentCode, ownership and part of the name, as xlsx. Audited.");
        return endpoints;
    }

    private static async Task<IResult> ExportProfessionalsAsync(
        string? regionCode, string? departmentCode, Guid? employerId, string? titleLevel, string? status, string? name,
        PlatformDbContext db, IAuditTrail audit, CancellationToken ct)
    {
        var query = db.Professionals.AsNoTracking();
        var filters = new List<string>();
        if (!string.IsNullOrWhiteSpace(regionCode))
        {
            var region = regionCode.Trim();
            query = query.Where(p => p.RegionCode == region);
            filters.Add("regionCode=" + region);
        }

        if (!string.IsNullOrWhiteSpace(departmentCode))
        {
            var department = departmentCode.Trim();
            query = query.Where(p => p.DepartmentCode == department);
            filters.Add("departmentCode=" + department);
        }

        if (employerId is { } employer)
        {
            query = query.Where(p => p.EmployerId == employer);
            filters.Add("employerId=" + employer.ToString("D"));
        }

        if (!string.IsNullOrWhiteSpace(titleLevel))
        {
            var level = Parse(RegistryLabels.TitleLevels, titleLevel, "titleLevel", "职称级别（titleLevel）无效，应为 初级、中级、副高级、正高级 或 未评定。");
            query = query.Where(p => p.TitleLevel == level);
            filters.Add("titleLevel=" + level);
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            var state = Parse(RegistryLabels.Statuses, status, "status", "人员状态（status）无效，应为 在职、退休 或 离职。");
            query = query.Where(p => p.Status == state);
            filters.Add("status=" + state);
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            var part = name.Trim();
            if (part.Length > ProfessionalRules.MaxNameLength)
            {
                throw new RequestValidationException([new FieldError("name", "too_long", $"姓名（name）不能超过 {ProfessionalRules.MaxNameLength} 个字符。")]);
            }

            query = query.Where(p => p.Name.Contains(part));
            filters.Add("name=(given)"); // a name is personal data: the audit log says only that it was filtered on
        }

        var rows = await query.OrderBy(p => p.RegionCode).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Name, p.IdNumberMasked, p.Gender, p.BirthDate, p.PhoneMasked, p.EmployerId, p.RegionCode, p.DepartmentCode,
                p.TitleSeries, p.TitleLevel, p.Specialty, p.Education, p.Status,
            })
            .ToListAsync(ct).ConfigureAwait(false);

        // The employers of the people shown (their names are part of a visible person's record, whichever employer
        // the caller's own scope covers).
        var employerIds = rows.Select(r => r.EmployerId).Distinct().ToList();
        var employers = await db.Employers.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(e => employerIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Code, e.Name })
            .ToDictionaryAsync(e => e.Id, ct).ConfigureAwait(false);

        var stream = ImportWorkbooks.Sheet("专业技术人员", ProfessionalColumns, rows.Select(r => new object?[]
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
        await RecordAsync(audit, nameof(Professional), filters, rows.Count, stream, ct).ConfigureAwait(false);
        return Results.File(stream, ImportWorkbooks.XlsxContentType, "专业技术人员导出.xlsx");
    }

    private static async Task<IResult> ExportEmployersAsync(
        string? regionCode, string? departmentCode, string? ownership, string? name, PlatformDbContext db, IAuditTrail audit, CancellationToken ct)
    {
        var query = db.Employers.AsNoTracking();
        var filters = new List<string>();
        if (!string.IsNullOrWhiteSpace(regionCode))
        {
            var region = regionCode.Trim();
            query = query.Where(e => e.RegionCode == region);
            filters.Add("regionCode=" + region);
        }

        if (!string.IsNullOrWhiteSpace(departmentCode))
        {
            var department = departmentCode.Trim();
            query = query.Where(e => e.DepartmentCode == department);
            filters.Add("departmentCode=" + department);
        }

        if (!string.IsNullOrWhiteSpace(ownership))
        {
            var owner = Parse(RegistryLabels.Ownerships, ownership, "ownership", "所有制（ownership）无效，应为 公有制 或 非公有制。");
            query = query.Where(e => e.Ownership == owner);
            filters.Add("ownership=" + owner);
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            var part = name.Trim();
            query = query.Where(e => e.Name.Contains(part));
            filters.Add("name=" + part);
        }

        var rows = await query.OrderBy(e => e.RegionCode).ThenBy(e => e.Name)
            .Select(e => new { e.Code, e.Name, e.Ownership, e.RegionCode, e.DepartmentCode, e.IsActive })
            .ToListAsync(ct).ConfigureAwait(false);
        var stream = ImportWorkbooks.Sheet("用人单位", EmployerColumns, rows.Select(r => new object?[]
        {
            r.Code, r.Name, RegistryLabels.Ownerships.GetValueOrDefault(r.Ownership, ""), r.RegionCode, r.DepartmentCode ?? "", r.IsActive ? "有效" : "停用",
        }));
        await RecordAsync(audit, nameof(Employer), filters, rows.Count, stream, ct).ConfigureAwait(false);
        return Results.File(stream, ImportWorkbooks.XlsxContentType, "用人单位导出.xlsx");
    }

    private static T Parse<T>(IReadOnlyDictionary<T, string> labels, string text, string field, string message)
        where T : struct, Enum =>
        RegistryLabels.TryParse(labels, text, out var value) ? value : throw new RequestValidationException([new FieldError(field, field + ".invalid", message)]);

    private static async Task RecordAsync(IAuditTrail audit, string entityType, List<string> filters, int count, Stream stream, CancellationToken ct)
    {
        try
        {
            var details = string.Create(CultureInfo.InvariantCulture, $"format=xlsx; rows={count}; filters={(filters.Count == 0 ? "(none)" : string.Join("&", filters))}");
            await audit.RecordAsync(new AuditEvent(AuditActions.DataExported, AuditOutcome.Success, entityType, null, details), ct).ConfigureAwait(false);
        }
        catch
        {
            // No audit record, no export.
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
