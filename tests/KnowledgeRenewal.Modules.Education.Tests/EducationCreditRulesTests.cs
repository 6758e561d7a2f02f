using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.Education.Tests;

/// <summary>Teachers' rules (a five-year cycle of 360 hours): change these assertions together with the rules, citing the regulation.</summary>
public sealed class EducationCreditRulesTests
{
    private readonly EducationModule module = new();

    [Fact]
    public void Teachers_need_360_hours_in_a_five_year_cycle_in_mid_2024()
    {
        var set = new RuleBook(module.Manifest.Key, module.RuleSets).InForceOn(new DateOnly(2024, 6, 1));

        Assert.NotNull(set);
        Assert.Equal(5, set.CycleYears);
        Assert.Equal(CreditUnit.Hour, set.Unit);
        Assert.Equal(360m, set.RequiredTotal);
        Assert.Equal(CreditHours.FromHours(360m), set.RequiredTotalHours);
    }

    [Fact]
    public void Professional_subjects_are_at_least_two_thirds_of_the_cycle_that_is_240_hours()
    {
        var set = new RuleBook(module.Manifest.Key, module.RuleSets).InForceOn(new DateOnly(2024, 6, 1));

        Assert.NotNull(set);
        var professional = Assert.Single(set.Requirements, r => r.Category == CreditCategory.Professional);
        Assert.Equal(240m, professional.EffectiveMinimum(set));
    }

    [Fact]
    public void Has_a_rule_set_in_force_from_the_programs_start_in_2023()
    {
        var book = new RuleBook(module.Manifest.Key, module.RuleSets);

        Assert.NotNull(book.InForceOn(new DateOnly(2023, 1, 1)));
        Assert.NotNull(book.InForceOn(new DateOnly(2030, 12, 31)));
    }
}
