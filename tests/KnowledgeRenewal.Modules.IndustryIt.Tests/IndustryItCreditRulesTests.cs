using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.IndustryIt.Tests;

/// <summary>The module's own numbers: change these assertions together with the rules, citing the regulation.</summary>
public sealed class IndustryItCreditRulesTests
{
    private readonly IndustryItModule module = new();

    [Fact]
    public void Requires_90_credit_hours_a_year_two_thirds_of_them_professional()
    {
        var set = new RuleBook(module.Manifest.Key, module.RuleSets).InForceOn(new DateOnly(2025, 6, 1));

        Assert.NotNull(set);
        Assert.Equal(1, set.CycleYears);
        Assert.Equal(CreditHours.FromHours(90m), set.RequiredTotalHours);
        Assert.Equal(60m, Assert.Single(set.Requirements, r => r.Category == CreditCategory.Professional).EffectiveMinimum(set));
    }

    [Fact]
    public void Adopts_the_platform_default_titled_for_the_sector()
    {
        var set = Assert.Single(module.RuleSets);
        var standard = Assert.Single(PlatformDefaultRules.RuleSets);

        Assert.Equal("工业和信息化专业技术人员继续教育（年度）", set.Title);
        Assert.Equal(standard with { Title = set.Title, Basis = set.Basis }, set);
    }

    [Fact]
    public void Its_catalog_belongs_to_the_department()
    {
        Assert.Equal(Departments.IndustryIt, module.Manifest.DepartmentCode);
        Assert.All(module.Catalog, s => Assert.StartsWith("GX-", s.Code, StringComparison.Ordinal));
    }
}
