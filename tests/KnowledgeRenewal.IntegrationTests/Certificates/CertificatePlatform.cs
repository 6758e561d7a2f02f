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
public sealed class CertificatePlatformFixture : IAsyncLifetime
{
    public const string CountyA = "370811";
    public const string CountyB = "370883";
    public const string PublicBaseUrl = "https://jxjy.example.cn";

    private readonly FixtureRegistry registry = new(20241201);

    public TestDatabase Database { get; private set; } = null!;

    public PlatformFactory Factory { get; private set; } = null!;

    public TestAccounts Accounts { get; private set; } = null!;

    /// <summary>任城区, health.</summary>
    public FixtureEmployer A1 { get; private set; } = null!;

    /// <summary>邹城市, health.</summary>
    public FixtureEmployer B1 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Factory = new PlatformFactory(Database, new Dictionary<string, string?>
        {
            ["Platform:DemoMode"] = "false",
            ["Security:SignInPerIpPerMinute"] = "100000",
            ["Security:SignInPerAccountPerMinute"] = "1000",
            ["Certificates:VerificationsPerMinute"] = "100000",
            ["Certificates:PublicBaseUrl"] = PublicBaseUrl,
        });
        Accounts = new TestAccounts(Factory);
        using var scope = Factory.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var bureaus = await FixtureRegistry.CountyBureausAsync(db);
        A1 = AddEmployer(db, "CT-A1", "证明测试任城医院", CountyA, bureaus);
        B1 = AddEmployer(db, "CT-B1", "证明测试邹城医院", CountyB, bureaus);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A client signed in as a test account holding <paramref name="role"/> in the organization.</summary>
    public Task<HttpClient> ClientAsync(string role, string? organizationCode = null) => Accounts.ClientAsync(role, organizationCode);

    /// <summary>A client without sign-in.</summary>
    public HttpClient Anonymous() => Factory.CreateClient();

    /// <summary>Registers a professional at <paramref name="employer"/> through the API; returns id and plaintext ID number and phone.</summary>
    public async Task<Person> RegisterAsync(FixtureEmployer employer, string name = "张思远")
    {
        ArgumentNullException.ThrowIfNull(employer);
        var office = await ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var idNumber = registry.NewIdNumber();
        var phone = registry.NewPhone("138");

        using var response = await office.PostAsJsonAsync(new Uri("/api/registry/professionals", UriKind.Relative), new
        {
            idNumber,
            name,
            phone,
            employerCreditCode = employer.Code,
            titleSeries = "卫生技术",
            titleLevel = "中级",
            specialty = "临床医学",
            education = "本科",
        });
        var view = await response.ReadJsonAsync(HttpStatusCode.Created, "register professional");
        return new Person(view.GetProperty("id").GetGuid(), idNumber, phone, view, response.Headers.ETag!.Tag);
    }

    /// <summary>Adds approved records of <paramref name="year"/> to a person (as a ledger writer does: save, publish, commit); returns their ids.</summary>
    public async Task<Guid[]> AddRecordsAsync(Guid professionalId, int year, params (CreditCategory Category, decimal Hours, string Title)[] records)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var scope = Factory.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var person = await db.Professionals.SingleAsync(p => p.Id == professionalId);
        var now = DateTime.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var added = records.Select((r, i) => new CreditRecord
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
        }.ApprovedOnEntry(new LedgerActor(null, "test"), now)).ToArray();
        db.CreditRecords.AddRange(added);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<LedgerChanges>().PublishAsync(db, [new PersonYear(professionalId, year)], default);
        await transaction.CommitAsync();
        return [.. added.Select(r => r.Id)];
    }

    /// <summary>Revokes an approved record (as a ledger writer does: save, publish, commit).</summary>
    public async Task RevokeRecordAsync(Guid recordId)
    {
        using var scope = Factory.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var record = await db.CreditRecords.SingleAsync(r => r.Id == recordId);
        record.Revoke(new LedgerActor(null, "test"), DateTime.UtcNow, "测试：培训证明不实，撤销该记录。");
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<LedgerChanges>().PublishAsync(db, [new PersonYear(record.ProfessionalId, record.CreditYear)], default);
        await transaction.CommitAsync();
    }

    /// <summary>Issues the certificate of a person-year as the program office; asserts the status and returns the view.</summary>
    public async Task<JsonElement> IssueAsync(Guid professionalId, int year, HttpStatusCode expected = HttpStatusCode.Created, HttpClient? client = null)
    {
        client ??= await ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using var response = await client.PostAsync(new Uri($"/api/professionals/{professionalId}/certificates/{year}", UriKind.Relative), null);
        return await response.ReadJsonAsync(expected, $"issue {year}");
    }

    /// <summary>Runs <paramref name="query"/> against the database as the platform itself.</summary>
    public async Task<T> QueryAsync<T>(Func<PlatformDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var scope = Factory.Services.CreateSystemScope();
        return await query(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    /// <summary>Links a professional record to an account (the person's own account).</summary>
    public Task LinkAsync(Guid professionalId, Guid userId) =>
        QueryAsync(db => db.Professionals.Where(p => p.Id == professionalId).ExecuteUpdateAsync(s => s.SetProperty(p => p.UserId, userId)));

    private FixtureEmployer AddEmployer(PlatformDbContext db, string label, string title, string region, Dictionary<string, Guid> bureaus)
    {
        var employer = registry.AddEmployer(db, title, region, Departments.Health, bureaus);
        return new FixtureEmployer(employer.Id, employer.Code, label, region, Departments.Health);
    }
}

[CollectionDefinition(Name)]
public sealed class CertificatePlatform : ICollectionFixture<CertificatePlatformFixture>
{
    public const string Name = "certificates";
}
