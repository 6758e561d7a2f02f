using KnowledgeRenewal.Core.Compliance;
using KnowledgeRenewal.Core.CreditRules;
using KnowledgeRenewal.Core.Ledger;
using KnowledgeRenewal.Modules.Education;
using KnowledgeRenewal.Modules.Health;
using KnowledgeRenewal.Modules.Transport;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Compliance;

/// <summary>
/// Bulk recomputation lets the database add up the summable records (<see cref="SummableRecords"/>) and takes only the
/// others one by one: the result must be exactly that of taking every record in date order — for the real rule books
/// (caps per activity and year, class maximums, credits, five-year cycles) and for made-up rule sets with maximums on
/// categories and classes and activity rules that give a class.
/// </summary>
public sealed class SummableRecordsTests
{
    private static readonly ActivityType[] Activities =
    [
        ActivityType.ClassroomTraining, ActivityType.OnlineLearning, ActivityType.AcademicConference, ActivityType.Lecturing, ActivityType.Patent,
        ActivityType.FurtherStudy, ActivityType.AcademicPaper,
    ];

    private static readonly CreditRecordStatus[] Statuses =
    [
        CreditRecordStatus.Approved, CreditRecordStatus.Approved, CreditRecordStatus.Approved, CreditRecordStatus.Pending, CreditRecordStatus.Rejected, CreditRecordStatus.Revoked,
    ];

    private static readonly CreditRuleSet MadeUp = new()
    {
        EffectiveFrom = new DateOnly(2020, 1, 1),
        Title = "made up",
        CycleYears = 2,
        Unit = CreditUnit.Credit,
        HoursPerUnit = 2m,
        RequiredTotal = 30m,
        Requirements =
        [
            new CreditRequirement { Category = CreditCategory.Public, Minimum = 4m, Maximum = 12m },
            new CreditRequirement { CreditClass = "A", Minimum = 3m, Maximum = 9m },
            new CreditRequirement { CreditClass = "B", Minimum = 2m },
        ],
        Activities =
        [
            new ActivityRule { Activity = ActivityType.ClassroomTraining, CreditClass = "B" },
            new ActivityRule { Activity = ActivityType.OnlineLearning },
            new ActivityRule { Activity = ActivityType.Lecturing, CreditClass = "A" },
            new ActivityRule { Activity = ActivityType.AcademicConference, MaxPerYear = 5m },
            new ActivityRule { Activity = ActivityType.Patent, CreditClass = "C", MaxPerYear = 8m },
        ],
    };

    private static readonly CreditRuleSet Open = new()
    {
        EffectiveFrom = new DateOnly(2020, 1, 1),
        Title = "open",
        RequiredTotal = 40m,
        Requirements = [new CreditRequirement { Category = CreditCategory.Professional, MinimumShare = Share.Of(1, 2) }],
    };

    public static TheoryData<string, int, int> Books() => new()
    {
        { "platform", 2025, 11 },
        { "health", 2025, 12 },
        { "health", 2024, 13 },
        { "education", 2025, 14 },
        { "education", 2027, 15 },
        { "transport", 2025, 16 },
        { "made-up", 2025, 17 },
        { "made-up", 2024, 18 },
        { "open", 2025, 19 },
    };

    [Theory]
    [MemberData(nameof(Books))]
    public void Summing_the_summable_records_gives_the_result_of_taking_every_record_in_date_order(string scope, int year, int seed)
    {
        var book = scope switch
        {
            "health" => new RuleBook("health", new HealthModule().RuleSets),
            "education" => new RuleBook("education", new EducationModule().RuleSets),
            "transport" => new RuleBook("transport", new TransportModule().RuleSets),
            "made-up" => new RuleBook("made-up", [MadeUp]),
            "open" => new RuleBook("open", [Open]),
            _ => new RuleBook(PlatformCreditRules.Scope, PlatformCreditRules.RuleSets),
        };
        var set = CreditEvaluator.RuleSetFor(book, year)!;
        var cycle = CreditEvaluator.CycleOf(set, year);
        var plan = SummableRecords.Of(set);
        var today = new DateOnly(2026, 11, 28);
        var random = new Random(seed);
        var summed = 0;
        for (var person = 0; person < 400; person++)
        {
            var entries = Enumerable.Range(0, random.Next(0, 30)).Select(_ => new CreditEntry(
                Guid.NewGuid(),
                new DateOnly(cycle.StartYear - 1 + random.Next(cycle.Years + 2), 1 + random.Next(12), 1 + random.Next(28)),
                random.Next(3) == 0 ? CreditCategory.Public : CreditCategory.Professional,
                Activities[random.Next(Activities.Length)],
                CreditHours.FromHundredths(random.Next(1, 60) * 25),
                Statuses[random.Next(Statuses.Length)],
                random.Next(4) switch { 0 => "A", 1 => "B", 2 => null, _ => random.Next(2) == 0 ? "I" : "II" })).ToList();

            var sums = new CreditSums();
            var oneByOne = new List<CreditEntry>();
            foreach (var entry in entries)
            {
                if (entry.Status == CreditRecordStatus.Approved && cycle.Contains(entry.Date) && plan.Accepts(entry.Activity)
                    && plan.IsSummable(entry.Category, entry.Activity, entry.CreditClass))
                {
                    sums.Add(plan, entry);
                    summed++;
                }
                else
                {
                    oneByOne.Add(entry);
                }
            }

            // As a database gives them: only the buckets the result reports.
            var fromDatabase = CreditSums.Of(sums.Total, plan.Buckets.Select(b => KeyValuePair.Create(b, sums.Buckets.GetValueOrDefault(b))));
            var expected = CreditEvaluator.Evaluate(set, cycle, entries, today, explain: false);
            var actual = CreditEvaluator.Evaluate(set, cycle, oneByOne, fromDatabase, today, explain: false);

            Assert.Equal(expected.Status, actual.Status);
            Assert.Equal(expected.Counted, actual.Counted);
            Assert.Equal(expected.Required, actual.Required);
            Assert.Equal(expected.Buckets, actual.Buckets);
            Assert.Equal(expected.Missing, actual.Missing);
        }

        if (scope != "health")
        {
            Assert.True(summed > 0, "some records are summable");
        }
    }

    [Fact]
    public void Capped_activities_categories_and_classes_are_taken_one_by_one()
    {
        var plan = SummableRecords.Of(MadeUp);

        Assert.False(plan.IsSummable(CreditCategory.Professional, ActivityType.AcademicConference, null));
        Assert.False(plan.IsSummable(CreditCategory.Public, ActivityType.OnlineLearning, null));
        Assert.False(plan.IsSummable(CreditCategory.Professional, ActivityType.OnlineLearning, "A"));
        Assert.False(plan.IsSummable(CreditCategory.Professional, ActivityType.Lecturing, null));
        Assert.True(plan.IsSummable(CreditCategory.Professional, ActivityType.Lecturing, "B"));
        Assert.True(plan.IsSummable(CreditCategory.Professional, ActivityType.ClassroomTraining, null));
        Assert.Equal("B", plan.EffectiveClass(ActivityType.ClassroomTraining, null));
        Assert.Equal("A", plan.EffectiveClass(ActivityType.ClassroomTraining, "A"));
        Assert.False(plan.Accepts(ActivityType.FurtherStudy));
        Assert.True(SummableRecords.Of(Open).Accepts(ActivityType.FurtherStudy));
    }
}
