using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using System.Linq.Expressions;
using FluentValidation;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.UseCases.Compliance;

/// <summary>How a summary groups people.</summary>
public static class SummaryGrouping
{
    /// <summary>By the person's region (county).</summary>
    public const string Region = "region";

    /// <summary>By the person's sector (line department).</summary>
    public const string Department = "department";

    /// <summary>By the person's employer.</summary>
    public const string Employer = "employer";

    /// <summary>By the ownership of the employer recorded on the compliance row (as OData's <c>EmployerOwnership</c>).</summary>
    public const string Ownership = "ownership";

    /// <summary>Every grouping.</summary>
    public static IReadOnlyList<string> All { get; } = [Region, Department, Employer, Ownership];
}

/// <summary>
/// Compliance of the caller's people for the cycle containing <paramref name="Year"/> (default: this year), counted
/// from the compliance table and grouped by <paramref name="GroupBy"/> (region, department or employer — the
/// person's current one; or ownership — of the employer recorded on the row, stored with it, as the OData feed's
/// <c>groupby((EmployerOwnership))</c>: every row the caller may see is in one group). Only the people the caller may see are counted: a county its region, a department its
/// sector, an employer its staff, the program office everyone.
/// </summary>
/// <param name="Year">The year; this year when null.</param>
/// <param name="GroupBy"><c>region</c> (default), <c>department</c>, <c>employer</c> or <c>ownership</c>.</param>
public sealed record GetComplianceSummary(int? Year, string? GroupBy) : IRequest<ComplianceSummaryView>;

/// <summary>One group's counts.</summary>
/// <param name="Key">Region code, department code, employer id or ownership (<c>Public</c>, <c>NonPublic</c>).</param>
/// <param name="Name">Its name (null when the caller may not see the employer).</param>
/// <param name="People">People with a computed cycle.</param>
/// <param name="Met">达标.</param>
/// <param name="NotMet">未达标.</param>
/// <param name="InProgress">进行中.</param>
/// <param name="NoRules">无适用规则.</param>
/// <param name="CountedHours">Credit hours counted, in total.</param>
/// <param name="ShareMet">Met ÷ people (0 when there are none), to four places.</param>
public sealed record ComplianceSummaryGroup(string Key, string? Name, int People, int Met, int NotMet, int InProgress, int NoRules, decimal CountedHours, decimal ShareMet);

/// <summary>A compliance summary.</summary>
/// <param name="Year">The year.</param>
/// <param name="GroupBy">How it is grouped.</param>
/// <param name="Total">Every counted person.</param>
/// <param name="Groups">Per group, by key.</param>
public sealed record ComplianceSummaryView(int Year, string GroupBy, ComplianceSummaryGroup Total, IReadOnlyList<ComplianceSummaryGroup> Groups);

/// <summary>Checks the year and the grouping.</summary>
public sealed class GetComplianceSummaryValidator : AbstractValidator<GetComplianceSummary>
{
    /// <summary>Creates the validator.</summary>
    public GetComplianceSummaryValidator(TimeProvider clock)
    {
        RuleFor(r => r.Year).Must(y => y is null || ComplianceYears.IsValid(y.Value, clock))
            .WithErrorCode("out_of_range").WithMessage(_ => ComplianceYears.Message(clock));
        RuleFor(r => r.GroupBy).Must(g => g is null || SummaryGrouping.All.Contains(g.Trim().ToLowerInvariant()))
            .WithErrorCode("invalid").WithMessage("分组方式（groupBy）应为 region（按区县）、department（按行业）、employer（按用人单位）或 ownership（按用人单位所有制）。");
    }
}

