using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.CreditRules;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.UnitTests.TestDoubles;

namespace KnowledgeRenewal.UnitTests.Rules;

/// <summary>The platform's general standard, defined once in the SDK for the core's rule book and the modules that adopt it.</summary>
public class PlatformDefaultRulesTests
{
    private static readonly ModuleManifest Water = FakeModule.ValidManifest();

    [Fact]
    public void The_cores_platform_rule_book_is_the_SDKs_definition()
    {
        Assert.Same(PlatformDefaultRules.RuleSets, PlatformCreditRules.RuleSets);
        Assert.Equal(PlatformDefaultRules.Scope, PlatformCreditRules.Scope);
    }

    [Fact]
    public void The_default_is_yearly_and_in_force_from_the_programs_start()
    {
        var set = Assert.Single(PlatformDefaultRules.RuleSets);

        Assert.Equal(1, set.CycleYears);
        Assert.Equal(ProgramPeriod.Start, set.EffectiveFrom);
        Assert.Null(set.EffectiveTo);
    }

    [Fact]
    public void A_module_adopting_it_gets_the_same_numbers_titled_for_its_sector()
    {
        var adopted = Assert.Single(PlatformDefaultRules.For(Water));
        var standard = Assert.Single(PlatformDefaultRules.RuleSets);

        Assert.Equal("城乡水务专业技术人员继续教育（年度）", adopted.Title);
        Assert.Equal("《专业技术人员继续教育规定》（人社部令第25号）；《山东省专业技术人员继续教育条例》（平台通用标准）", adopted.Basis);
        Assert.Equal(standard with { Title = adopted.Title, Basis = adopted.Basis }, adopted);
    }

    [Fact]
    public void The_adopted_rules_keep_the_module_contract()
    {
        Assert.Empty(RuleSetContract.Check(PlatformDefaultRules.For(Water), []));
        Assert.Empty(ModuleContract.Check(new FakeModule(Water, ruleSets: PlatformDefaultRules.For(Water))));
    }

    [Fact]
    public void Adopting_it_leaves_the_platforms_own_sets_untouched()
    {
        _ = PlatformDefaultRules.For(Water);

        Assert.Equal("专业技术人员继续教育通用标准", Assert.Single(PlatformDefaultRules.RuleSets).Title);
    }

    [Fact]
    public void A_module_manifest_is_required()
    {
        Assert.Throws<ArgumentNullException>(() => PlatformDefaultRules.For(null!));
    }
}
