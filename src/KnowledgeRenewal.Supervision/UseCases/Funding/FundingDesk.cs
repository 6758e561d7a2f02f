using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Funding;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Funding;

/// <summary>Who does what with project funding (pages and endpoints use the same lists).</summary>
public static class FundingAccess
{
    /// <summary>Read a project's funding page, its lines and vouchers (within the project's scope).</summary>
    public static readonly string[] Readers = [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin, PlatformRoles.ProviderStaff, PlatformRoles.EmployerHr];

    /// <summary>Record spending: the project's host (a provider's staff, or the employer's HR for a project it runs itself) or the program office.</summary>
    public static readonly string[] Recorders = [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.ProviderStaff, PlatformRoles.EmployerHr];

    /// <summary>Read flagged lines across projects: the program office city-wide, counties and departments their own.</summary>
    public static readonly string[] FlagReaders = [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin];

    /// <summary>Set approved category budgets and explain flags: the program office.</summary>
    public static readonly string[] Office = [PlatformRoles.ProgramOfficeAdmin];

    /// <summary>The comma list of <see cref="Readers"/> for <c>[Authorize(Roles = …)]</c>.</summary>
    public const string ReaderRoles = PlatformRoles.ProgramOfficeAdmin + "," + PlatformRoles.CountyAdmin + "," + PlatformRoles.DepartmentAdmin + "," + PlatformRoles.ProviderStaff + "," + PlatformRoles.EmployerHr;

    /// <summary>The comma list of <see cref="FlagReaders"/>.</summary>
    public const string FlagReaderRoles = PlatformRoles.ProgramOfficeAdmin + "," + PlatformRoles.CountyAdmin + "," + PlatformRoles.DepartmentAdmin;

    /// <summary>The project states in which money is spent and recorded: approved until completed.</summary>
    public static readonly ProjectStatus[] Spending = [ProjectStatus.Approved, ProjectStatus.PublicNotice, ProjectStatus.Published, ProjectStatus.InProgress, ProjectStatus.Completed];

    /// <summary>Largest single amount or budget (10 亿元) in fen.</summary>
    public const long MaxFen = 100_000_000_000;

    /// <summary>Whether the caller is the program office (all business data).</summary>
    public static bool IsOffice(ICurrentAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Roles.Contains(PlatformRoles.ProgramOfficeAdmin) && access.Scope.AllBusinessData;
    }

    /// <summary>Whether the caller records spending of <paramref name="project"/>: the program office, or the host's own staff.</summary>
    public static bool MayRecord(ICurrentAccess access, Project project)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(project);
        return IsOffice(access)
            || (access.OrganizationId is { } org && org == (project.ProviderId ?? project.ApplicantOrganizationId)
                && (access.Roles.Contains(PlatformRoles.ProviderStaff) || access.Roles.Contains(PlatformRoles.EmployerHr)));
    }
}

/// <summary>Problem codes of funding.</summary>
public static class FundingProblemCodes
{
    /// <summary>The caller may not record the project's spending.</summary>
    public const string NotHost = "supervision.spending_not_host";

    /// <summary>The project is not in a spending state.</summary>
    public const string NotSpending = "supervision.spending_project_not_running";

    /// <summary>The category budgets exceed the project's total.</summary>
    public const string BudgetOverTotal = "supervision.category_budget_over_total";

    /// <summary>The line has no open flag.</summary>
    public const string NothingToExplain = "supervision.spending_not_flagged";

    /// <summary>Only the program office.</summary>
    public const string NotOffice = "supervision.funding_office_only";
}

/// <summary>A project's budget per category or source against what is spent.</summary>
/// <param name="Key">The category or source (its English name).</param>
/// <param name="Name">In Chinese.</param>
/// <param name="BudgetFen">Approved (category) or budgeted (source).</param>
/// <param name="SpentFen">Spent.</param>
/// <param name="Over">Whether spent exceeds budget.</param>
public sealed record BudgetRow(string Key, string Name, long BudgetFen, long SpentFen, bool Over);

/// <summary>One spending line as read.</summary>
public sealed record SpendingLineView(
    Guid Id, Guid ProjectId, string ProjectNumber, string ProjectTitle, SpendingCategory Category, string CategoryName, FundingSource Source, string SourceName,
    long AmountFen, DateOnly SpentOn, string Payee, string? Purpose, string VoucherFileName, long VoucherSize,
    SpendingIssues Flags, IReadOnlyList<string> FlagNames, IReadOnlyList<string> Reasons, bool OpenFlag,
    string? Explanation, DateTime? ExplainedAt, string? ExplainedByName, DateTime RecordedAt, string? RecordedByName);

/// <summary>A project's funding page.</summary>
public sealed record ProjectFundingView(
    Guid ProjectId, string Number, string Title, string StatusName, DateOnly StartDate, DateOnly EndDate,
    long BudgetFen, long SpentFen, IReadOnlyList<BudgetRow> Categories, IReadOnlyList<BudgetRow> Sources,
    IReadOnlyList<SpendingLineView> Lines, int OpenFlags, bool MayRecord, bool MayApproveBudget, bool MayExplain, bool Spending);

/// <summary>What the funding use cases share: the project within scope, the current spending, the views.</summary>
internal sealed class FundingDesk(PlatformDbContext db, TimeProvider clock)
{
    /// <summary>Today in China.</summary>
    public DateOnly Today => ProgramCalendar.Today(clock);

