using System.Globalization;
using FluentValidation;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Compliance;

/// <summary>
/// The overview of <see cref="ListStaffCompliance"/> — every row of the filter, same order — as xlsx, ID numbers masked.
/// Audited (<see cref="AuditActions.DataExported"/>: year, status filter, row count).
/// </summary>
/// <param name="Year">The year; this year when null.</param>
/// <param name="Status">Only this status.</param>
/// <param name="EmployerId">Only this employer's people (404 for an employer the caller may not see).</param>
/// <param name="Department">Only this sector's people.</param>
/// <param name="Region">Only this region's people.</param>
/// <param name="Sort">The order, as <see cref="ListStaffCompliance.Sort"/>.</param>
/// <param name="Descending">Reverse the order.</param>
internal sealed record ExportStaffCompliance(
    int? Year, string? Status, Guid? EmployerId = null, string? Department = null, string? Region = null, string? Sort = null, bool Descending = false) : IRequest<ComplianceWorkbook>;

/// <summary>An xlsx download.</summary>
/// <param name="Content">The workbook.</param>
/// <param name="FileName">Its name.</param>
internal sealed record ComplianceWorkbook(Stream Content, string FileName);

/// <summary>Checks the year and the status.</summary>
internal sealed class ExportStaffComplianceValidator : AbstractValidator<ExportStaffCompliance>
{
    /// <summary>Creates the validator.</summary>
    public ExportStaffComplianceValidator(TimeProvider clock)
    {
        RuleFor(r => r.Year).Must(y => y is null || ComplianceYears.IsValid(y.Value, clock))
            .WithErrorCode("out_of_range").WithMessage(_ => ComplianceYears.Message(clock));
        RuleFor(r => r.Status).Must(s => StaffComplianceRows.TryParseStatus(s, out _)).When(r => !string.IsNullOrWhiteSpace(r.Status))
            .WithErrorCode("status.invalid").WithMessage("达标情况（status）应为 达标、未达标、进行中 或 无适用规则。");
        RuleFor(r => r.Department).Must(StaffComplianceRows.IsDepartment).WithErrorCode("department.unknown").WithMessage("所属行业（department）应为行业主管部门的代码。");
        RuleFor(r => r.Region).Must(StaffComplianceRows.IsRegion).WithErrorCode("region.unknown").WithMessage("所属区域（region）应为区县代码。");
        RuleFor(r => r.Sort).Must(StaffComplianceRows.IsSort).WithErrorCode("sort.invalid").WithMessage("排序（sort）应为 name（姓名）、status（达标情况）、shortfall（尚缺学时）或 counted（已计学时）。");
    }
}

/// <summary>Handles <see cref="ExportStaffCompliance"/>.</summary>
internal sealed class ExportStaffComplianceHandler(PlatformDbContext db, IAuditTrail audit, TimeProvider clock) : IRequestHandler<ExportStaffCompliance, ComplianceWorkbook>
{
    private static readonly string[] Columns = ["姓名", "身份证号（脱敏）", "工作单位", "周期", "达标情况", "已计学时", "应修学时", "尚缺学时", "尚缺", "计算时间"];

    /// <inheritdoc />
    public async Task<ComplianceWorkbook> Handle(ExportStaffCompliance request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var year = request.Year ?? ProgramCalendar.Today(clock).Year;
        await StaffComplianceRows.EnsureMayDrillIntoAsync(db, request.EmployerId, cancellationToken).ConfigureAwait(false);
        var filter = new StaffComplianceFilter(year, request.Status, request.EmployerId, request.Department, request.Region);
        var rows = await StaffComplianceRows.Ordered(StaffComplianceRows.Query(db, filter), request.Sort, request.Descending).ToListAsync(cancellationToken).ConfigureAwait(false);
        var cells = rows.Select(StaffComplianceRows.View).Select(r => new object?[]
        {
            r.Name,
            r.IdNumberMasked,
            r.EmployerName ?? "",
            r.CycleStart == r.CycleEnd ? r.CycleStart.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{r.CycleStart}–{r.CycleEnd}"),
            r.StatusLabel,
            r.CountedHours,
            r.RequiredHours,
            r.ShortfallHours,
            r.Missing ?? "",
            ChinaTime.Format(r.ComputedAt),
        }).ToList();
        var stream = ImportWorkbooks.Sheet("学时达标情况", Columns, cells);
        try
        {
            var details = string.Create(CultureInfo.InvariantCulture, $"format=xlsx; rows={cells.Count}; compliance of {year}; status={(string.IsNullOrWhiteSpace(request.Status) ? "all" : request.Status.Trim())}{(request.EmployerId is { } e ? $"; employer={e:D}" : "")}{(string.IsNullOrWhiteSpace(request.Department) ? "" : $"; department={request.Department.Trim()}")}{(string.IsNullOrWhiteSpace(request.Region) ? "" : $"; region={request.Region.Trim()}")}");
            await audit.RecordAsync(new AuditEvent(AuditActions.DataExported, AuditOutcome.Success, nameof(CycleCompliance), null, details), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new ComplianceWorkbook(stream, string.Create(CultureInfo.InvariantCulture, $"学时达标情况-{year}.xlsx"));
    }
}
