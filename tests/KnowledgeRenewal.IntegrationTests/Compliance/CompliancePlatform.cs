using System.Net;
using System.Net.Http.Json;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Compliance;

/// <summary>
/// One running platform (no demo data) for the compliance tests, with employers in 任城区 (370811) and 邹城市 (370883)
/// of a department without a module (agriculture: the platform's default rules, 90 hours a year, 2/3 professional),
/// one of education (five-year cycle) and one of transport (used only by the what-if test, so its population is
/// known). Tests register their own people through the registry API and add credit records through the data layer,
/// publishing the change as every ledger path does.
/// </summary>
public sealed class CompliancePlatformFixture : PlatformFixtureBase
{
    private readonly FixtureRegistry registry = new(20251231);

    /// <summary>任城区, agriculture (platform rules).</summary>
    public FixtureEmployer FarmA { get; private set; } = null!;

    /// <summary>邹城市, agriculture (platform rules).</summary>
    public FixtureEmployer FarmB { get; private set; } = null!;

    /// <summary>任城区, education (five-year cycle).</summary>
    public FixtureEmployer SchoolA { get; private set; } = null!;

    /// <summary>任城区, health (credits in classes Ⅰ and Ⅱ, with maximums).</summary>
    public FixtureEmployer HospitalA { get; private set; } = null!;

    /// <summary>邹城市, transport (what-if population only).</summary>
    public FixtureEmployer TransportB { get; private set; } = null!;

    /// <inheritdoc/>
    protected override bool DemoMode => false;

    /// <inheritdoc/>
    protected override bool ManySignIns => true;

    /// <inheritdoc/>
    protected override Task SeedAsync() => SeedDataAsync(async (_, db) =>
    {
        var bureaus = await FixtureRegistry.CountyBureausAsync(db);
        FarmA = registry.AddEmployer(db, "达标测试任城农场", CountyA, Departments.AgricultureRural, bureaus);
        FarmB = registry.AddEmployer(db, "达标测试邹城农场", CountyB, Departments.AgricultureRural, bureaus);
        SchoolA = registry.AddEmployer(db, "达标测试任城中学", CountyA, Departments.Education, bureaus);
        TransportB = registry.AddEmployer(db, "达标测试邹城公路站", CountyB, Departments.Transport, bureaus);
        HospitalA = registry.AddEmployer(db, "达标测试任城医院", CountyA, Departments.Health, bureaus);
    });

    /// <summary>Registers a professional of <paramref name="employer"/> through the registry API as the program office.</summary>
    public async Task<Guid> RegisterAsync(FixtureEmployer employer, string name = "达标测试人")
    {
        ArgumentNullException.ThrowIfNull(employer);
        var client = await ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var person = await registry.RegisterAsync(client, employer, name, Gender.Female, phonePrefix: "138", titleSeries: "农业技术", specialty: "农学");
        return person.Id;
    }

    /// <summary>
    /// Adds credit records for a person as a ledger path does: saves them, publishes the change and commits, in one
    /// transaction. Returns the records' ids.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> AddRecordsAsync(Guid professionalId, params RecordSpec[] specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var records = await this.WriteLedgerAsync(async db =>
        {
            var person = await db.Professionals.AsNoTracking().SingleAsync(p => p.Id == professionalId);
            CreditRecord[] added = [.. specs.Select(s => NewRecord(person, s))];
            db.CreditRecords.AddRange(added);
            return added;
        });
        return [.. records.Select(r => r.Id)];
    }

    /// <summary>Revokes an approved record as a ledger path does (save, publish, commit).</summary>
    public Task RevokeAsync(Guid recordId) => this.WriteLedgerAsync(async db =>
    {
        var record = await db.CreditRecords.SingleAsync(r => r.Id == recordId);
        record.Revoke(LedgerActor.System, DateTime.UtcNow, "测试撤销：培训班次信息有误");
        return [record];
    });

    /// <summary>The stored compliance rows of some people, as comparable values (no ids, no times).</summary>
    public Task<List<string>> StoredRowsAsync(IEnumerable<Guid> people)
    {
        var ids = people.ToList();
        return QueryAsync(async db => (await db.Compliance.AsNoTracking().Where(c => ids.Contains(c.ProfessionalId)).ToListAsync())
            .Select(c => string.Join('|', c.ProfessionalId, c.CycleStart, c.CycleEnd, c.RuleScope, c.RuleSetTitle, c.Status, c.Counted.Hundredths,
                c.Required.Hundredths, c.PublicCounted.Hundredths, c.ProfessionalCounted.Hundredths, c.Missing, c.RegionCode, c.DepartmentCode, c.EmployerId))
            .Order(StringComparer.Ordinal)
            .ToList());
    }

    private static CreditRecord NewRecord(Professional person, RecordSpec spec)
    {
        var record = new CreditRecord
        {
            ProfessionalId = person.Id,
            Date = spec.Date,
            CreditYear = spec.Date.Year,
            Category = spec.Category,
            Activity = spec.Activity,
            Hours = CreditHours.FromHours(spec.Hours),
            EnteredAmount = spec.Hours,
            Title = spec.Title,
            Source = RecordSource.ManualAdjustment,
            RecordedByName = "system",
            RecordedAt = DateTime.UtcNow,
            RegionCode = person.RegionCode,
            DepartmentCode = person.DepartmentCode,
            EmployerId = person.EmployerId,
            CreditClass = spec.CreditClass,
        };
        switch (spec.Status)
        {
            case CreditRecordStatus.Approved:
                record.Approve(LedgerActor.System, DateTime.UtcNow);
                break;
            case CreditRecordStatus.Rejected:
                record.Reject(LedgerActor.System, DateTime.UtcNow, "测试驳回：证明材料不清晰");
                break;
        }

        return record;
    }
}

/// <summary>A credit record to add.</summary>
public sealed record RecordSpec(DateOnly Date, CreditCategory Category, decimal Hours, CreditRecordStatus Status = CreditRecordStatus.Approved, ActivityType Activity = ActivityType.ClassroomTraining, string Title = "达标测试培训班", string? CreditClass = null)
{
    public static RecordSpec Professional(int year, decimal hours, CreditRecordStatus status = CreditRecordStatus.Approved) =>
        new(new DateOnly(year, 5, 10), CreditCategory.Professional, hours, status, Title: "专业科目培训班");

    public static RecordSpec Public(int year, decimal hours, CreditRecordStatus status = CreditRecordStatus.Approved) =>
        new(new DateOnly(year, 3, 15), CreditCategory.Public, hours, status, Title: "公需科目培训班");
}

[CollectionDefinition(Name)]
public sealed class CompliancePlatform : ICollectionFixture<CompliancePlatformFixture>
{
    public const string Name = "compliance";
}