/// <summary>Handles <see cref="GetComplianceSummary"/>: one grouped query over the compliance table (cut by the caller's scope).</summary>
public sealed class GetComplianceSummaryHandler(PlatformDbContext db, TimeProvider clock) : IRequestHandler<GetComplianceSummary, ComplianceSummaryView>
{
    /// <inheritdoc />
    public async Task<ComplianceSummaryView> Handle(GetComplianceSummary request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var year = request.Year ?? ProgramCalendar.Today(clock).Year;
        var groupBy = request.GroupBy?.Trim().ToLowerInvariant() ?? SummaryGrouping.Region;

        // Both sets are cut by the caller's scope (which follows the person's current owners); the registry row says
        // where the person is now. IgnoreQueryFilters on either side would lift the filters of the whole query.
        var rows = db.Compliance.AsNoTracking()
            .Where(c => c.CycleStart <= year && c.CycleEnd >= year)
            .Join(
                db.Professionals,
                c => c.ProfessionalId,
                p => p.Id,
                (c, p) => new SummaryRow { Status = c.Status, Counted = c.CountedDecimal, RegionCode = p.RegionCode, DepartmentCode = p.DepartmentCode, EmployerId = p.EmployerId });
        var counts = groupBy switch
        {
            SummaryGrouping.Ownership => await CountAsync(ByOwnership(year), r => r.Ownership, k => k.ToString(), cancellationToken).ConfigureAwait(false),
            SummaryGrouping.Department => await CountAsync(rows, r => r.DepartmentCode, k => k, cancellationToken).ConfigureAwait(false),
            SummaryGrouping.Employer => await CountAsync(rows, r => r.EmployerId, k => k.ToString("D"), cancellationToken).ConfigureAwait(false),
            _ => await CountAsync(rows, r => r.RegionCode, k => k, cancellationToken).ConfigureAwait(false),
        };

        var names = await NamesAsync(groupBy, counts.Select(c => c.Key).ToList(), cancellationToken).ConfigureAwait(false);
        var groups = counts
            .Select(c => Group(c.Key, names.GetValueOrDefault(c.Key), c.People, c.Met, c.NotMet, c.InProgress, c.NoRules, c.Counted))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var total = Group("total", "合计", groups.Sum(g => g.People), groups.Sum(g => g.Met), groups.Sum(g => g.NotMet), groups.Sum(g => g.InProgress), groups.Sum(g => g.NoRules), groups.Sum(g => g.CountedHours));
        return new ComplianceSummaryView(year, groupBy, total, groups);
    }

    // The rows with the ownership of the employer recorded on each (stored on the row, as the OData feed groups by it);
    // no join with the registry, so the rows are the feed's and the groups add up to the total for every caller.
    private IQueryable<SummaryRow> ByOwnership(int year) =>
        db.Compliance.AsNoTracking()
            .Where(c => c.CycleStart <= year && c.CycleEnd >= year)
            .Select(c => new SummaryRow { Status = c.Status, Counted = c.CountedDecimal, RegionCode = c.RegionCode, DepartmentCode = c.DepartmentCode, EmployerId = c.EmployerId, Ownership = c.EmployerOwnership });

    private static ComplianceSummaryGroup Group(string key, string? name, int people, int met, int notMet, int inProgress, int noRules, decimal counted) =>
        new(key, name, people, met, notMet, inProgress, noRules, counted, people == 0 ? 0m : Math.Round((decimal)met / people, 4, MidpointRounding.AwayFromZero));

    private static async Task<List<GroupCounts>> CountAsync<TKey>(
        IQueryable<SummaryRow> rows, Expression<Func<SummaryRow, TKey>> key, Func<TKey, string> text, CancellationToken cancellationToken)
    {
        var groups = await rows.GroupBy(key).Select(g => new
        {
            g.Key,
            People = g.Count(),
            Met = g.Count(r => r.Status == ComplianceStatus.Met),
            NotMet = g.Count(r => r.Status == ComplianceStatus.NotMet),
            InProgress = g.Count(r => r.Status == ComplianceStatus.InProgress),
            NoRules = g.Count(r => r.Status == ComplianceStatus.NoRules),
            Counted = g.Sum(r => r.Counted),
        }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. groups.Select(g => new GroupCounts { Key = text(g.Key), People = g.People, Met = g.Met, NotMet = g.NotMet, InProgress = g.InProgress, NoRules = g.NoRules, Counted = g.Counted })];
    }

    private async Task<Dictionary<string, string>> NamesAsync(string groupBy, List<string> keys, CancellationToken cancellationToken)
    {
        switch (groupBy)
        {
            case SummaryGrouping.Department:
                return keys.ToDictionary(k => k, JiningReferenceData.DepartmentName, StringComparer.Ordinal);
            case SummaryGrouping.Ownership:
                return keys.ToDictionary(k => k, k => Enum.TryParse<Ownership>(k, out var o) ? RegistryLabels.Ownerships.GetValueOrDefault(o, k) : k, StringComparer.Ordinal);
            case SummaryGrouping.Employer:
                var ids = keys.Select(Guid.Parse).ToList();

                // Employers the caller may see (an employer's name is its own data).
                var employers = await db.Employers.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
                return employers.ToDictionary(e => e.Id.ToString("D"), e => e.Name, StringComparer.Ordinal);
            default:
                return await db.Regions.AsNoTracking().Where(r => keys.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class SummaryRow
    {
        public ComplianceStatus Status { get; init; }

        public decimal Counted { get; init; }

        public required string RegionCode { get; init; }

        public required string DepartmentCode { get; init; }

        public Guid EmployerId { get; init; }

        public Ownership Ownership { get; init; }
    }

    private sealed class GroupCounts
    {
        public required string Key { get; init; }

        public int People { get; init; }

        public int Met { get; init; }

        public int NotMet { get; init; }

        public int InProgress { get; init; }

        public int NoRules { get; init; }

        public decimal Counted { get; init; }
    }
}
