using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using FluentValidation;
using FluentValidation.Results;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Credits.UseCases.CreditRules;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
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

/// <summary>The body of a what-if run.</summary>
public sealed record WhatIfBody
{
    /// <summary><c>platform</c> (people under the default rules) or an enabled module's key (its department's people).</summary>
    public string? Scope { get; init; }

    /// <summary>A past year (its cycle under the draft is evaluated).</summary>
    public int? Year { get; init; }

    /// <summary>The draft rule set (same shape as a module's <see cref="CreditRuleSet"/>; amounts in its unit).</summary>
    public CreditRuleSet? RuleSet { get; init; }

    /// <summary>How many changed people to show (0–100, default 20).</summary>
    public int? Sample { get; init; }
}

/// <summary>
/// "What if": evaluates <see cref="WhatIfBody.RuleSet"/> over the people of <see cref="WhatIfBody.Scope"/> for a past
/// year and compares with the rules in force — how many would newly meet or no longer meet the requirement, with a
/// sample of changes (names and ID numbers masked). Nothing is written. The program office may try any scope, a
/// department administrator only their own department's module.
/// </summary>
/// <param name="Body">What to try.</param>
public sealed record RunWhatIf(WhatIfBody Body) : IRequest<WhatIfResult>;

/// <summary>How many people have each status.</summary>
/// <param name="Met">达标.</param>
/// <param name="NotMet">未达标.</param>
/// <param name="InProgress">进行中.</param>
/// <param name="NoRules">无适用规则.</param>
public sealed record StatusCounts(int Met, int NotMet, int InProgress, int NoRules)
{
    /// <summary>The counts of a tally.</summary>
    public static StatusCounts Of(IReadOnlyDictionary<ComplianceStatus, int> tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        return new StatusCounts(
            tally.GetValueOrDefault(ComplianceStatus.Met), tally.GetValueOrDefault(ComplianceStatus.NotMet),
            tally.GetValueOrDefault(ComplianceStatus.InProgress), tally.GetValueOrDefault(ComplianceStatus.NoRules));
    }
}

/// <summary>A person whose status the draft would change (masked).</summary>
/// <param name="Name">Masked name, e.g. 张*远.</param>
/// <param name="IdNumberMasked">Masked resident ID number.</param>
/// <param name="RegionCode">Region.</param>
/// <param name="Before">Status under the rules in force.</param>
/// <param name="BeforeLabel">In Chinese.</param>
/// <param name="After">Status under the draft.</param>
/// <param name="AfterLabel">In Chinese.</param>
public sealed record WhatIfSample(string Name, string IdNumberMasked, string RegionCode, ComplianceStatus Before, string BeforeLabel, ComplianceStatus After, string AfterLabel);

/// <summary>What publishing the draft would have done to the year.</summary>
/// <param name="Scope">The people's rule scope.</param>
/// <param name="Year">The year.</param>
/// <param name="CurrentRuleSet">The title of the rule set in force for the year (null when none was).</param>
/// <param name="DraftTitle">The draft's title.</param>
/// <param name="DraftCycle">The draft's cycle containing the year.</param>
/// <param name="People">People evaluated (in service, or with records).</param>
/// <param name="Changed">People whose status would change.</param>
/// <param name="NewlyMet">People who would meet the requirement and did not.</param>
/// <param name="NewlyNotMet">People who met it and would not.</param>
/// <param name="Before">Statuses under the rules in force.</param>
/// <param name="After">Statuses under the draft.</param>
/// <param name="Sample">Some of the changed people (masked).</param>
/// <param name="Summary">One Chinese sentence.</param>
public sealed record WhatIfResult(
    string Scope, int Year, string? CurrentRuleSet, string DraftTitle, CycleView DraftCycle, int People, int Changed, int NewlyMet, int NewlyNotMet,
    StatusCounts Before, StatusCounts After, IReadOnlyList<WhatIfSample> Sample, string Summary);

/// <summary>Checks the scope, the year (a past one), the sample size and the draft (Chinese, field-named problems; <see cref="RuleSetContract"/> decides).</summary>
public sealed class RunWhatIfValidator : AbstractValidator<RunWhatIf>
{
    /// <summary>Largest sample.</summary>
    public const int MaxSample = 100;

