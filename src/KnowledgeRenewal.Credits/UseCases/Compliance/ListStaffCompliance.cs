using FluentValidation;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Compliance;

/// <summary>
/// The caller's people with their compliance for the cycle containing <paramref name="Year"/> (default: this year), from
/// the compliance table — the rows <see cref="GetComplianceSummary"/> counts — one per person: status, counted and
/// required hours, what is missing. Filtered by status, employer, sector and region; worst first (未达标, 进行中,
/// 无适用规则, 达标), then by name, or sorted by name, status, shortfall or counted hours; only the people the caller
/// may see (an employer its staff, a county its region, a department its sector). An employer the caller may not see
/// is not found (<see cref="ComplianceAccess.EnsureMayDrillInto"/>).
/// </summary>
/// <param name="Year">The year; this year when null.</param>
/// <param name="Status">Only this status (<see cref="ComplianceStatus"/> name, or its Chinese label).</param>
/// <param name="Page">Page number (from 1).</param>
/// <param name="PageSize">Rows per page (1–100).</param>
/// <param name="EmployerId">Only the people of this employer (the drill-down of an employer's row).</param>
/// <param name="Department">Only the people of this sector (a line department's code).</param>
/// <param name="Region">Only the people of this region (a region code).</param>
/// <param name="Sort"><c>name</c>, <c>status</c> (worst first, the default), <c>shortfall</c> or <c>counted</c>.</param>
/// <param name="Descending">Reverse the order.</param>
internal sealed record ListStaffCompliance(
    int? Year, string? Status, int Page = 1, int PageSize = Paging.DefaultPageSize, Guid? EmployerId = null, string? Department = null, string? Region = null,
    string? Sort = null, bool Descending = false) : IRequest<Paged<StaffComplianceRow>>;

/// <summary>One person's compliance as the overview shows it.</summary>
/// <param name="ProfessionalId">The person.</param>
/// <param name="Name">姓名.</param>
/// <param name="IdNumberMasked">身份证号, masked.</param>
/// <param name="CycleStart">The cycle's first year.</param>
/// <param name="CycleEnd">The cycle's last year.</param>
/// <param name="Status">Met, not met, in progress or no rules.</param>
/// <param name="StatusLabel">In Chinese.</param>
/// <param name="CountedHours">Hours counted.</param>
/// <param name="RequiredHours">Hours required.</param>
/// <param name="Missing">What is missing, in Chinese (null when nothing).</param>
/// <param name="ComputedAt">When it was computed (UTC).</param>
/// <param name="EmployerId">The person's employer.</param>
/// <param name="EmployerName">Its name (null when the caller may not see the employer).</param>
/// <param name="ShortfallHours">Hours still missing (required − counted, at least 0).</param>
internal sealed record StaffComplianceRow(
    Guid ProfessionalId, string Name, string IdNumberMasked, int CycleStart, int CycleEnd, ComplianceStatus Status, string StatusLabel,
    decimal CountedHours, decimal RequiredHours, string? Missing, DateTime ComputedAt, Guid EmployerId, string? EmployerName, decimal ShortfallHours);

/// <summary>Checks the year, the status and paging.</summary>
internal sealed class ListStaffComplianceValidator : AbstractValidator<ListStaffCompliance>
{
    /// <summary>Creates the validator.</summary>
    public ListStaffComplianceValidator(TimeProvider clock)
    {
        RuleFor(r => r.Year).Must(y => y is null || ComplianceYears.IsValid(y.Value, clock))
            .WithErrorCode("out_of_range").WithMessage(_ => ComplianceYears.Message(clock));
        RuleFor(r => r.Status).Must(s => StaffComplianceRows.TryParseStatus(s, out _)).When(r => !string.IsNullOrWhiteSpace(r.Status))
            .WithErrorCode("status.invalid").WithMessage("达标情况（status）应为 达标、未达标、进行中 或 无适用规则。");
        RuleFor(r => r.Department).Must(StaffComplianceRows.IsDepartment).WithErrorCode("department.unknown").WithMessage("所属行业（department）应为行业主管部门的代码。");
        RuleFor(r => r.Region).Must(StaffComplianceRows.IsRegion).WithErrorCode("region.unknown").WithMessage("所属区域（region）应为区县代码。");
        RuleFor(r => r.Sort).Must(StaffComplianceRows.IsSort).WithErrorCode("sort.invalid").WithMessage("排序（sort）应为 name（姓名）、status（达标情况）、shortfall（尚缺学时）或 counted（已计学时）。");
        RuleFor(r => r.Page).ValidPage();
        RuleFor(r => r.PageSize).ValidPageSize();
    }
}

