using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.TestDoubles;

/// <summary>Rule sets for tests: <see cref="Valid"/> is well formed; tests change one thing with <c>with</c>.</summary>
public static class TestRuleSets
{
    public static readonly DateOnly Start = new(2024, 1, 1);

    /// <summary>90 hours a year, professional subjects at least two thirds, classroom training and papers count.</summary>
    public static CreditRuleSet Valid(DateOnly? from = null, string title = "测试规则") => new()
    {
        EffectiveFrom = from ?? Start,
        Title = title,
        CycleYears = 1,
        Unit = CreditUnit.Hour,
        HoursPerUnit = 1m,
        RequiredTotal = 90m,
        Requirements =
        [
            new CreditRequirement { Category = CreditCategory.Professional, MinimumShare = Share.Of(2, 3) },
        ],
        Activities =
        [
            new ActivityRule { Activity = ActivityType.ClassroomTraining },
            new ActivityRule { Activity = ActivityType.AcademicPaper, CreditPerItem = 20m, MaxPerYear = 40m },
        ],
    };

    /// <summary>A set counted in credits of classes I and II, like continuing medical education.</summary>
    public static CreditRuleSet InCredits(DateOnly? from = null) => new()
    {
        EffectiveFrom = from ?? Start,
        Title = "学分制测试规则",
        Unit = CreditUnit.Credit,
        HoursPerUnit = 3m,
        RequiredTotal = 25m,
        Requirements =
        [
            new CreditRequirement { CreditClass = "I", Minimum = 5m, Maximum = 10m },
            new CreditRequirement { CreditClass = "II", Minimum = 15m, Maximum = 20m },
        ],
        Activities =
        [
            new ActivityRule { Activity = ActivityType.ClassroomTraining, CreditClass = "I" },
            new ActivityRule { Activity = ActivityType.OnlineLearning, CreditClass = "II", MaxPerYear = 10m },
        ],
    };
}
