using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.HousingConstruction;

/// <summary>
/// The 住房城乡建设 credit rules: at least 90 credit hours a year, professional subjects at least two thirds of them.
/// Construction engineers (工程技术人员) follow the general regulations, so these are the platform default (see README.md). Registered practitioners' own registration-period hours (e.g. 注册建造师: 120 学时 per registration period) belong to their registration regimes and are not these rules.
/// </summary>
public static class HousingConstructionCreditRules
{
    /// <summary>The rule sets, oldest first. A change of rules is a new set with a later EffectiveFrom; history is never edited.</summary>
    public static IReadOnlyList<CreditRuleSet> RuleSets { get; } =
    [
        new CreditRuleSet
        {
            EffectiveFrom = new DateOnly(2023, 1, 1),
            Title = "住房城乡建设专业技术人员继续教育（年度）",
            Basis = "《专业技术人员继续教育规定》（人社部令第25号）；《山东省专业技术人员继续教育条例》（平台通用标准）",
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