    /// <summary>Now (UTC).</summary>
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The project within the caller's scope, or 404.</summary>
    public async Task<Project> ProjectAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("项目", id);

    /// <summary>The project's budget as the ring-fence check reads it.</summary>
    public async Task<ProjectBudget> BudgetAsync(Project project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        var categories = await db.Set<ProjectCategoryBudget>().AsNoTracking().Where(b => b.ProjectId == project.Id)
            .ToDictionaryAsync(b => b.Category, b => b.AmountFen, cancellationToken).ConfigureAwait(false);
        return new ProjectBudget(categories, Sources(project), project.BudgetTotalFen, project.EndDate);
    }

    /// <summary>The project's budget lines by source.</summary>
    public static Dictionary<FundingSource, long> Sources(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return new()
        {
            [FundingSource.Central] = project.CentralFundingFen,
            [FundingSource.Provincial] = project.ProvincialFundingFen,
            [FundingSource.Municipal] = project.MunicipalFundingFen,
            [FundingSource.SelfRaised] = project.SelfRaisedFundingFen,
            [FundingSource.Employer] = project.EmployerFundingFen,
            [FundingSource.Individual] = project.IndividualFundingFen,
        };
    }

    /// <summary>What the project has spent so far.</summary>
    public async Task<SpentSoFar> SpentAsync(Guid projectId, CancellationToken cancellationToken)
    {
        var sums = await db.Set<SpendingLine>().AsNoTracking().Where(l => l.ProjectId == projectId)
            .GroupBy(l => new { l.Category, l.Source }).Select(g => new { g.Key.Category, g.Key.Source, Fen = g.Sum(l => l.AmountFen) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new SpentSoFar(
            sums.GroupBy(s => s.Category).ToDictionary(g => g.Key, g => g.Sum(s => s.Fen)),
            sums.GroupBy(s => s.Source).ToDictionary(g => g.Key, g => g.Sum(s => s.Fen)),
            sums.Sum(s => s.Fen));
    }

    /// <summary>A line within the caller's scope (tracked when <paramref name="tracked"/>), or 404.</summary>
    public async Task<SpendingLine> LineAsync(Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var lines = tracked ? db.Set<SpendingLine>() : db.Set<SpendingLine>().AsNoTracking();
        return await lines.FirstOrDefaultAsync(l => l.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("支出记录", id);
    }

    /// <summary>The view of one line.</summary>
    public async Task<SpendingLineView> ViewAsync(SpendingLine line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == line.ProjectId).Select(p => new { p.Number, p.Title }).FirstAsync(cancellationToken).ConfigureAwait(false);
        return View(line, project.Number, project.Title);
    }

    /// <summary>The view of one line of a known project.</summary>
    public static SpendingLineView View(SpendingLine line, string number, string title)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new SpendingLineView(line.Id, line.ProjectId, number, title, line.Category, FundingLabels.Category(line.Category), line.Source, FundingLabels.Source(line.Source),
            line.AmountFen, line.SpentOn, line.Payee, line.Purpose, line.VoucherFileName, line.VoucherSize,
            line.Flags, [.. FundingLabels.Each(line.Flags).Select(FundingLabels.Flag)],
            string.IsNullOrEmpty(line.FlagReasons) ? [] : line.FlagReasons.Split('\n'), line.OpenFlag,
            line.Explanation, line.ExplainedAt, line.ExplainedByName, line.RecordedAt, line.RecordedByName);
    }

    /// <summary>The funding page of <paramref name="project"/> for <paramref name="access"/>.</summary>
    public async Task<ProjectFundingView> FundingAsync(Project project, ICurrentAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        var budget = await BudgetAsync(project, cancellationToken).ConfigureAwait(false);
        var lines = await db.Set<SpendingLine>().AsNoTracking().Where(l => l.ProjectId == project.Id)
            .OrderByDescending(l => l.SpentOn).ThenByDescending(l => l.RecordedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        var byCategory = lines.GroupBy(l => l.Category).ToDictionary(g => g.Key, g => g.Sum(l => l.AmountFen));
        var bySource = lines.GroupBy(l => l.Source).ToDictionary(g => g.Key, g => g.Sum(l => l.AmountFen));
        var categories = Enum.GetValues<SpendingCategory>()
            .Where(c => budget.Categories.GetValueOrDefault(c) > 0 || byCategory.ContainsKey(c))
            .Select(c => Row(c.ToString(), FundingLabels.Category(c), budget.Categories.GetValueOrDefault(c), byCategory.GetValueOrDefault(c))).ToArray();
        var sources = Enum.GetValues<FundingSource>()
            .Where(s => budget.Sources.GetValueOrDefault(s) > 0 || bySource.ContainsKey(s))
            .Select(s => Row(s.ToString(), FundingLabels.Source(s), budget.Sources.GetValueOrDefault(s), bySource.GetValueOrDefault(s))).ToArray();
        var spending = FundingAccess.Spending.Contains(project.Status);
        var office = FundingAccess.IsOffice(access);
        return new ProjectFundingView(project.Id, project.Number, project.Title, ProjectLabels.Status(project.Status), project.StartDate, project.EndDate,
            project.BudgetTotalFen, lines.Sum(l => l.AmountFen), categories, sources, [.. lines.Select(l => View(l, project.Number, project.Title))],
            lines.Count(l => l.OpenFlag), spending && FundingAccess.MayRecord(access, project), office, office, spending);
    }

    private static BudgetRow Row(string key, string name, long budget, long spent) => new(key, name, budget, spent, spent > budget);
}
