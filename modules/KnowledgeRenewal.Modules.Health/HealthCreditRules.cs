using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.Health;

/// <summary>
/// Continuing medical education credit rules (继续医学教育): at least 25 credits a year, 5–10 of class I and
/// 15–20 of class II, the two classes not interchangeable; one credit is three credit hours.
/// </summary>
public static class HealthCreditRules
{
    /// <summary>Key of class I credits (Ⅰ类学分).</summary>
    public const string ClassI = "I";

    /// <summary>Key of class II credits (Ⅱ类学分).</summary>
    public const string ClassII = "II";

    /// <summary>The credit classes the rules refer to.</summary>
    public static IReadOnlyList<CreditClassDefinition> Classes { get; } =
    [
        new(ClassI, "Ⅰ类学分", "参加国家级、省级继续医学教育项目（含继续医学教育基地和指定学术团体举办、经公布的项目）以及国家和省批准的推广项目所获学分。"),
        new(ClassII, "Ⅱ类学分", "自学、发表论文、出版著作、科研立项、进修以及单位组织的学术报告、专题讲座、病例讨论等其他形式的继续医学教育活动所获学分。"),
    ];

    /// <summary>The rule sets, oldest first. Amounts are credits (学分).</summary>
    public static IReadOnlyList<CreditRuleSet> RuleSets { get; } =
    [
        new CreditRuleSet
        {
            EffectiveFrom = ProgramPeriod.Start,
            Title = "继续医学教育（年度学分制）",
            Basis = "《继续医学教育规定（试行）》（卫科教发〔2000〕477号）；《继续医学教育学分授予与管理办法》（卫科教发〔2006〕11号）；《山东省专业技术人员继续教育条例》",
            CycleYears = 1,
            Unit = CreditUnit.Credit,

            // 参加国家级继续医学教育项目，按3小时授予1学分.
            HoursPerUnit = 3m,
            RequiredTotal = 25m,
            Requirements =
            [
                // Ⅰ类学分5–10学分，Ⅱ类学分15–20学分，两类学分不可互相替代.
                new CreditRequirement { CreditClass = ClassI, Minimum = 5m, Maximum = 10m },
                new CreditRequirement { CreditClass = ClassII, Minimum = 15m, Maximum = 20m },
            ],
            Activities =
            [
                // Approved national/provincial CME projects, credited by hours attended. Platform simplification: every
                // project converts at this set's 3 hours a credit (the national-project rate); the 6-hour rate the
                // 2006 measures give provincial projects is not modelled separately.
                new ActivityRule { Activity = ActivityType.ClassroomTraining, CreditClass = ClassI },
                new ActivityRule { Activity = ActivityType.AdvancedSeminar, CreditClass = ClassI },

                // Every amount and cap below is a platform choice within the class II maximum of 20 credits; the national
                // rules leave class II details to the provinces and cities.
                new ActivityRule { Activity = ActivityType.OnlineLearning, CreditClass = ClassII, MaxPerYear = 10m },
                new ActivityRule { Activity = ActivityType.AcademicConference, CreditClass = ClassII, MaxPerYear = 10m },
                new ActivityRule { Activity = ActivityType.AcademicPaper, CreditClass = ClassII, CreditPerItem = 6m, MaxPerYear = 12m },
                new ActivityRule { Activity = ActivityType.Monograph, CreditClass = ClassII, CreditPerItem = 10m, MaxPerYear = 15m },
                new ActivityRule { Activity = ActivityType.ResearchProject, CreditClass = ClassII, CreditPerItem = 8m, MaxPerYear = 10m },
                new ActivityRule { Activity = ActivityType.Lecturing, CreditClass = ClassII, MaxPerYear = 10m },
                new ActivityRule { Activity = ActivityType.FurtherStudy, CreditClass = ClassII, MaxPerYear = 20m },
            ],
        },
    ];
}
