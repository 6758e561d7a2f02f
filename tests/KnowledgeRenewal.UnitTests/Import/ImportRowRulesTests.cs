using System.Globalization;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Import;

/// <summary>The import's row rules on top of the field rules: look-ups, scope, upsert, moves, duplicates.</summary>
public sealed class ImportRowRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);
    private static readonly DateTime Now = new(2026, 6, 30, 8, 0, 0, DateTimeKind.Utc);
    private static readonly string EmployerCode = UnifiedSocialCreditCode.Generate('1', '2', "370811", new Random(1).Next).Value;
    private static readonly string OtherCode = UnifiedSocialCreditCode.Generate('1', '2', "370811", new Random(2).Next).Value;
    private static readonly EmployerRef Employer = new(Guid.NewGuid(), EmployerCode, "370811", "health");
    private static readonly EmployerRef Other = new(Guid.NewGuid(), OtherCode, "370811", "health");
    private static readonly IdNumberHasher Hasher = new(new byte[32]);
    private static readonly AccessScope County = new() { RegionCodes = ["370811"], UserId = Guid.NewGuid() };

    [Fact]
    public void A_new_person_is_created_with_the_employers_region_and_sector()
    {
        var (rules, header) = Rules(County);
        var errors = new ImportErrorCollector(100);
        var candidate = rules.Check(Row(header, 2), errors)!;

        var change = rules.Resolve(candidate, Lookups(), errors)!;

        Assert.Equal(0, errors.Count);
        Assert.Equal(ImportAction.Create, change.Action);
        Assert.Equal((Employer.Id, "370811", "health", TitleLevel.Intermediate), (change.Record.EmployerId, change.Record.RegionCode, change.Record.DepartmentCode, change.Record.TitleLevel));
        Assert.Equal("protected:13900001234", change.Record.PhoneCipher);
        Assert.Equal("139****1234", change.Record.PhoneMasked);
    }

    [Fact]
    public void An_identical_row_is_unchanged_and_missing_columns_keep_their_values()
    {
        var (rules, header) = Rules(County);
        var errors = new ImportErrorCollector(100);
        var candidate = rules.Check(Row(header, 2), errors)!;
        var existing = Existing(candidate) with { Specialty = "护理" };

        var change = rules.Resolve(candidate, Lookups(existing), errors)!;
        Assert.Equal(ImportAction.Update, change.Action);
        Assert.Equal(["Specialty"], change.ChangedProperties);

        // Without the specialty column, the stored specialty stays and nothing changes.
        var (narrow, narrowHeader) = Rules(County, without: "专业");
        var same = narrow.Resolve(narrow.Check(Row(narrowHeader, 2), errors)!, Lookups(existing), errors)!;
        Assert.Equal(ImportAction.Unchanged, same.Action);
        Assert.Equal(0, errors.Count);
    }

    [Fact]
    public void A_new_employer_is_a_move_that_ends_the_current_employment_the_day_before_and_not_on_its_first_day()
    {
        var (rules, header) = Rules(County);
        var errors = new ImportErrorCollector(100);
        var candidate = rules.Check(Row(header, 2, employer: OtherCode), errors)!;

        var change = rules.Resolve(candidate, Lookups(Existing(candidate) with { OpenEmploymentStartedOn = new DateOnly(2020, 1, 1) }), errors)!;
        Assert.True(change.Moved);
        Assert.Equal(Today.AddDays(-1), change.EndOfCurrent);
        Assert.Contains("EmployerId", change.ChangedProperties);

        Assert.Null(rules.Resolve(candidate, Lookups(Existing(candidate) with { OpenEmploymentStartedOn = Today }), errors));
        Assert.Equal("move.started_on_too_early", errors.Snapshot().Single().Code);
    }

    [Fact]
    public void Out_of_scope_employers_regions_and_people_are_row_errors()
    {
        var (rules, header) = Rules(County);
        var errors = new ImportErrorCollector(100);
        var unknown = rules.Check(Row(header, 2, employer: UnifiedSocialCreditCode.Generate('1', '2', "370883", new Random(3).Next).Value), errors)!;
        var otherRegion = rules.Check(Row(header, 3, region: "370883"), errors)!;
        var elsewhere = rules.Check(Row(header, 4, idSeed: 4), errors)!;

        Assert.Null(rules.Resolve(unknown, Lookups(), errors));
        Assert.Null(rules.Resolve(otherRegion, Lookups(), errors));
        Assert.Null(rules.Resolve(elsewhere, Lookups(elsewhere: elsewhere.Hash), errors));

        // A region cell is not the employer's: refused as such (before, an in-scope region other than the employer's
        // was taken); a number registered outside the scope gets the refusal of any registration outside it.
        Assert.Equal(
            [(2, "employer.not_found", "工作单位统一社会信用代码"), (3, ProfessionalOwnership.RegionNotEmployers, "所属区域代码"), (4, "registry.out_of_scope", "身份证号")],
            errors.Snapshot().Select(e => (e.Row, e.Code, e.Column)));
        Assert.Equal(ProfessionalOwnership.CannotRegisterMessage, errors.Snapshot()[^1].Message);
        Assert.Equal(3, errors.RowCount);
    }

    [Fact]
    public void Region_and_sector_cells_must_be_the_employers_and_an_update_moves_nobody_silently()
    {
        var (rules, header) = Rules(new AccessScope { AllBusinessData = true });
        var errors = new ImportErrorCollector(100);

        // The employer's own values, or empty cells, are fine.
        var same = rules.Check(Row(header, 2, region: "370811", department: "health"), errors)!;
        Assert.Equal(("370811", "health"), Owners(rules.Resolve(same, Lookups(), errors)!));

        // Another region or sector is refused even for the program office, who could see both.
        var otherRegion = rules.Check(Row(header, 3, region: "370883", idSeed: 3), errors)!;
        var otherSector = rules.Check(Row(header, 4, department: "education", idSeed: 4), errors)!;
        Assert.Null(rules.Resolve(otherRegion, Lookups(), errors));
        Assert.Null(rules.Resolve(otherSector, Lookups(), errors));
        Assert.Equal(
            [(3, ProfessionalOwnership.RegionNotEmployers, "所属区域代码"), (4, ProfessionalOwnership.DepartmentNotEmployers, "所属行业代码")],
            errors.Snapshot().Select(e => (e.Row, e.Code, e.Column)));

        // A stored record that disagrees with its employer is not moved by a routine update that states nothing (or
        // its current values); a stated value must be the current one or the employer's; a move takes the new employer's.
        var (narrow, narrowHeader) = Rules(new AccessScope { AllBusinessData = true }, without: "所属区域代码");
        var candidate = narrow.Check(Row(narrowHeader, 5, idSeed: 5), errors)!;
        var disagreeing = Existing(candidate) with { RegionCode = "370883", DepartmentCode = "education" };
        Assert.Equal(ImportAction.Unchanged, narrow.Resolve(candidate, Lookups(disagreeing), errors)!.Action);
        var restated = narrow.Check(Row(narrowHeader, 6, idSeed: 5, department: "education"), errors)!;
        Assert.Equal(ImportAction.Unchanged, narrow.Resolve(restated, Lookups(disagreeing), errors)!.Action);
        var corrected = narrow.Check(Row(narrowHeader, 7, idSeed: 5, department: "health"), errors)!;
        var correction = narrow.Resolve(corrected, Lookups(disagreeing), errors)!;
        Assert.Equal((ImportAction.Update, ("370883", "health")), (correction.Action, Owners(correction)));
        var moved = narrow.Check(Row(narrowHeader, 8, idSeed: 5, employer: OtherCode), errors)!;
        var move = narrow.Resolve(moved, Lookups(disagreeing), errors)!;
        Assert.Equal((true, ("370811", "health")), (move.Moved, Owners(move)));
        Assert.Equal(["DepartmentCode", "EmployerId", "RegionCode"], move.ChangedProperties.Order(StringComparer.Ordinal));
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Without_an_employer_sector_the_cell_supplies_one_within_the_requesters_scope()
    {
        var sectorless = new EmployerRef(Guid.NewGuid(), EmployerCode, "370811", null);
        var lookups = new ProfessionalLookups
        {
            Employers = new Dictionary<string, EmployerRef> { [EmployerCode] = sectorless },
            Existing = new Dictionary<string, ExistingProfessional>(),
            Elsewhere = new HashSet<string>(),
            Regions = new HashSet<string> { "370811" },
            Departments = new HashSet<string> { "health", "education" },
        };
        var errors = new ImportErrorCollector(100);
        var (county, header) = Rules(County);

        Assert.Equal(("370811", "education"), Owners(county.Resolve(county.Check(Row(header, 2, department: "education"), errors)!, lookups, errors)!));
        Assert.Null(county.Resolve(county.Check(Row(header, 3, department: "nowhere", idSeed: 3), errors)!, lookups, errors));
        Assert.Null(county.Resolve(county.Check(Row(header, 4, idSeed: 4), errors)!, lookups, errors));

        // A department administrator only its own sector (the employer is not even its to see: refused as out of scope).
        var (health, _) = Rules(new AccessScope { DepartmentCodes = ["health"], UserId = Guid.NewGuid() });
        Assert.Null(health.Resolve(health.Check(Row(header, 5, department: "education", idSeed: 5), errors)!, lookups, errors));
        Assert.Equal(
            [(3, "department.not_found"), (4, "required"), (5, "registry.out_of_scope")],
            errors.Snapshot().Select(e => (e.Row, e.Code)));
    }

    [Fact]
    public void Duplicates_in_a_file_name_both_rows_once()
    {
        var (_, header) = Rules(County);
        var errors = new ImportErrorCollector(100);
        var duplicates = new DuplicateRows(header, "idNumber", "身份证号");
        Assert.False(duplicates.IsDuplicate("h1", 2, errors));
        Assert.False(duplicates.IsDuplicate("h2", 3, errors));
        Assert.True(duplicates.IsDuplicate("h1", 7, errors));
        Assert.True(duplicates.IsDuplicate("h1", 9, errors));

        Assert.Equal([2, 7, 9], errors.Snapshot().Select(e => e.Row));
        Assert.All(errors.Snapshot(), e => Assert.Equal(ImportProblemCodes.DuplicateInFile, e.Code));
    }

    [Fact]
    public void The_error_collector_counts_all_and_keeps_the_first()
    {
        var errors = new ImportErrorCollector(2);
        for (var row = 10; row > 0; row--)
        {
            errors.Add(new ImportError(row, "姓名", "name", "required", "请填写姓名。"));
        }

        Assert.Equal((10, 10, 2), (errors.Count, errors.RowCount, errors.Snapshot().Count));
        Assert.Equal([9, 10], errors.Snapshot().Select(e => e.Row));
    }

    [Fact]
    public void Employers_keep_their_region_and_a_providers_code_is_not_an_employers()
    {
        var header = HeaderDetector.Detect(ImportSchema.Employers, [["统一社会信用代码", "单位名称", "所有制", "所属区域代码", "所属行业代码"]]);
        var rules = new EmployerImportRules(header, Now, new AccessScope { AllBusinessData = true });
        var errors = new ImportErrorCollector(100);
        var valid = rules.Check(new ImportRow(2, [EmployerCode, "任城区人民医院", "公有制", "370811", "health"]), errors)!;
        var lookups = (ExistingOrganization? existing) => new EmployerLookups
        {
            Existing = existing is null ? new Dictionary<string, ExistingOrganization>() : new Dictionary<string, ExistingOrganization> { [EmployerCode] = existing },
            ParentFor = _ => Guid.Empty,
            Regions = new HashSet<string> { "370811", "370883" },
            Departments = new HashSet<string> { "health" },
        };

        Assert.Equal(ImportAction.Create, rules.Resolve(2, valid, lookups(null), errors)!.Action);
        var stored = new ExistingOrganization(Guid.NewGuid(), true, true, "任城区人民医院", Ownership.Public, "370811", "health", Guid.NewGuid());
        Assert.Equal(ImportAction.Unchanged, rules.Resolve(2, valid, lookups(stored), errors)!.Action);
        Assert.Null(rules.Resolve(2, valid, lookups(stored with { RegionCode = "370883" }), errors));
        Assert.Null(rules.Resolve(2, valid, lookups(stored with { IsEmployer = false }), errors));
        Assert.Equal(["employer.region_immutable", "organization.duplicate"], errors.Snapshot().Select(e => e.Code));

        // A county sees a registered employer of another region as out of its scope.
        var county = new EmployerImportRules(header, Now, County);
        Assert.Null(county.Resolve(3, valid, lookups(stored with { RegionCode = "370883" }), errors));
        Assert.Equal("registry.out_of_scope", errors.Snapshot()[^1].Code);
    }

    private static (ProfessionalImportRules Rules, ImportHeader Header) Rules(AccessScope scope, string? without = null)
    {
        var headers = ImportSchema.Professionals.Columns.Select(c => c.Header).Where(h => h != without).ToArray();
        var header = HeaderDetector.Detect(ImportSchema.Professionals, [headers]);
        return (new ProfessionalImportRules(header, Today, Now, scope, Hasher, new FakeProtector()), header);
    }

    private static (string Region, string Department) Owners(ProfessionalChange change) => (change.Record.RegionCode, change.Record.DepartmentCode);

    private static ImportRow Row(ImportHeader header, int number, string? employer = null, string? region = null, int idSeed = 1, string? department = null)
    {
        var first17 = "370811" + "19900101" + idSeed.ToString("D3", CultureInfo.InvariantCulture);
        var values = new Dictionary<string, string>
        {
            ["idNumber"] = first17 + ResidentIdNumber.CheckCharacterOf(first17),
            ["name"] = "张三",
            ["phone"] = "13900001234",
            ["employerCreditCode"] = employer ?? EmployerCode,
            ["regionCode"] = region ?? "",
            ["departmentCode"] = department ?? "",
            ["titleSeries"] = "卫生技术",
            ["titleLevel"] = "中级",
            ["specialty"] = "临床医学",
            ["education"] = "本科",
        };
        var cells = header.Schema.Columns.Select((c, i) => header.Has(i) ? values.GetValueOrDefault(c.Field, "") : null).ToArray();
        return new ImportRow(number, cells);
    }

    private static ExistingProfessional Existing(ProfessionalCandidate candidate) => new(
        Guid.NewGuid(), candidate.Hash, "张三", "protected:13900001234", "139****1234", Employer.Id, "370811", "health",
        "卫生技术", TitleLevel.Intermediate, "临床医学", EducationLevel.Bachelor, ProfessionalStatus.Active, Guid.NewGuid(), new DateOnly(2020, 1, 1));

    private static ProfessionalLookups Lookups(ExistingProfessional? existing = null, string? elsewhere = null) => new()
    {
        Employers = new Dictionary<string, EmployerRef> { [EmployerCode] = Employer, [OtherCode] = Other },
        Existing = existing is null ? new Dictionary<string, ExistingProfessional>() : new Dictionary<string, ExistingProfessional> { [existing.IdNumberHash] = existing },
        Elsewhere = elsewhere is null ? new HashSet<string>() : new HashSet<string> { elsewhere },
        Regions = new HashSet<string> { "370811", "370883" },
        Departments = new HashSet<string> { "health", "education" },
    };

    private sealed class FakeProtector : IPersonalDataProtector
    {
        public string Protect(string plaintext) => "protected:" + plaintext;

        public string Unprotect(string protectedValue) => protectedValue["protected:".Length..];
    }
}
