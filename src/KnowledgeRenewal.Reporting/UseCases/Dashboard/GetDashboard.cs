using FluentValidation;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Reporting.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Reporting.UseCases.Dashboard;

/// <summary>
/// The program dashboard (领导驾驶舱) for a year or a period of years, cut to the caller's access scope: the program
/// office sees the city, a county admin their county, a department admin their sector. Per year: the annual plan's
/// targets against actuals (from programs' plan progress, never recounted) by project type, region and department;
/// trainees, learners and hours; trainees per month; compliance by region, department and title level;
/// certificates issued and verified. With the program's phase on today's date. The year-end and mid-term reports
/// are drawn from the same figures.
/// </summary>
/// <param name="Year">One year (default: this year). Give either this or the period.</param>
/// <param name="FromYear">First year of a period (e.g. 2023 for the mid-term evaluation).</param>
/// <param name="ToYear">Last year of a period (e.g. 2025).</param>
/// <param name="Parts">
/// Which figures to compute (default all): the page asks for none to draw its frame and for one part per section it
/// then loads; the parts not asked for come back empty.
/// </param>
public sealed record GetDashboard(int? Year, int? FromYear = null, int? ToYear = null, DashboardParts Parts = DashboardParts.All) : IRequest<DashboardView>;

/// <summary>The figures of a dashboard year, each computed by its own reads (<see cref="GetDashboard.Parts"/>).</summary>
[Flags]
public enum DashboardParts
{
    /// <summary>None: the scope, the phase and the years only.</summary>
    None = 0,

    /// <summary>The annual plan's targets against actuals (<see cref="DashboardYear.Targets"/>, <see cref="DashboardYear.PlanSet"/>).</summary>
    Targets = 1,

    /// <summary>The year's training and its months (<see cref="DashboardYear.Training"/>, <see cref="DashboardYear.Months"/>: one read).</summary>
    Training = 2,

    /// <summary>Compliance by region, department and title level.</summary>
    Compliance = 4,

    /// <summary>Certificates issued and verified.</summary>
    Certificates = 8,

    /// <summary>Everything.</summary>
    All = Targets | Training | Compliance | Certificates,
}

/// <summary>Checks the years: within the program (2023–2030), a period in order.</summary>
public sealed class GetDashboardValidator : AbstractValidator<GetDashboard>
{
    /// <summary>Creates the validator.</summary>
    public GetDashboardValidator()
    {
        var range = $"年度应在 {KnowledgeRenewal.Sdk.ProgramPeriod.FirstYear} 至 {KnowledgeRenewal.Sdk.ProgramPeriod.LastYear} 年之间（工程实施期）。";
        RuleFor(r => r.Year).InclusiveBetween(ProgramPhases.FirstYear, ProgramPhases.LastYear).When(r => r.Year is not null)
            .WithErrorCode("out_of_range").WithMessage(range);
        RuleFor(r => r.FromYear).InclusiveBetween(ProgramPhases.FirstYear, ProgramPhases.LastYear).When(r => r.FromYear is not null)
            .WithErrorCode("out_of_range").WithMessage(range);
        RuleFor(r => r.ToYear).InclusiveBetween(ProgramPhases.FirstYear, ProgramPhases.LastYear).When(r => r.ToYear is not null)
            .WithErrorCode("out_of_range").WithMessage(range);
        RuleFor(r => r.ToYear).GreaterThanOrEqualTo(r => r.FromYear).When(r => r.FromYear is not null && r.ToYear is not null)
            .WithErrorCode("invalid").WithMessage("结束年度应不早于起始年度。");
        RuleFor(r => r.Year).Null().When(r => r.FromYear is not null || r.ToYear is not null)
            .WithErrorCode("invalid").WithMessage("请选择一个年度，或者一个起止年度的期间，二者选一。");
    }
}

/// <summary>Whose figures these are.</summary>
/// <param name="CityWide">Whether the figures are the whole city's (the program office).</param>
/// <param name="Name">In words: 「全市」, the county's or the sector's name.</param>
/// <param name="RegionCodes">The counties the figures are cut to (empty city-wide).</param>
/// <param name="DepartmentCodes">The sectors the figures are cut to (empty city-wide).</param>
public sealed record DashboardScope(bool CityWide, string Name, IReadOnlyList<string> RegionCodes, IReadOnlyList<string> DepartmentCodes);

