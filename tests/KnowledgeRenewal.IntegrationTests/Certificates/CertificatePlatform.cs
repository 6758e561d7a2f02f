using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.IntegrationTests.Registry;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Certificates;

/// <summary>
/// One running platform (no demo data) for the certificate tests, with a hospital in 任城区 (370811) and one in 邹城市
/// (370883). Tests register their own people through the registry API and give them approved credit records the way
/// every ledger writer does: saved, then published through <see cref="LedgerChanges"/>, in one transaction.
/// Public verification is not rate-limited here (the limit has its own host in <see cref="VerificationRateLimitTests"/>).
/// </summary>
public sealed class CertificatePlatformFixture : PlatformFixtureBase
{
    public const string PublicBaseUrl = "https://jxjy.example.cn";

    private readonly FixtureRegistry registry = new(20241201);

    /// <summary>任城区, health.</summary>
    public FixtureEmployer A1 { get; private set; } = null!;

    /// <summary>邹城市, health.</summary>
    public FixtureEmployer B1 { get; private set; } = null!;

    /// <inheritdoc/>
    protected override bool DemoMode => false;

    /// <inheritdoc/>
    protected override bool ManySignIns => true;

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Certificates:VerificationsPerMinute"] = "100000",
        ["Certificates:PublicBaseUrl"] = PublicBaseUrl,
    };

    /// <inheritdoc/>
    protected override Task SeedAsync() => SeedDataAsync(async (_, db) =>
    {
        var bureaus = await FixtureRegistry.CountyBureausAsync(db);
        A1 = registry.AddEmployer(db, "证明测试任城医院", CountyA, Departments.Health, bureaus);
        B1 = registry.AddEmployer(db, "证明测试邹城医院", CountyB, Departments.Health, bureaus);
    });

    /// <summary>Registers a professional at <paramref name="employer"/> through the API as the program office; returns id and plaintext ID number and phone.</summary>
    public async Task<Person> RegisterAsync(FixtureEmployer employer, string name = "张思远") =>
        await registry.RegisterAsync(await ClientAsync(PlatformRoles.ProgramOfficeAdmin), employer, name, phonePrefix: "138");

    /// <summary>Adds approved records of <paramref name="year"/> to a person (as a ledger writer does: save, publish, commit); returns their ids.</summary>
    public async Task<Guid[]> AddRecordsAsync(Guid professionalId, int year, params (CreditCategory Category, decimal Hours, string Title)[] records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var added = await this.WriteLedgerAsync(async db =>
        {
            var person = await db.Professionals.SingleAsync(p => p.Id == professionalId);
            var now = DateTime.UtcNow;
            CreditRecord[] rows = [.. records.Select((r, i) => new CreditRecord
            {
                ProfessionalId = person.Id,
                Date = new DateOnly(year, 3, 1).AddDays(i * 20),
                CreditYear = year,
                Category = r.Category,
                Activity = r.Category == CreditCategory.Public ? ActivityType.OnlineLearning : ActivityType.ClassroomTraining,
                Hours = CreditHours.FromHours(r.Hours),
                EnteredAmount = r.Hours,
                EnteredUnit = CreditUnit.Hour,
                Title = r.Title,
                Source = RecordSource.ManualAdjustment,
                RecordedByName = "test",
                RecordedAt = now,
                RegionCode = person.RegionCode,
                DepartmentCode = person.DepartmentCode,
                EmployerId = person.EmployerId,
            }.ApprovedOnEntry(new LedgerActor(null, "test"), now))];
            db.CreditRecords.AddRange(rows);
            return rows;
        });
        return [.. added.Select(r => r.Id)];
    }

    /// <summary>Revokes an approved record (as a ledger writer does: save, publish, commit).</summary>
    public Task RevokeRecordAsync(Guid recordId) => this.WriteLedgerAsync(async db =>
    {
        var record = await db.CreditRecords.SingleAsync(r => r.Id == recordId);
        record.Revoke(new LedgerActor(null, "test"), DateTime.UtcNow, "测试：培训证明不实，撤销该记录。");
        return [record];
    });

    /// <summary>Issues the certificate of a person-year as the program office; asserts the status and returns the view.</summary>
    public async Task<JsonElement> IssueAsync(Guid professionalId, int year, HttpStatusCode expected = HttpStatusCode.Created, HttpClient? client = null)
    {
        client ??= await ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using var response = await client.PostAsync(new Uri($"/api/professionals/{professionalId}/certificates/{year}", UriKind.Relative), null);
        return await response.ReadJsonAsync(expected, $"issue {year}");
    }
}

[CollectionDefinition(Name)]
public sealed class CertificatePlatform : ICollectionFixture<CertificatePlatformFixture>
{
    public const string Name = "certificates";
}
