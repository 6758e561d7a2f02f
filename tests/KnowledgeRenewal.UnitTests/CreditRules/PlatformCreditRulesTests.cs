using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.CreditRules;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.CreditRules;

public class PlatformCreditRulesTests
{
    private static readonly RuleBook Book = new(PlatformCreditRules.Scope, PlatformCreditRules.RuleSets);

    [Fact]
    public void The_default_rule_sets_are_well_formed()
    {
        Assert.Empty(RuleSetContract.Check(PlatformCreditRules.RuleSets, []));
    }

    [Fact]
    public void The_scope_is_platform()
    {
        Assert.Equal("platform", PlatformCreditRules.Scope);
    }

    [Fact]
    public void Requires_90_hours_a_year_in_2025()
    {
        var set = Book.InForceOn(new DateOnly(2025, 1, 1));

        Assert.NotNull(set);
        Assert.Equal(1, set.CycleYears);
        Assert.Equal(CreditUnit.Hour, set.Unit);
        Assert.Equal(CreditHours.FromHours(90m), set.RequiredTotalHours);
    }

    [Fact]
    public void Professional_subjects_are_at_least_two_thirds_that_is_60_hours()
    {
        var set = Book.InForceOn(new DateOnly(2025, 1, 1));

        Assert.NotNull(set);
        var professional = Assert.Single(set.Requirements, r => r.Category == CreditCategory.Professional);
        Assert.Equal(Share.Of(2, 3), professional.MinimumShare);
        Assert.Equal(CreditHours.FromHours(60m), professional.MinimumShare!.Of(set.RequiredTotalHours));
        Assert.Equal(60m, professional.EffectiveMinimum(set));
    }

    [Fact]
    public void Applies_from_the_programs_start_in_2023()
    {
        Assert.Null(Book.InForceOn(new DateOnly(2022, 12, 31)));
        Assert.NotNull(Book.InForceOn(new DateOnly(2023, 1, 1)));
    }
}