/// <summary>The dashboard of a year or a period.</summary>
/// <param name="FromYear">First year.</param>
/// <param name="ToYear">Last year.</param>
/// <param name="AsOf">The day (China time) the figures were computed for.</param>
/// <param name="ComputedAt">When they were computed (UTC).</param>
/// <param name="Scope">Whose figures these are.</param>
/// <param name="Phase">The program's phase today.</param>
/// <param name="Years">Each year's figures, oldest first.</param>
public sealed record DashboardView(int FromYear, int ToYear, DateOnly AsOf, DateTime ComputedAt, DashboardScope Scope, ProgramPhase Phase, IReadOnlyList<DashboardYear> Years);

/// <summary>One year's figures.</summary>
/// <param name="Year">The year.</param>
/// <param name="PlanSet">Whether the program office has set the year's plan.</param>
/// <param name="Targets">Targets against actuals: the total and project types (city-wide only), regions and departments — rows without a target when something happened without one.</param>
/// <param name="Training">Trainees, learners, records and hours of the year (学时年度).</param>
/// <param name="Months">Per month of the training date: 12 rows.</param>
/// <param name="Compliance">Compliance of the cycle containing the year.</param>
/// <param name="Certificates">Certificates of the year.</param>
public sealed record DashboardYear(
    int Year,
    bool PlanSet,
    IReadOnlyList<DashboardTarget> Targets,
    DashboardTraining Training,
    IReadOnlyList<DashboardMonth> Months,
    DashboardCompliance Compliance,
    DashboardCertificates Certificates);

/// <summary>One target against its actuals (the annual plan's progress).</summary>
/// <param name="Kind"><c>Total</c>, <c>ProjectType</c>, <c>Region</c> or <c>Department</c>.</param>
/// <param name="Key">The project type's name, the region code or the department code (<c>total</c> for the total).</param>
/// <param name="Label">Its Chinese name.</param>
/// <param name="TargetProjects">Approved projects aimed at (null when the plan sets none).</param>
/// <param name="ActualProjects">Approved projects of the year.</param>
/// <param name="TargetTrainees">Trainees aimed at (null without a target).</param>
/// <param name="ActualTrainees">Distinct trainees credited (approved class and roster records of the year).</param>
/// <param name="Percent">Trainees as a percentage of the target (null without a target).</param>
/// <param name="ExpectedPercent">The share of the year gone by, in percent (the pace to keep).</param>
/// <param name="StatusName">Where it stands (已完成/进度正常/进度滞后/未完成/未开始, or 未设目标).</param>
public sealed record DashboardTarget(
    string Kind,
    string Key,
    string Label,
    int? TargetProjects,
    int ActualProjects,
    int? TargetTrainees,
    int ActualTrainees,
    decimal? Percent,
    decimal ExpectedPercent,
    string StatusName);

/// <summary>A year's training in the caller's scope (approved credit records of the credit year).</summary>
/// <param name="Trainees">Distinct people with an approved class or roster record (参训人数, as the plan counts them).</param>
/// <param name="Learners">Distinct people with any approved record (获得学时人数).</param>
/// <param name="Records">Approved records.</param>
/// <param name="Hours">Approved hours.</param>
public sealed record DashboardTraining(int Trainees, int Learners, int Records, decimal Hours);

/// <summary>One month (of the records' training date).</summary>
/// <param name="Year">The year.</param>
/// <param name="Month">1–12.</param>
/// <param name="Trainees">Distinct people with an approved class or roster record dated in the month.</param>
/// <param name="Learners">Distinct people with any approved record dated in the month.</param>
/// <param name="Records">Approved records dated in the month.</param>
/// <param name="Hours">Their hours.</param>
public sealed record DashboardMonth(int Year, int Month, int Trainees, int Learners, int Records, decimal Hours);

/// <summary>Compliance counts of a group.</summary>
/// <param name="Key">Region code, department code or title level (<c>total</c> for everyone).</param>
/// <param name="Name">Its Chinese name.</param>
/// <param name="People">People with a computed cycle.</param>
/// <param name="Met">达标.</param>
/// <param name="NotMet">未达标.</param>
/// <param name="InProgress">进行中.</param>
/// <param name="NoRules">无适用规则.</param>
/// <param name="Rate">Met ÷ people in percent, one decimal (0 without people).</param>
public sealed record DashboardComplianceGroup(string Key, string Name, int People, int Met, int NotMet, int InProgress, int NoRules, decimal Rate);

/// <summary>Compliance of the cycles containing the year (the region and sector recorded on each compliance row; the person's current title level).</summary>
/// <param name="Total">Everyone.</param>
/// <param name="ByRegion">By region, by code.</param>
/// <param name="ByDepartment">By sector, by code.</param>
/// <param name="ByTitleLevel">By title level, lowest first.</param>
public sealed record DashboardCompliance(
    DashboardComplianceGroup Total,
    IReadOnlyList<DashboardComplianceGroup> ByRegion,
    IReadOnlyList<DashboardComplianceGroup> ByDepartment,
    IReadOnlyList<DashboardComplianceGroup> ByTitleLevel);

