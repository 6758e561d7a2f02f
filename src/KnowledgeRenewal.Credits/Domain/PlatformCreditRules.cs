using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Credits.UseCases.CreditRules;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>
/// The platform's default rule set, applied to anyone whose department has no enabled module:
/// at least 90 credit hours a year, professional subjects at least two thirds of them.
/// A deployment whose province sets other numbers supersedes it with data
/// (configuration <c>CreditRules:Overrides:platform</c>), never by changing code.
/// </summary>
public static class PlatformCreditRules
{
    /// <summary>Scope name of the platform default rule book.</summary>
    public const string Scope = "platform";

    /// <summary>The built-in default rule sets.</summary>
    public static IReadOnlyList<CreditRuleSet> RuleSets { get; } =
    [
        new CreditRuleSet
        {
            EffectiveFrom = new DateOnly(2023, 1, 1),
            Title = "专业技术人员继续教育通用标准",
            Basis = "《专业技术人员继续教育规定》（人社部令第25号）；《山东省专业技术人员继续教育条例》",
            CycleYears = 1,
            Unit = CreditUnit.Hour,
            RequiredTotal = 90m,
            Requirements =
            [
                new CreditRequirement { Category = CreditCategory.Professional, MinimumShare = Share.Of(2, 3) },
            ],
            Activities =
            [
                new ActivityRule { Activity = ActivityType.ClassroomTraining },
                new ActivityRule { Activity = ActivityType.OnlineLearning },
                new ActivityRule { Activity = ActivityType.AdvancedSeminar },
                new ActivityRule { Activity = ActivityType.AcademicConference, MaxPerYear = 24m },
                new ActivityRule { Activity = ActivityType.AcademicPaper, CreditPerItem = 20m, MaxPerYear = 40m },
                new ActivityRule { Activity = ActivityType.Monograph, CreditPerItem = 40m, MaxPerYear = 60m },
                new ActivityRule { Activity = ActivityType.ResearchProject, CreditPerItem = 30m, MaxPerYear = 60m },
                new ActivityRule { Activity = ActivityType.Patent, CreditPerItem = 20m, MaxPerYear = 40m },
                new ActivityRule { Activity = ActivityType.FurtherStudy, MaxPerYear = 90m },
                new ActivityRule { Activity = ActivityType.DegreeEducation, MaxPerYear = 90m },
                new ActivityRule { Activity = ActivityType.Lecturing, MaxPerYear = 30m },
                new ActivityRule { Activity = ActivityType.TechnicalStandard, CreditPerItem = 20m, MaxPerYear = 40m },
            ],
        },
    ];
}
