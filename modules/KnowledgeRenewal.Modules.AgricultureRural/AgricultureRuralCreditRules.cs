using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.AgricultureRural;

/// <summary>
/// The 农业农村 credit rules: at least 90 credit hours a year, professional subjects at least two thirds of them.
/// Agricultural technicians (农业技术人员) follow the general regulations: no national or Shandong rule known to the platform sets other numbers for them, so these are the platform default (see README.md).
/// </summary>
public static class AgricultureRuralCreditRules
{
    /// <summary>The rule sets, oldest first. A change of rules is a new set with a later EffectiveFrom; history is never edited.</summary>
    public static IReadOnlyList<CreditRuleSet> RuleSets { get; } =
    [
        new CreditRuleSet
        {
            EffectiveFrom = new DateOnly(2023, 1, 1),
            Title = "农业农村专业技术人员继续教育（年度）",
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