/// <summary>Handles <see cref="ListStaffCompliance"/>: counted and paged in the database.</summary>
internal sealed class ListStaffComplianceHandler(PlatformDbContext db, TimeProvider clock) : IRequestHandler<ListStaffCompliance, Paged<StaffComplianceRow>>
{
    /// <inheritdoc />
    public async Task<Paged<StaffComplianceRow>> Handle(ListStaffCompliance request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await StaffComplianceRows.EnsureMayDrillIntoAsync(db, request.EmployerId, cancellationToken).ConfigureAwait(false);
        var filter = new StaffComplianceFilter(request.Year ?? ProgramCalendar.Today(clock).Year, request.Status, request.EmployerId, request.Department, request.Region);
        var rows = StaffComplianceRows.Query(db, filter);
        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await StaffComplianceRows.Ordered(rows, request.Sort, request.Descending).Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new Paged<StaffComplianceRow>(request.Page, request.PageSize, total, [.. items.Select(StaffComplianceRows.View)]);
    }
}

/// <summary>What the overview and its export share: the rows of a year, the status filter, the order.</summary>
internal static class StaffComplianceRows
{
    /// <summary>Parses a status filter (the enum's name or the Chinese label).</summary>
    public static bool TryParseStatus(string? text, out ComplianceStatus status)
    {
        var trimmed = text?.Trim() ?? "";
        foreach (var candidate in Enum.GetValues<ComplianceStatus>())
        {
            if (string.Equals(candidate.ToString(), trimmed, StringComparison.OrdinalIgnoreCase) || ComplianceLabels.Status(candidate) == trimmed)
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    /// <summary>The sort keys.</summary>
    public static IReadOnlyList<string> SortKeys { get; } = ["name", "status", "shortfall", "counted"];

    /// <summary>Whether <paramref name="code"/> is empty or a line department's code.</summary>
    public static bool IsDepartment(string? code) =>
        string.IsNullOrWhiteSpace(code) || JiningReferenceData.LineDepartments.Any(d => d.Code == code.Trim());

    /// <summary>Whether <paramref name="code"/> is empty or a region's code.</summary>
    public static bool IsRegion(string? code) =>
        string.IsNullOrWhiteSpace(code) || JiningReferenceData.Regions.Any(r => r.Code == code.Trim());

    /// <summary>Whether <paramref name="key"/> is empty or a sort key.</summary>
    public static bool IsSort(string? key) =>
        string.IsNullOrWhiteSpace(key) || SortKeys.Contains(key.Trim().ToLowerInvariant());

    /// <summary>404 unless the caller may see the employer asked for (<see cref="ComplianceAccess.EnsureMayDrillInto"/>); nothing without one.</summary>
    public static async Task EnsureMayDrillIntoAsync(PlatformDbContext db, Guid? employerId, CancellationToken cancellationToken)
    {
        if (employerId is { } id)
        {
            // The employers' set is cut by the caller's scope: it shows what the registry shows the caller.
            var visible = await db.Employers.AsNoTracking().AnyAsync(e => e.Id == id, cancellationToken).ConfigureAwait(false);
            ComplianceAccess.EnsureMayDrillInto(id, visible);
        }
    }

    /// <summary>The rows of the filter's cycle of the people the caller may see (both sets are scope-filtered).</summary>
    public static IQueryable<Row> Query(PlatformDbContext db, StaffComplianceFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var year = filter.Year;
        var compliance = db.Compliance.AsNoTracking().Where(c => c.CycleStart <= year && c.CycleEnd >= year);
        if (!string.IsNullOrWhiteSpace(filter.Status) && TryParseStatus(filter.Status, out var wanted))
        {
            compliance = compliance.Where(c => c.Status == wanted);
        }

        var people = db.Professionals.AsNoTracking();
        var employers = db.Employers.AsNoTracking();
        if (filter.EmployerId is { } employerId)
        {
            people = people.Where(p => p.EmployerId == employerId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Department))
        {
            var department = filter.Department.Trim();
            people = people.Where(p => p.DepartmentCode == department);
        }

        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            var region = filter.Region.Trim();
            people = people.Where(p => p.RegionCode == region);
        }

        return compliance.Join(
            people,
            c => c.ProfessionalId,
            p => p.Id,
            (c, p) => new Row
            {
                ProfessionalId = p.Id,
                Name = p.Name,
                IdNumberMasked = p.IdNumberMasked,
                CycleStart = c.CycleStart,
                CycleEnd = c.CycleEnd,
                Status = c.Status,
                Counted = c.CountedDecimal,
                Required = c.RequiredDecimal,
                Missing = c.Missing,
                ComputedAt = c.ComputedAt,
                EmployerId = p.EmployerId,

                // The employer's name as the caller's scope shows it (null for an employer the caller may not see).
                EmployerName = employers.Where(e => e.Id == p.EmployerId).Select(e => e.Name).FirstOrDefault(),
            });
    }

    /// <summary>Worst first, then by name (the default); or by name, status, shortfall or counted hours.</summary>
    public static IQueryable<Row> Ordered(IQueryable<Row> rows, string? sort = null, bool descending = false)
    {
        IOrderedQueryable<Row> ordered = (sort?.Trim().ToLowerInvariant()) switch
        {
            "name" => descending ? rows.OrderByDescending(r => r.Name) : rows.OrderBy(r => r.Name),
            "shortfall" => descending
                ? rows.OrderByDescending(r => r.Required - r.Counted).ThenBy(r => r.Name)
                : rows.OrderBy(r => r.Required - r.Counted).ThenBy(r => r.Name),
            "counted" => descending ? rows.OrderByDescending(r => r.Counted).ThenBy(r => r.Name) : rows.OrderBy(r => r.Counted).ThenBy(r => r.Name),
            _ => descending
                ? rows.OrderByDescending(r => r.Status == ComplianceStatus.NotMet ? 0 : r.Status == ComplianceStatus.InProgress ? 1 : r.Status == ComplianceStatus.NoRules ? 2 : 3).ThenBy(r => r.Name)
                : rows.OrderBy(r => r.Status == ComplianceStatus.NotMet ? 0 : r.Status == ComplianceStatus.InProgress ? 1 : r.Status == ComplianceStatus.NoRules ? 2 : 3).ThenBy(r => r.Name),
        };
        return ordered.ThenBy(r => r.ProfessionalId);
    }

    /// <summary>The view of a row.</summary>
    public static StaffComplianceRow View(Row r) =>
        new(r.ProfessionalId, r.Name, r.IdNumberMasked, r.CycleStart, r.CycleEnd, r.Status, ComplianceLabels.Status(r.Status), r.Counted, r.Required, r.Missing, r.ComputedAt,
            r.EmployerId, r.EmployerName, Math.Max(0m, r.Required - r.Counted));

    /// <summary>A row as read from the database.</summary>
    internal sealed class Row
    {
        public Guid ProfessionalId { get; init; }

        public required string Name { get; init; }

        public required string IdNumberMasked { get; init; }

        public int CycleStart { get; init; }

        public int CycleEnd { get; init; }

        public ComplianceStatus Status { get; init; }

        public decimal Counted { get; init; }

        public decimal Required { get; init; }

        public string? Missing { get; init; }

        public DateTime ComputedAt { get; init; }

        public Guid EmployerId { get; init; }

        public string? EmployerName { get; init; }
    }
}

/// <summary>What the overview and its export filter by.</summary>
/// <param name="Year">The year whose cycle is shown.</param>
/// <param name="Status">Only this status.</param>
/// <param name="EmployerId">Only this employer's people.</param>
/// <param name="Department">Only this sector's people.</param>
/// <param name="Region">Only this region's people.</param>
internal sealed record StaffComplianceFilter(int Year, string? Status, Guid? EmployerId, string? Department, string? Region);
