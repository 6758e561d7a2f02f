using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.CreditRules;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Modules.Education;
using KnowledgeRenewal.Modules.Health;
using KnowledgeRenewal.Modules.Transport;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.UnitTests.TestDoubles;

namespace KnowledgeRenewal.UnitTests.CreditRules;

public class CreditRuleBooksTests
{
    private const string Platform = "CreditRules:Overrides:platform:0:";

    /// <summary>Education and health enabled, transport installed but disabled.</summary>
    private static readonly ModuleRegistry Registry = new(
    [
        new ModuleDescriptor(new EducationModule(), "referenced", Enabled: true),
        new ModuleDescriptor(new HealthModule(), "referenced", Enabled: true),
        new ModuleDescriptor(new TransportModule(), "referenced", Enabled: false),
    ]);

    [Fact]
    public void Without_overrides_the_platform_book_holds_the_default_rule_sets()
    {
        var books = Build();

        Assert.Equal("platform", books.Platform.Scope);
        Assert.Equal(PlatformCreditRules.RuleSets, books.Platform.RuleSets);
    }

    [Fact]
    public void ForModule_returns_the_book_of_an_enabled_module()
    {
        var book = Build().ForModule("health");

        Assert.NotNull(book);
        Assert.Equal("health", book.Scope);
        Assert.Equal(HealthCreditRules.RuleSets, book.RuleSets);
    }

    [Theory]
    [InlineData("transport")]
    [InlineData("water")]
    public void ForModule_returns_null_for_a_disabled_or_unknown_module(string key)
    {
        Assert.Null(Build().ForModule(key));
    }

    [Theory]
    [InlineData(Departments.Health, "health")]
    [InlineData(Departments.Education, "education")]
    public void ForDepartment_returns_the_book_of_the_departments_enabled_module(string department, string scope)
    {
        Assert.Equal(scope, Build().ForDepartment(department).Scope);
    }

    [Theory]
    [InlineData(Departments.Transport)]
    [InlineData(Departments.Water)]
    [InlineData(null)]
    public void ForDepartment_returns_the_platform_book_when_the_department_has_no_enabled_module(string? department)
    {
        var books = Build();

        Assert.Same(books.Platform, books.ForDepartment(department));
    }

    [Fact]
    public void All_lists_the_platform_book_first_then_enabled_modules_by_key()
    {
        Assert.Equal(["platform", "education", "health"], Build().All.Select(b => b.Scope));
    }

    [Fact]
    public void An_override_with_a_new_start_day_adds_a_rule_set()
    {
        var books = Build(
            (Platform + "EffectiveFrom", "2027-01-01"),
            (Platform + "Title", "专业技术人员继续教育通用标准（2027年修订）"),
            (Platform + "RequiredTotal", "72"),
            (Platform + "Requirements:0:Category", "Professional"),
            (Platform + "Requirements:0:MinimumShare:Numerator", "2"),
            (Platform + "Requirements:0:MinimumShare:Denominator", "3"));

        Assert.Equal(2, books.Platform.RuleSets.Count);
        var added = books.Platform.InForceOn(new DateOnly(2027, 6, 1));
        Assert.NotNull(added);
        Assert.Equal(72m, added.RequiredTotal);
        Assert.Equal("专业技术人员继续教育通用标准（2027年修订）", added.Title);
        var professional = Assert.Single(added.Requirements);
        Assert.Equal(CreditCategory.Professional, professional.Category);
        Assert.Equal(Share.Of(2, 3), professional.MinimumShare);
        Assert.Equal(48m, professional.EffectiveMinimum(added));
        Assert.Equal(90m, books.Platform.InForceOn(new DateOnly(2026, 6, 1))?.RequiredTotal);
    }

    [Fact]
    public void An_override_with_the_start_day_of_a_declared_set_replaces_it()
    {
        var books = Build(
            (Platform + "EffectiveFrom", "2023-01-01"),
            (Platform + "Title", "专业技术人员继续教育通用标准（本地）"),
            (Platform + "RequiredTotal", "72"));

        var set = Assert.Single(books.Platform.RuleSets);
        Assert.Equal(72m, set.RequiredTotal);
        Assert.Equal("专业技术人员继续教育通用标准（本地）", set.Title);
    }

