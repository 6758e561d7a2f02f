using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.Education;

/// <summary>
/// Teachers' credit rules: a five-year cycle of at least 360 credit hours (教师〔2011〕1号's
/// 每五年一周期不少于360学时的教师全员培训制度). Amounts are credit hours (学时).
/// </summary>
public static class EducationCreditRules
{
    /// <summary>The rule sets, oldest first.</summary>
    public static IReadOnlyList<CreditRuleSet> RuleSets { get; } =
    [
        new CreditRuleSet
        {
            EffectiveFrom = ProgramPeriod.Start,
            Title = "中小学教师继续教育（五年周期）",
            Basis = "《中小学教师继续教育规定》（教育部令第7号）；《教育部关于大力加强中小学教师培训工作的意见》（教师〔2011〕1号）；《山东省专业技术人员继续教育条例》",
            CycleYears = 5,
            Unit = CreditUnit.Hour,
            RequiredTotal = 360m,
            Requirements =
            [
                // Platform choice: the general standard's two-thirds professional share (240 of 360 hours);
                // the teacher regulations set the total, not the split.
                new CreditRequirement { Category = CreditCategory.Professional, MinimumShare = Share.Of(2, 3) },
            ],
            Activities =
            [
                new ActivityRule { Activity = ActivityType.ClassroomTraining },
                new ActivityRule { Activity = ActivityType.OnlineLearning },
                new ActivityRule { Activity = ActivityType.AdvancedSeminar },

                // Platform choice: the yearly caps and per-item amounts below follow the platform's general standard,
                // scaled where a teacher's average year (72 of the cycle's 360 hours) is the natural ceiling.
                new ActivityRule { Activity = ActivityType.AcademicConference, MaxPerYear = 24m },
                new ActivityRule { Activity = ActivityType.AcademicPaper, CreditPerItem = 20m, MaxPerYear = 40m },
                new ActivityRule { Activity = ActivityType.Monograph, CreditPerItem = 40m, MaxPerYear = 60m },
                new ActivityRule { Activity = ActivityType.ResearchProject, CreditPerItem = 30m, MaxPerYear = 60m },

                // 公开课、示范课、送教下乡 at county level or above: a fixed amount per lesson (platform choice).
                new ActivityRule { Activity = ActivityType.Lecturing, CreditPerItem = 6m, MaxPerYear = 24m },

                // 跟岗研修、访学 and 学历提升 can fill at most an average year (platform choice).
                new ActivityRule { Activity = ActivityType.FurtherStudy, MaxPerYear = 72m },
                new ActivityRule { Activity = ActivityType.DegreeEducation, MaxPerYear = 72m },
            ],
        },
    ];
}
