namespace KnowledgeRenewal.Sdk;

/// <summary>
/// The platform's general standard (通用标准): at least 90 credit hours a year, professional subjects at least two
/// thirds of them, with the general per-item amounts and yearly caps. It is the rule book of everyone whose department
/// has no enabled module, and a module whose sector has no numbers of its own adopts it in one line:
/// <code>public override IReadOnlyList&lt;CreditRuleSet&gt; RuleSets =&gt; PlatformDefaultRules.For(Manifest);</code>
/// </summary>
/// <remarks>
/// This is the only definition of the default; the platform's own rule book and every module that adopts it read it
/// from here. A deployment whose province sets other numbers supersedes it with data, never by changing code:
/// <c>CreditRules:Overrides:platform</c> for the platform's book, <c>CreditRules:Overrides:{key}</c> for a module's
/// (a module's adopted copy does not follow the platform's override).
/// </remarks>
public static class PlatformDefaultRules
{
    /// <summary>Scope name of the platform's own rule book.</summary>
    public const string Scope = "platform";

    /// <summary>What a module's copy adds to the basis, so a reader sees the numbers are the general standard.</summary>
    public const string AdoptedBasisSuffix = "（平台通用标准）";

    /// <summary>The default rule sets, oldest first: yearly, in force from the program's start (<see cref="ProgramPeriod.Start"/>).</summary>
    public static IReadOnlyList<CreditRuleSet> RuleSets { get; } =
    [
        new CreditRuleSet
        {
            EffectiveFrom = ProgramPeriod.Start,
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

    /// <summary>
    /// The default rule sets as a module's own: the same numbers and dates, titled for the module's sector
    /// (e.g. 农业农村专业技术人员继续教育（年度）) and with a basis that says they are the general standard.
    /// </summary>
    /// <param name="manifest">The adopting module's manifest (its Chinese name titles the sets).</param>
    public static IReadOnlyList<CreditRuleSet> For(ModuleManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return [.. RuleSets.Select(set => set with
        {
            Title = $"{manifest.NameZh}专业技术人员继续教育（年度）",
            Basis = set.Basis + AdoptedBasisSuffix,
        })];
    }
}