    [Fact]
    public void An_override_of_a_modules_rules_applies_to_that_modules_book_only()
    {
        var books = Build(
            ("CreditRules:Overrides:health:0:EffectiveFrom", "2026-01-01"),
            ("CreditRules:Overrides:health:0:Title", "继续医学教育（2026年）"),
            ("CreditRules:Overrides:health:0:Unit", "Credit"),
            ("CreditRules:Overrides:health:0:HoursPerUnit", "3"),
            ("CreditRules:Overrides:health:0:RequiredTotal", "30"),
            ("CreditRules:Overrides:health:0:Requirements:0:CreditClass", "I"),
            ("CreditRules:Overrides:health:0:Requirements:0:Minimum", "10"));

        var health = books.ForModule("health");
        Assert.NotNull(health);
        Assert.Equal(2, health.RuleSets.Count);
        Assert.Equal(CreditHours.FromHours(90m), health.InForceOn(new DateOnly(2026, 1, 1))?.RequiredTotalHours);
        Assert.Single(books.Platform.RuleSets);
    }

    [Fact]
    public void A_malformed_override_stops_start_up_naming_the_rule_book()
    {
        var error = Assert.Throws<PlatformConfigurationException>(() => Build(
            (Platform + "EffectiveFrom", "2027-01-01"),
            (Platform + "Title", "错误的规则"),
            (Platform + "RequiredTotal", "0")));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("rules of 'platform': ", problem, StringComparison.Ordinal);
        Assert.Contains("RequiredTotal must be positive, not 0", problem, StringComparison.Ordinal);
        Assert.Contains("rules of 'platform'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_module_override_naming_an_undeclared_class_stops_start_up()
    {
        var error = Assert.Throws<PlatformConfigurationException>(() => Build(
            ("CreditRules:Overrides:health:0:EffectiveFrom", "2026-01-01"),
            ("CreditRules:Overrides:health:0:Title", "继续医学教育（2026年）"),
            ("CreditRules:Overrides:health:0:Unit", "Credit"),
            ("CreditRules:Overrides:health:0:HoursPerUnit", "3"),
            ("CreditRules:Overrides:health:0:RequiredTotal", "25"),
            ("CreditRules:Overrides:health:0:Requirements:0:CreditClass", "III"),
            ("CreditRules:Overrides:health:0:Requirements:0:Minimum", "5")));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("rules of 'health': ", problem, StringComparison.Ordinal);
        Assert.Contains("unknown credit class 'III'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_for_an_unknown_scope_stops_start_up()
    {
        var error = Assert.Throws<PlatformConfigurationException>(() => Build(
            ("CreditRules:Overrides:water:0:EffectiveFrom", "2027-01-01"),
            ("CreditRules:Overrides:water:0:Title", "水务规则"),
            ("CreditRules:Overrides:water:0:RequiredTotal", "90")));

        var problem = Assert.Single(error.Problems);
        Assert.Contains("CreditRules:Overrides:water names no installed module", problem, StringComparison.Ordinal);
        Assert.Contains("use 'platform' or a module key", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_for_an_installed_but_disabled_module_is_kept_for_later_and_does_not_stop_start_up()
    {
        var books = Build(
            ("CreditRules:Overrides:transport:0:EffectiveFrom", "2027-01-01"),
            ("CreditRules:Overrides:transport:0:Title", "交通运输专业技术人员继续教育（2027年）"),
            ("CreditRules:Overrides:transport:0:RequiredTotal", "72"));

        Assert.Null(books.ForModule("transport"));
    }

    [Fact]
    public void An_override_scope_is_matched_whatever_its_case_like_the_rest_of_configuration()
    {
        var books = Build(
            ("CreditRules:Overrides:Platform:0:EffectiveFrom", "2027-01-01"),
            ("CreditRules:Overrides:Platform:0:Title", "专业技术人员继续教育通用标准（2027年修订）"),
            ("CreditRules:Overrides:Platform:0:RequiredTotal", "72"));

        Assert.Equal(72m, books.Platform.InForceOn(new DateOnly(2027, 6, 1))?.RequiredTotal);
    }

    private static CreditRuleBooks Build(params (string Key, string? Value)[] settings) =>
        new(Registry, TestConfiguration.From(settings));
}
