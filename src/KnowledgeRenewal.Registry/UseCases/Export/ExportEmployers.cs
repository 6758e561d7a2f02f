using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.UseCases.Employers;
using KnowledgeRenewal.Registry.UseCases.Import;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.UseCases.Export;

/// <summary>
/// The employers the caller may see, filtered as the list is (<see cref="EmployersMatching"/>; no credit code), as
/// xlsx. Audited (<see cref="AuditActions.DataExported"/>: which filters, how many rows).
/// </summary>
/// <param name="RegionCode">Only this region.</param>
/// <param name="DepartmentCode">Only this sector.</param>
/// <param name="Ownership">Only this ownership.</param>
/// <param name="Name">Part of the name.</param>
internal sealed record ExportEmployers(string? RegionCode, string? DepartmentCode, string? Ownership, string? Name) : IRequest<WorkbookFile>;

/// <summary>Checks the filters.</summary>
internal sealed class ExportEmployersValidator : AbstractValidator<ExportEmployers>
{
    /// <summary>Creates the validator.</summary>
    public ExportEmployersValidator() =>
        RuleFor(q => q.Ownership).Must(o => RegistryLabels.TryParse(RegistryLabels.Ownerships, o, out _)).When(q => !string.IsNullOrWhiteSpace(q.Ownership))
            .WithErrorCode("ownership.invalid").WithMessage("所有制（ownership）无效，应为 公有制 或 非公有制。");
}

/// <summary>Handles <see cref="ExportEmployers"/>: by region and name; no audit record, no export.</summary>
internal sealed class ExportEmployersHandler(PlatformDbContext db, IAuditTrail audit) : IRequestHandler<ExportEmployers, WorkbookFile>
{
    private static readonly string[] Columns = ["统一社会信用代码", "单位名称", "所有制", "所属区域代码", "所属行业代码", "状态"];

    /// <inheritdoc />
    public async Task<WorkbookFile> Handle(ExportEmployers request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Ownership? ownership = RegistryLabels.TryParse(RegistryLabels.Ownerships, request.Ownership, out var parsed) ? parsed : null;
        var specification = new EmployersMatching(request.RegionCode, request.DepartmentCode, ownership, request.Name);
        var rows = await db.Employers.AsNoTracking().WithCriteria(specification)
            .OrderBy(e => e.RegionCode).ThenBy(e => e.Name)
            .Select(e => new { e.Code, e.Name, e.Ownership, e.RegionCode, e.DepartmentCode, e.IsActive })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var stream = ImportWorkbooks.Sheet("用人单位", Columns, rows.Select(r => new object?[]
        {
            r.Code, r.Name, RegistryLabels.Ownerships.GetValueOrDefault(r.Ownership, ""), r.RegionCode, r.DepartmentCode ?? "", r.IsActive ? "有效" : "停用",
        }));
        await Exports.RecordAsync(audit, nameof(Employer), Filters(request, ownership), rows.Count, stream, cancellationToken).ConfigureAwait(false);
        return new WorkbookFile(stream, "用人单位导出.xlsx");
    }

    // The filters as the audit log names them.
    private static List<string> Filters(ExportEmployers request, Ownership? ownership)
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

        if (ownership is not null)
        {
            filters.Add("ownership=" + ownership);
        }

        if (!string.IsNullOrWhiteSpace(request.Name))
        {
            filters.Add("name=" + request.Name.Trim());
        }

        return filters;
    }
}