/// <summary>Certificates of a year (certifying that year's hours).</summary>
/// <param name="Issued">Every issued version.</param>
/// <param name="Valid">Still valid.</param>
/// <param name="Superseded">Replaced by a newer version.</param>
/// <param name="Revoked">Revoked.</param>
/// <param name="Verifications">Public verifications in the calendar year (China time); null when the caller may not read the verification log (the program office's).</param>
/// <param name="VerifiedCertificates">Distinct certificates verified in the year; null likewise.</param>
/// <param name="VerifiedValid">Verifications that found a valid certificate; null likewise.</param>
public sealed record DashboardCertificates(int Issued, int Valid, int Superseded, int Revoked, int? Verifications, int? VerifiedCertificates, int? VerifiedValid);

/// <summary>
/// Handles <see cref="GetDashboard"/>: per year one plan-progress request to programs, and a handful of grouped
/// queries over credit hours' published sets — cut by the caller's scope through the data layer's filter.
/// </summary>
public sealed class GetDashboardHandler(PlatformDbContext db, IMediator mediator, ICurrentAccess caller, TimeProvider clock) : IRequestHandler<GetDashboard, DashboardView>
{
    /// <summary>The status name of a row without a target.</summary>
    public const string NoTarget = "未设目标";

    /// <inheritdoc />
    public async Task<DashboardView> Handle(GetDashboard request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = ProgramCalendar.Today(clock);
        var thisYear = Math.Clamp(today.Year, ProgramPhases.FirstYear, ProgramPhases.LastYear);
        var from = request.Year ?? request.FromYear ?? request.ToYear ?? thisYear;
        var to = request.Year ?? request.ToYear ?? request.FromYear ?? thisYear;
        var scope = Scope(caller.Scope);

        var years = new List<DashboardYear>();
        for (var year = from; year <= to; year++)
        {
            years.Add(await YearAsync(year, scope, request.Parts, cancellationToken).ConfigureAwait(false));
        }

        return new DashboardView(from, to, today, clock.GetUtcNow().UtcDateTime, scope, ProgramPhases.On(today), years);
    }

    /// <summary>Whose figures the caller sees.</summary>
    public static DashboardScope Scope(AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.AllBusinessData)
        {
            return new DashboardScope(true, "全市", [], []);
        }

