using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.UnitTests.TestDoubles;

namespace KnowledgeRenewal.UnitTests.Modules;

public class ModuleContractTests
{
    [Fact]
    public void A_conforming_module_has_no_problems()
    {
        Assert.Empty(ModuleContract.Check(FakeModule.Valid()));
    }

    [Fact]
    public void A_conforming_module_with_credit_classes_has_no_problems()
    {
        var module = new FakeModule(
            FakeModule.ValidManifest(),
            ruleSets: [TestRuleSets.InCredits()],
            creditClasses: [new("I", "Ⅰ类学分", "项目学分"), new("II", "Ⅱ类学分", "自学学分")]);

        Assert.Empty(ModuleContract.Check(module));
    }

    [Theory]
    [InlineData("Health")]
    [InlineData("h")]
    [InlineData("9abc")]
    [InlineData("-water")]
    [InlineData("water_supply")]
    [InlineData("water supply")]
    [InlineData("abcdefghijklmnopqrstuvwxyz1234567")]
    public void A_bad_key_is_reported_with_the_key_rules(string key)
    {
        var problem = SingleProblem(Module(FakeModule.ValidManifest() with { Key = key }));

        Assert.Equal($"module '{key}': key '{key}' must be 2–32 lowercase letters, digits or hyphens, starting with a letter", problem);
    }

