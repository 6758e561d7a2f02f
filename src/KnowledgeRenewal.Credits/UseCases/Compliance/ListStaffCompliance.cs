using FluentValidation;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Compliance;

/// <summary>
/// The caller's people with their compliance for the cycle containing <paramref name="Year"/> (default: this year), from
/// the compliance table — the rows <see cref="GetComplianceSummary"/> counts — one per person: status, counted and
/// required hours, what is missing. Filtered by status, worst first (未达标, 进行中, 无适用规则, 达标), then by name;
/// only the people the caller may see (an employer its staff, a county its region, a department its sector).
/// </summary>
/// <param name="Year">The year; this year when null.</param>
/// <param name="Status">Only this status (<see cref="ComplianceStatus"/> name, or its Chinese label).</param>
/// <param name="Page">Page number (from 1).</param>
/// <param name="PageSize">Rows per page (1–100).</param>
internal sealed record ListStaffCompliance(int? Year, string? Status, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<Paged<StaffComplianceRow>>;

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
internal sealed record StaffComplianceRow(
    Guid ProfessionalId, string Name, string IdNumberMasked, int CycleStart, int CycleEnd, ComplianceStatus Status, string StatusLabel,
    decimal CountedHours, decimal RequiredHours, string? Missing, DateTime ComputedAt);

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
        var rows = StaffComplianceRows.Query(db, request.Year ?? ProgramCalendar.Today(clock).Year, request.Status);
        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await StaffComplianceRows.Ordered(rows).Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
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

    /// <summary>The rows of the cycle containing <paramref name="year"/> of the people the caller may see (both sets are scope-filtered).</summary>
    public static IQueryable<Row> Query(PlatformDbContext db, int year, string? status)
    {
        var compliance = db.Compliance.AsNoTracking().Where(c => c.CycleStart <= year && c.CycleEnd >= year);
        if (!string.IsNullOrWhiteSpace(status) && TryParseStatus(status, out var wanted))
        {
            compliance = compliance.Where(c => c.Status == wanted);
        }

        return compliance.Join(
            db.Professionals.AsNoTracking(),
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
            });
    }

    /// <summary>Worst first, then by name.</summary>
    public static IQueryable<Row> Ordered(IQueryable<Row> rows) =>
        rows.OrderBy(r => r.Status == ComplianceStatus.NotMet ? 0 : r.Status == ComplianceStatus.InProgress ? 1 : r.Status == ComplianceStatus.NoRules ? 2 : 3)
            .ThenBy(r => r.Name).ThenBy(r => r.ProfessionalId);

    /// <summary>The view of a row.</summary>
    public static StaffComplianceRow View(Row r) =>
        new(r.ProfessionalId, r.Name, r.IdNumberMasked, r.CycleStart, r.CycleEnd, r.Status, ComplianceLabels.Status(r.Status), r.Counted, r.Required, r.Missing, r.ComputedAt);

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
    }
}
