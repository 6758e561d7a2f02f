using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.Transport.Tests;

/// <summary>The general standard's numbers, declared by the module: change these assertions together with the rules, citing the regulation.</summary>
public sealed class TransportCreditRulesTests
{
    private readonly TransportModule module = new();

    [Fact]
    public void Requires_90_hours_a_year()
    {
        var set = new RuleBook(module.Manifest.Key, module.RuleSets).InForceOn(new DateOnly(2025, 1, 1));

        Assert.NotNull(set);
        Assert.Equal(1, set.CycleYears);
        Assert.Equal(CreditUnit.Hour, set.Unit);
        Assert.Equal(CreditHours.FromHours(90m), set.RequiredTotalHours);
    }

    [Fact]
    public void Professional_subjects_are_at_least_60_of_the_90_hours()
    {
        var set = new RuleBook(module.Manifest.Key, module.RuleSets).InForceOn(new DateOnly(2025, 1, 1));

        Assert.NotNull(set);
        var professional = Assert.Single(set.Requirements, r => r.Category == CreditCategory.Professional);
        Assert.Equal(60m, professional.EffectiveMinimum(set));
    }

    [Fact]
    public void Has_a_rule_set_in_force_from_the_programs_start_in_2023()
    {
        var book = new RuleBook(module.Manifest.Key, module.RuleSets);

        Assert.NotNull(book.InForceOn(new DateOnly(2023, 1, 1)));
        Assert.NotNull(book.InForceOn(new DateOnly(2030, 12, 31)));
    }
}