        var regions = scope.RegionCodes.Order(StringComparer.Ordinal).ToList();
        var departments = scope.DepartmentCodes.Order(StringComparer.Ordinal).ToList();
        var names = regions.Select(RegionName).Concat(departments.Select(JiningReferenceData.DepartmentName)).ToList();
        return new DashboardScope(false, names.Count == 0 ? "无可见范围" : string.Join("、", names), regions, departments);
    }

    /// <summary>The Chinese name of a region code (the code itself when unknown).</summary>
    public static string RegionName(string code) => JiningReferenceData.Regions.FirstOrDefault(r => r.Code == code)?.Name ?? code;

    private async Task<DashboardYear> YearAsync(int year, DashboardScope scope, DashboardParts parts, CancellationToken cancellationToken)
    {
        var plan = parts.HasFlag(DashboardParts.Targets) ? await mediator.Send(new GetPlanProgress(year), cancellationToken).ConfigureAwait(false) : null;
        var (training, months) = parts.HasFlag(DashboardParts.Training)
            ? await TrainingAsync(year, cancellationToken).ConfigureAwait(false)
            : (new DashboardTraining(0, 0, 0, 0m), []);
        var compliance = parts.HasFlag(DashboardParts.Compliance)
            ? await ComplianceAsync(year, cancellationToken).ConfigureAwait(false)
            : new DashboardCompliance(Group("total", "合计", []), [], [], []);
        var certificates = parts.HasFlag(DashboardParts.Certificates)
            ? await CertificatesAsync(year, cancellationToken).ConfigureAwait(false)
            : new DashboardCertificates(0, 0, 0, 0, null, null, null);
        return new DashboardYear(year, plan?.HasPlan ?? false, plan is null ? [] : Targets(plan, scope), training, months, compliance, certificates);
    }

    /// <summary>
    /// The plan's rows the scope may see (city-wide: all; a county: its region's row; a sector: its department's),
    /// each dimension completed with the facts that have no target.
    /// </summary>
    internal static IReadOnlyList<DashboardTarget> Targets(PlanProgressReport plan, DashboardScope scope)
    {
        var expected = PlanProgressCalculator.YearElapsedPercent(plan.Year, plan.AsOf);
        var rows = plan.Targets.Select(t => new DashboardTarget(
            t.Kind.ToString(), t.Kind == PlanTargetKind.Total ? "total" : t.Key, t.Label, t.TargetProjects, t.ActualProjects, t.TargetTrainees, t.ActualTrainees, t.Percent, t.ExpectedPercent, t.StatusName)).ToList();
        var facts = plan.Facts;
        DashboardTarget Untargeted(PlanTargetKind kind, string key, string label, int projects, int trainees) =>
            new(kind.ToString(), key, label, null, projects, null, trainees, null, expected, NoTarget);

        if (!rows.Any(r => r.Kind == nameof(PlanTargetKind.Total)))
        {
            rows.Add(Untargeted(PlanTargetKind.Total, "total", "全部项目", facts.ProjectsByType.Values.Sum(), facts.Trainees));
        }

        foreach (var type in Enum.GetValues<ProjectType>().Where(t => !rows.Any(r => r.Kind == nameof(PlanTargetKind.ProjectType) && r.Key == t.ToString())))
        {
            rows.Add(Untargeted(PlanTargetKind.ProjectType, type.ToString(), ProjectLabels.Type(type), facts.ProjectsByType.GetValueOrDefault(type), facts.TraineesByType.GetValueOrDefault(type)));
        }

        foreach (var key in facts.ProjectsByRegion.Keys.Union(facts.TraineesByRegion.Keys).Where(k => !rows.Any(r => r.Kind == nameof(PlanTargetKind.Region) && r.Key == k)))
        {
            rows.Add(Untargeted(PlanTargetKind.Region, key, plan.Names.GetValueOrDefault(key, RegionName(key)), facts.ProjectsByRegion.GetValueOrDefault(key), facts.TraineesByRegion.GetValueOrDefault(key)));
        }

        foreach (var key in facts.ProjectsByDepartment.Keys.Union(facts.TraineesByDepartment.Keys).Where(k => !rows.Any(r => r.Kind == nameof(PlanTargetKind.Department) && r.Key == k)))
        {
            rows.Add(Untargeted(PlanTargetKind.Department, key, plan.Names.GetValueOrDefault(key, JiningReferenceData.DepartmentName(key)), facts.ProjectsByDepartment.GetValueOrDefault(key), facts.TraineesByDepartment.GetValueOrDefault(key)));
        }

        return rows
            .Where(r => scope.CityWide
                || (r.Kind == nameof(PlanTargetKind.Region) && scope.RegionCodes.Contains(r.Key))
                || (r.Kind == nameof(PlanTargetKind.Department) && scope.DepartmentCodes.Contains(r.Key)))
            .OrderBy(r => Enum.Parse<PlanTargetKind>(r.Kind))
            .ThenBy(r => r.TargetTrainees is null)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
    }

    private IQueryable<CreditRecord> Approved() =>
        db.CreditRecords.AsNoTracking().Where(r => r.Status == CreditRecordStatus.Approved);

    // The year's figures are counted in memory from one narrow read of the year's approved records — those of its credit
    // year (the totals) and those dated in the calendar year (the months), mostly the same rows — partitioned here:
    // COUNT(DISTINCT …) per group walked the same index range once per figure, and two reads read the rows twice.
    private async Task<(DashboardTraining Training, IReadOnlyList<DashboardMonth> Months)> TrainingAsync(int year, CancellationToken cancellationToken)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var rows = await Approved().Where(r => r.CreditYear == year || (r.Date >= first && r.Date <= last))
            .Select(r => new TrainingRow(r.ProfessionalId, r.Source, r.HoursDecimal, r.Date, r.CreditYear))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var ofYear = rows.Where(r => r.CreditYear == year).ToList();
        var training = ofYear.Count == 0 ? new DashboardTraining(0, 0, 0, 0m) : Sum(ofYear, (t, l, r, h) => new DashboardTraining(t, l, r, h));
        var byMonth = rows.Where(r => r.Date >= first && r.Date <= last).ToLookup(r => r.Date.Month);
        return (training, [.. Enumerable.Range(1, 12).Select(m => Sum(byMonth[m], (t, l, r, h) => new DashboardMonth(year, m, t, l, r, h)))]);
    }

    /// <summary>Trainees (class and roster records), learners (any record), records and hours of some approved records.</summary>
    internal static T Sum<T>(IEnumerable<TrainingRow> rows, Func<int, int, int, decimal, T> result)
    {
        var trainees = new HashSet<Guid>();
        var learners = new HashSet<Guid>();
        var records = 0;
        var hours = 0m;
        foreach (var row in rows)
        {
            records++;
            hours += row.Hours;
            learners.Add(row.ProfessionalId);
            if (row.Source is RecordSource.ProjectRoster or RecordSource.ProviderClass)
            {
                trainees.Add(row.ProfessionalId);
            }
        }

        return result(trainees.Count, learners.Count, records, hours);
    }

    /// <summary>What the year's figures need of an approved record.</summary>
    internal sealed record TrainingRow(Guid ProfessionalId, RecordSource Source, decimal Hours, DateOnly Date, int CreditYear);

    private async Task<DashboardCompliance> ComplianceAsync(int year, CancellationToken cancellationToken)
    {
        var cycles = db.Compliance.AsNoTracking().Where(c => c.CycleStart <= year && c.CycleEnd >= year);
        var byPlace = await cycles
            .GroupBy(c => new { c.RegionCode, c.DepartmentCode, c.Status })
            .Select(g => new { g.Key.RegionCode, g.Key.DepartmentCode, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        // The title level is the person's (the registry row, cut by the same scope).
        var byTitle = await cycles
            .Join(db.Professionals, c => c.ProfessionalId, p => p.Id, (c, p) => new { p.TitleLevel, c.Status })
            .GroupBy(x => new { x.TitleLevel, x.Status })
            .Select(g => new { g.Key.TitleLevel, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var total = Group("total", "合计", byPlace.Select(r => (r.Status, r.Count)));
        var regions = byPlace.GroupBy(r => r.RegionCode)
            .Select(g => Group(g.Key, RegionName(g.Key), g.Select(r => (r.Status, r.Count))))
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var departments = byPlace.GroupBy(r => r.DepartmentCode)
            .Select(g => Group(g.Key, JiningReferenceData.DepartmentName(g.Key), g.Select(r => (r.Status, r.Count))))
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var titles = byTitle.GroupBy(r => r.TitleLevel).OrderBy(g => g.Key)
            .Select(g => Group(g.Key.ToString(), RegistryLabels.TitleLevels.GetValueOrDefault(g.Key, g.Key.ToString()), g.Select(r => (r.Status, r.Count))))
            .ToList();
        return new DashboardCompliance(total, regions, departments, titles);
    }

    /// <summary>A group's counts from (status, count) pairs.</summary>
    internal static DashboardComplianceGroup Group(string key, string name, IEnumerable<(ComplianceStatus Status, int Count)> counts)
    {
        var list = counts.ToList();
        int Of(ComplianceStatus status) => list.Where(c => c.Status == status).Sum(c => c.Count);
        var people = list.Sum(c => c.Count);
        var met = Of(ComplianceStatus.Met);
        var rate = people == 0 ? 0m : Math.Round(met * 100m / people, 1, MidpointRounding.AwayFromZero);
        return new DashboardComplianceGroup(key, name, people, met, Of(ComplianceStatus.NotMet), Of(ComplianceStatus.InProgress), Of(ComplianceStatus.NoRules), rate);
    }

    private async Task<DashboardCertificates> CertificatesAsync(int year, CancellationToken cancellationToken)
    {
        var statuses = await db.CreditCertificates.AsNoTracking().Where(c => c.Year == year)
            .GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        int Of(CertificateStatus status) => statuses.Where(s => s.Status == status).Sum(s => s.Count);

        int? verifications = null, verified = null, verifiedValid = null;
        if (caller.Scope.AllBusinessData)
        {
            // The verification log is the program office's (its filter shows it to no one else).
            var (start, end) = YearInUtc(year);
            var log = await db.CertificateVerifications.AsNoTracking().Where(v => v.VerifiedAt >= start && v.VerifiedAt < end)
                .GroupBy(v => 1)
                .Select(g => new
                {
                    Count = g.Count(),
                    Certificates = g.Where(v => v.CertificateId != null).Select(v => v.CertificateId).Distinct().Count(),
                    Valid = g.Count(v => v.Result == VerificationResult.Valid),
                })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            (verifications, verified, verifiedValid) = (log?.Count ?? 0, log?.Certificates ?? 0, log?.Valid ?? 0);
        }

        return new DashboardCertificates(statuses.Sum(s => s.Count), Of(CertificateStatus.Valid), Of(CertificateStatus.Superseded), Of(CertificateStatus.Revoked), verifications, verified, verifiedValid);
    }

    /// <summary>The calendar year in China time as UTC instants [start, end).</summary>
    internal static (DateTime Start, DateTime End) YearInUtc(int year) =>
        (TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), ProgramCalendar.TimeZone),
         TimeZoneInfo.ConvertTimeToUtc(new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), ProgramCalendar.TimeZone));
}