    /// <summary>Creates the validator.</summary>
    public RunWhatIfValidator(ComplianceRules rules, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(rules);
        RuleFor(r => r.Body).NotNull().WithErrorCode("required").WithMessage("请提交试算内容（scope、year、ruleSet）。");
        When(r => r.Body is not null, () =>
        {
            RuleFor(r => r.Body.Scope).Must(s => !string.IsNullOrWhiteSpace(s) && rules.Book(s.Trim()) is not null)
                .OverridePropertyName("scope").WithErrorCode("invalid")
                .WithMessage(_ => $"试算范围（scope）应为 platform（通用规则）或已启用模块的标识（{string.Join("、", rules.All.Skip(1).Select(b => b.Scope))}）。");
            RuleFor(r => r.Body.Year).Must(y => y is { } year && year >= LedgerRules.EarliestDate.Year && year < ProgramCalendar.Today(clock).Year)
                .OverridePropertyName("year").WithErrorCode("out_of_range")
                .WithMessage(_ => $"试算年度（year）应为已结束的年度：{LedgerRules.EarliestDate.Year} 至 {ProgramCalendar.Today(clock).Year - 1} 之间。");
            RuleFor(r => r.Body.Sample).InclusiveBetween(0, MaxSample).When(r => r.Body.Sample is not null)
                .OverridePropertyName("sample").WithErrorCode("out_of_range").WithMessage($"样例条数（sample）应在 0 至 {MaxSample} 之间。");
            RuleFor(r => r.Body).Custom((body, context) =>
            {
                var scope = body.Scope?.Trim();
                var classes = scope is not null && rules.Book(scope) is not null ? rules.ClassNames(scope) : new Dictionary<string, string>();
                foreach (var error in DraftRuleSetRules.Check(body.RuleSet, classes))
                {
                    context.AddFailure(new ValidationFailure(error.Field, error.Message) { ErrorCode = error.Code });
                }
            });
        });
    }
}

/// <summary>Handles <see cref="RunWhatIf"/>: streams the scope's people with their records, in chunks, through <see cref="WhatIf"/>.</summary>
public sealed class RunWhatIfHandler(PlatformDbContext db, ComplianceRules rules, ICurrentAccess access, TimeProvider clock) : IRequestHandler<RunWhatIf, WhatIfResult>
{
    /// <summary>People per chunk.</summary>
    public const int ChunkSize = 5000;

    /// <inheritdoc />
    public async Task<WhatIfResult> Handle(RunWhatIf request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Body;
        var scope = body.Scope!.Trim();
        var year = body.Year!.Value;
        var sampleSize = body.Sample ?? 20;
        ComplianceAccess.EnsureMayTryRules(access, scope, rules.DepartmentOf(scope));

        var book = rules.Book(scope)!;
        var draft = DraftRuleSetRules.Normalized(body.RuleSet!);
        var classNames = rules.ClassNames(scope);
        var today = ProgramCalendar.Today(clock);
        var current = ComplianceRules.CycleOf(book, year);
        var drafted = CreditEvaluator.CycleOf(draft, year);
        var from = Math.Min(current.StartYear, drafted.StartYear);
        var to = Math.Max(current.EndYear, drafted.EndYear);

        var stream = new PersonRecordStream(db, DepartmentFilter.For(rules, scope));
        var people = 0;
        var newlyMet = 0;
        var newlyNotMet = 0;
        var changed = 0;
        var before = new Dictionary<ComplianceStatus, int>();
        var after = new Dictionary<ComplianceStatus, int>();
        var sample = new List<StatusChange>();
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Guid? lower = null;
            foreach (var chunk in (await stream.PeopleAsync(cancellationToken).ConfigureAwait(false)).Chunk(ChunkSize))
            {
                var rows = await stream.ChunkAsync(lower, chunk[^1], from, to, cancellationToken).ConfigureAwait(false);
                lower = chunk[^1];
                var report = WhatIf.Run(
                    draft,
                    year,
                    rows.Where(p => p.Owner.Active || p.Entries.Count > 0).Select(p => new PersonRecords(p.Owner.ProfessionalId, book, p.Entries)),
                    today,
                    classNames);
                people += report.People;
                newlyMet += report.NewlyMet;
                newlyNotMet += report.NewlyNotMet;
                changed += report.Changes.Count;
                Tally(before, report.Before);
                Tally(after, report.After);
                sample.AddRange(report.Changes.Take(sampleSize - sample.Count));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }

        var ids = sample.Select(s => s.PersonId).ToList();
        var who = await db.Professionals.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.IdNumberMasked, p.RegionCode })
            .ToDictionaryAsync(p => p.Id, cancellationToken)
            .ConfigureAwait(false);
        var samples = sample.Where(s => who.ContainsKey(s.PersonId)).Select(s =>
        {
            var person = who[s.PersonId];
            return new WhatIfSample(PersonNames.Mask(person.Name), person.IdNumberMasked, person.RegionCode, s.Before, ComplianceLabels.Status(s.Before), s.After, ComplianceLabels.Status(s.After));
        }).ToList();
        var summary = $"按草案“{draft.Title}”试算 {year} 年度 {people} 人：{newlyMet} 人将新达标，{newlyNotMet} 人将不再达标，共 {changed} 人状态变化（仅试算，未写入任何数据）。";
        return new WhatIfResult(
            scope, year, CreditEvaluator.Evaluate(book, year, [], today).RuleSet?.Title, draft.Title, CycleView.Of(drafted), people, changed, newlyMet, newlyNotMet,
            StatusCounts.Of(before), StatusCounts.Of(after), samples, summary);
    }

    private static void Tally(Dictionary<ComplianceStatus, int> into, IReadOnlyDictionary<ComplianceStatus, int> from)
    {
        foreach (var (status, count) in from)
        {
            into[status] = into.GetValueOrDefault(status) + count;
        }
    }
}
