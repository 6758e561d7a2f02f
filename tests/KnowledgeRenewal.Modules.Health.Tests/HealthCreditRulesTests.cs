using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.Health.Tests;

/// <summary>Continuing medical education in credits of class I and II: change these assertions together with the rules, citing the regulation.</summary>
public sealed class HealthCreditRulesTests
{
    private readonly HealthModule module = new();

    private CreditRuleSet InForce2025
    {
        get
        {
            var set = new RuleBook(module.Manifest.Key, module.RuleSets).InForceOn(new DateOnly(2025, 1, 1));
            Assert.NotNull(set);
            return set;
        }
    }

    [Fact]
    public void Counts_25_credits_a_year_at_3_hours_a_credit_which_is_75_hours()
    {
        var set = InForce2025;

        Assert.Equal(CreditUnit.Credit, set.Unit);
        Assert.Equal(1, set.CycleYears);
        Assert.Equal(25m, set.RequiredTotal);
        Assert.Equal(3m, set.HoursPerUnit);
        Assert.Equal(CreditHours.FromHours(75m), set.RequiredTotalHours);
    }

    [Fact]
    public void Class_I_credits_are_between_5_and_10()
    {
        var classI = Assert.Single(InForce2025.Requirements, r => r.CreditClass == "I");

        Assert.Equal(5m, classI.EffectiveMinimum(InForce2025));
        Assert.Equal(10m, classI.Maximum);
    }

    [Fact]
    public void Class_II_credits_are_between_15_and_20()
    {
        var classII = Assert.Single(InForce2025.Requirements, r => r.CreditClass == "II");

        Assert.Equal(15m, classII.EffectiveMinimum(InForce2025));
        Assert.Equal(20m, classII.Maximum);
    }

    [Fact]
    public void Both_credit_classes_are_declared_with_Chinese_names()
    {
        Assert.Equal(["I", "II"], module.CreditClasses.Select(c => c.Key));
        Assert.All(module.CreditClasses, c => Assert.Contains("类学分", c.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void No_category_requirement_lets_one_class_substitute_for_the_other()
    {
        Assert.All(module.RuleSets, set => Assert.DoesNotContain(set.Requirements, r => r.Category is not null));
    }

    [Fact]
    public void Every_activity_earns_credit_of_a_declared_class()
    {
        var classes = module.CreditClasses.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);

        Assert.All(InForce2025.Activities, a => Assert.Contains(a.CreditClass!, classes));
    }

    [Fact]
    public void Default_hours_of_its_subjects_convert_to_whole_credits()
    {
        Assert.All(module.Catalog, s => Assert.Equal(0m, s.DefaultCreditHours % InForce2025.HoursPerUnit));
    }

    [Fact]
    public void Has_a_rule_set_in_force_from_the_programs_start_in_2023()
    {
        var book = new RuleBook(module.Manifest.Key, module.RuleSets);

        Assert.NotNull(book.InForceOn(new DateOnly(2023, 1, 1)));
        Assert.NotNull(book.InForceOn(new DateOnly(2030, 12, 31)));
    }
}
