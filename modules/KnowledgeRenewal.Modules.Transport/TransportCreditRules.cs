using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.Transport;

/// <summary>
/// Transport professionals' credit rules. The sector sets no numbers of its own, so the set repeats the general
/// standard: at least 90 credit hours a year, professional subjects at least two thirds of them.
/// </summary>
public static class TransportCreditRules
{
    /// <summary>The rule sets, oldest first. Amounts are credit hours (学时).</summary>
    public static IReadOnlyList<CreditRuleSet> RuleSets { get; } =
    [
        // The transport sector has no sector-specific requirement, so this follows the general standard
        // (the platform default's numbers), declared here so the module's rules read in one place.
        new CreditRuleSet
        {
            EffectiveFrom = ProgramPeriod.Start,
            Title = "交通运输专业技术人员继续教育",
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
                // Caps and per-item amounts are the platform default's (platform choices, not from the regulation).
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