    [Fact]
    public void A_module_without_key_is_named_by_its_type_in_its_problems()
    {
        var problem = SingleProblem(Module(FakeModule.ValidManifest() with { Key = "" }));

        Assert.StartsWith($"module '{typeof(FakeModule).FullName}': key ''", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Water")]
    [InlineData("")]
    [InlineData("ＷＡＴＥＲ")]
    public void NameZh_without_a_Chinese_character_is_reported(string nameZh)
    {
        var problem = SingleProblem(Module(FakeModule.ValidManifest() with { NameZh = nameZh }));

        Assert.Equal("module 'water': NameZh must be the module's Chinese name", problem);
    }

    [Fact]
    public void An_empty_NameEn_is_reported()
    {
        var problem = SingleProblem(Module(FakeModule.ValidManifest() with { NameEn = " " }));

        Assert.Equal("module 'water': NameEn must be the module's English name", problem);
    }

    [Theory]
    [InlineData("waterworks")]
    [InlineData("Water")]
    [InlineData("")]
    public void A_DepartmentCode_that_is_not_a_line_department_points_to_the_Departments_constants(string department)
    {
        var problem = SingleProblem(Module(FakeModule.ValidManifest() with { DepartmentCode = department }));

        Assert.Contains($"DepartmentCode '{department}' is not a line department", problem, StringComparison.Ordinal);
        Assert.Contains("use a constant of KnowledgeRenewal.Sdk.Departments", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_line_department_is_accepted_as_DepartmentCode()
    {
        foreach (var department in Departments.All)
        {
            Assert.Empty(ModuleContract.Check(Module(FakeModule.ValidManifest() with { DepartmentCode = department })));
        }
    }

    [Fact]
    public void Depending_on_itself_is_reported()
    {
        var problem = SingleProblem(Module(FakeModule.ValidManifest() with { DependsOn = ["water"] }));

        Assert.Equal("module 'water': DependsOn entry 'water' must be another module's key", problem);
    }

    [Fact]
    public void Depending_on_an_invalid_key_is_reported()
    {
        var problem = SingleProblem(Module(FakeModule.ValidManifest() with { DependsOn = ["Health"] }));

        Assert.Contains("DependsOn entry 'Health' must be another module's key", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Depending_on_another_valid_key_is_allowed()
    {
        Assert.Empty(ModuleContract.Check(Module(FakeModule.ValidManifest() with { DependsOn = ["health"] })));
    }

    [Fact]
    public void An_empty_catalog_asks_for_the_departments_subjects()
    {
        var problem = SingleProblem(new FakeModule(FakeModule.ValidManifest(), catalog: []));

        Assert.Equal("module 'water': the catalog is empty; declare the department's professional subjects", problem);
    }

    [Theory]
    [InlineData("sw-gsgc")]
    [InlineData("A")]
    [InlineData("-SW")]
    [InlineData("SW GSGC")]
    [InlineData("SW_GSGC")]
    [InlineData("")]
    [InlineData("SW-ABCDEFGHIJKLMNOPQRSTUVWXYZ01234")]
    public void A_bad_subject_code_is_reported_with_the_code_rules(string code)
    {
        var problem = SingleProblem(WithSubject(new SubjectDefinition(code, "供水安全", "给排水工程", 8m)));

        Assert.Contains($"subject code '{code}' must be 2–32 upper-case letters, digits or hyphens", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_subject_code_is_reported()
    {
        var problem = SingleProblem(WithSubject(new SubjectDefinition("SW-GSGC", "供水安全", "给排水工程", 8m)));

        Assert.Contains("subject code 'SW-GSGC' is used twice", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Reusing_the_code_of_a_retired_subject_is_reported()
    {
        var catalog = new SubjectDefinition[]
        {
            new("SW-OLD", "旧供水规范", "给排水工程", 8m) { IsRetired = true },
            new("SW-OLD", "新供水规范", "给排水工程", 8m),
        };

        var problem = SingleProblem(new FakeModule(FakeModule.ValidManifest(), catalog: catalog));

        Assert.Contains("subject code 'SW-OLD' is retired and used again; a retired code is never reused: give the new subject a new code", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_retired_subject_with_its_own_code_is_allowed()
    {
        Assert.Empty(ModuleContract.Check(WithSubject(new SubjectDefinition("SW-OLD", "旧供水规范", "给排水工程", 8m) { IsRetired = true })));
    }

    [Theory]
    [InlineData("Water supply")]
    [InlineData("")]
    public void A_subject_name_without_a_Chinese_character_is_reported(string name)
    {
        var problem = SingleProblem(WithSubject(new SubjectDefinition("SW-NEW", name, "给排水工程", 8m)));

        Assert.Equal("module 'water': subject 'SW-NEW' needs a Chinese Name", problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_discipline_is_reported(string discipline)
    {
        var problem = SingleProblem(WithSubject(new SubjectDefinition("SW-NEW", "供水安全", discipline, 8m)));

        Assert.Equal("module 'water': subject 'SW-NEW' needs a Discipline", problem);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(201)]
    public void Default_hours_outside_zero_to_200_are_reported(int hours)
    {
        var problem = SingleProblem(WithSubject(new SubjectDefinition("SW-NEW", "供水安全", "给排水工程", hours)));

        Assert.Contains($"subject 'SW-NEW' DefaultCreditHours {hours} must be in (0, 200]", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(0.01)]
    public void Default_hours_at_the_bounds_are_allowed(double hours)
    {
        Assert.Empty(ModuleContract.Check(WithSubject(new SubjectDefinition("SW-NEW", "供水安全", "给排水工程", (decimal)hours))));
    }

    [Fact]
    public void Default_hours_finer_than_a_hundredth_are_reported()
    {
        var problem = SingleProblem(WithSubject(new SubjectDefinition("SW-NEW", "供水安全", "给排水工程", 1.005m)));

        Assert.Contains("subject 'SW-NEW' DefaultCreditHours", problem, StringComparison.Ordinal);
        Assert.Contains("must be exact to 0.01", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_credit_class_declared_twice_is_reported()
    {
        var module = new FakeModule(
            FakeModule.ValidManifest(),
            ruleSets: [TestRuleSets.InCredits()],
            creditClasses: [new("I", "Ⅰ类学分", "项目学分"), new("II", "Ⅱ类学分", "自学学分"), new("I", "一类学分", "重复")]);

        var problem = SingleProblem(module);

        Assert.Equal("module 'water': credit class key 'I' is empty or declared twice", problem);
    }

    [Fact]
    public void A_credit_class_without_a_Chinese_name_is_reported()
    {
        var module = new FakeModule(
            FakeModule.ValidManifest(),
            ruleSets: [TestRuleSets.InCredits()],
            creditClasses: [new("I", "Class I", "项目学分"), new("II", "Ⅱ类学分", "自学学分")]);

        var problem = SingleProblem(module);

        Assert.Equal("module 'water': credit class 'I' needs a Chinese Name", problem);
    }

    [Fact]
    public void Rule_set_problems_are_reported_under_the_module_key()
    {
        var problem = SingleProblem(new FakeModule(FakeModule.ValidManifest(), ruleSets: []));

        Assert.StartsWith("module 'water': declares no rule set", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_referring_to_classes_the_module_does_not_declare_are_reported()
    {
        var problems = ModuleContract.Check(new FakeModule(FakeModule.ValidManifest(), ruleSets: [TestRuleSets.InCredits()]));

        Assert.Contains(problems, p => p.Contains("unknown credit class 'I'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("unknown credit class 'II'", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_and_prefixed_by_the_module_key()
    {
        var module = new FakeModule(
            FakeModule.ValidManifest() with { NameZh = "Water", DependsOn = ["water"] },
            catalog: [new SubjectDefinition("sw", "Water", "", 0m)],
            ruleSets: [TestRuleSets.Valid() with { CycleYears = 0 }]);

        var problems = ModuleContract.Check(module);

        Assert.Equal(7, problems.Count);
        Assert.All(problems, p => Assert.StartsWith("module 'water': ", p, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("health", true)]
    [InlineData("ab", true)]
    [InlineData("water-2", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz123456", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz1234567", false)]
    [InlineData("Health", false)]
    [InlineData("h", false)]
    [InlineData("9abc", false)]
    [InlineData("-ab", false)]
    [InlineData("ab_c", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValidKey_accepts_2_to_32_lowercase_letters_digits_or_hyphens_starting_with_a_letter(string? key, bool expected)
    {
        Assert.Equal(expected, ModuleContract.IsValidKey(key));
    }

    [Fact]
    public void IsValidKey_rejects_a_key_with_a_trailing_newline()
    {
        Assert.False(ModuleContract.IsValidKey("health\n"));
    }

    [Fact]
    public void A_subject_code_with_a_trailing_newline_is_reported()
    {
        var problems = ModuleContract.CheckCatalog([new SubjectDefinition("SW-NEW\n", "供水安全", "给排水工程", 8m)]);

        Assert.Single(problems);
    }

    [Fact]
    public void CheckCatalog_reports_catalog_problems_without_a_module_prefix()
    {
        var problem = Assert.Single(ModuleContract.CheckCatalog([]));

        Assert.Equal("the catalog is empty; declare the department's professional subjects", problem);
    }

    private static FakeModule Module(ModuleManifest manifest) => new(manifest);

    private static FakeModule WithSubject(SubjectDefinition subject) =>
        new(FakeModule.ValidManifest(), catalog: [.. FakeModule.ValidCatalog, subject]);

    private static string SingleProblem(DepartmentModule module) => Assert.Single(ModuleContract.Check(module));
}
