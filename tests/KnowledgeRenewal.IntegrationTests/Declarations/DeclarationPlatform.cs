using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Declarations;

/// <summary>
/// One running platform (no demo data) for the declaration tests, with three employers — 任城区 health (E1) and
/// education (E2), 邹城市 health (E3) — and evidence limited to 64 KB a file (the limit is configuration). Tests
/// create their own declarants (a registry professional linked to a professional account), so they can share the
/// platform. A recording <see cref="ILedgerChangeHandler"/> shows which ledger changes were published, and whether
/// inside the writing transaction.
/// </summary>
public sealed class DeclarationPlatformFixture : IAsyncLifetime
{
    public const string CountyA = "370811";
    public const string CountyB = "370883";
    public const long MaxEvidenceBytes = 64 * 1024;

    private readonly FixtureRegistry registry = new(20250601);
    private int people;
    private PlatformFactory platform = null!;

    public TestDatabase Database { get; private set; } = null!;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public TestAccounts Accounts { get; private set; } = null!;

    public LedgerChangeRecorder Ledger { get; } = new();

    /// <summary>任城区, health.</summary>
    public FixtureEmployer E1 { get; private set; } = null!;

    /// <summary>任城区, education.</summary>
    public FixtureEmployer E2 { get; private set; } = null!;

    /// <summary>邹城市, health.</summary>
    public FixtureEmployer E3 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        platform = new PlatformFactory(Database, new Dictionary<string, string?>
        {
            ["Platform:DemoMode"] = "false",
            ["Security:SignInPerIpPerMinute"] = "100000",
            ["Security:SignInPerAccountPerMinute"] = "1000",
            ["Declarations:MaxEvidenceBytes"] = MaxEvidenceBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Factory = platform.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<ILedgerChangeHandler>(Ledger)));
        Accounts = new TestAccounts(Factory);
        using var scope = Factory.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var bureaus = await FixtureRegistry.CountyBureausAsync(db);
        E1 = AddEmployer(db, "申报测试任城医院", CountyA, Departments.Health, bureaus);
        E2 = AddEmployer(db, "申报测试任城中学", CountyA, Departments.Education, bureaus);
        E3 = AddEmployer(db, "申报测试邹城医院", CountyB, Departments.Health, bureaus);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await platform.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A client signed in as a test account holding <paramref name="role"/> in the organization (one per role and organization).</summary>
    public Task<HttpClient> ClientAsync(string role, string? organizationCode = null) => Accounts.ClientAsync(role, organizationCode);

    /// <summary>
    /// A new professional at <paramref name="employer"/>, registered as the registry stores people, with their own
    /// account (roles <paramref name="roles"/>, default professional) and a client signed in as it.
    /// </summary>
    public async Task<Declarant> NewDeclarantAsync(FixtureEmployer employer, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(employer);
        var number = Interlocked.Increment(ref people);
        var idText = registry.NewIdNumber(Gender.Female, region: employer.RegionCode);

        var account = await Accounts.CreateAsync($"decl.{number}.{Guid.NewGuid():N}"[..30], roles.Length == 0 ? [PlatformRoles.Professional] : roles, employer.Code);
        Guid id;
        using (var scope = Factory.Services.CreateSystemScope())
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<PlatformDbContext>();
            Assert.True(ResidentIdNumber.TryParse(idText, DateOnly.FromDateTime(DateTime.UtcNow), out var idNumber, out _));
            var protector = services.GetRequiredService<IPersonalDataProtector>();
            var professional = new Professional
            {
                IdNumberHash = services.GetRequiredService<IdNumberHasher>().Hash(idNumber),
                IdNumberCipher = protector.Protect(idNumber.Value),
                IdNumberMasked = idNumber.Masked,
                Name = $"申报测试人{number}",
                Gender = Gender.Female,
                BirthDate = idNumber.BirthDate,
                EmployerId = employer.Id,
                RegionCode = employer.RegionCode,
                DepartmentCode = employer.DepartmentCode,
                TitleLevel = TitleLevel.Intermediate,
                Education = EducationLevel.Bachelor,
                UserId = account.Id,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            };
            db.Professionals.Add(professional);
            db.Employments.Add(new Employment { ProfessionalId = professional.Id, EmployerId = employer.Id, StartedOn = new DateOnly(2015, 9, 1), RecordedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            id = professional.Id;
        }

        return new Declarant(id, account, await Accounts.SignedInClientAsync(account), idText);
    }

    /// <summary>Runs <paramref name="query"/> against the database as the platform itself.</summary>
    public async Task<T> QueryAsync<T>(Func<PlatformDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var scope = Factory.Services.CreateSystemScope();
        return await query(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    private FixtureEmployer AddEmployer(PlatformDbContext db, string name, string region, string department, Dictionary<string, Guid> bureaus)
    {
        var employer = registry.AddEmployer(db, name, region, department, bureaus);
        return new FixtureEmployer(employer.Id, employer.Code, name, region, department);
    }
}

/// <summary>A fixture employer.</summary>
public sealed record FixtureEmployer(Guid Id, string Code, string Name, string RegionCode, string DepartmentCode);

/// <summary>A declarant: the professional, their account and a client signed in as it, and the plaintext ID number (no answer may contain it).</summary>
public sealed record Declarant(Guid Id, TestAccount Account, HttpClient Client, string IdNumber);

/// <summary>Records the ledger changes published, and whether a transaction was open when they were.</summary>
public sealed class LedgerChangeRecorder : ILedgerChangeHandler
{
    private readonly List<(PersonYear Change, bool InTransaction)> published = [];

    public int Order => int.MaxValue;

    public IReadOnlyList<(PersonYear Change, bool InTransaction)> For(Guid professionalId)
    {
        lock (published)
        {
            return [.. published.Where(p => p.Change.ProfessionalId == professionalId)];
        }
    }

    public Task HandleAsync(PlatformDbContext db, IReadOnlyCollection<PersonYear> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(changes);
        var inTransaction = db.Database.CurrentTransaction is not null;
        lock (published)
        {
            published.AddRange(changes.Select(c => (c, inTransaction)));
        }

        return Task.CompletedTask;
    }
}

/// <summary>Requests of the declaration API.</summary>
public static class DeclarationRequests
{
    /// <summary>A tiny valid PDF.</summary>
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    /// <summary>The first bytes of a PNG.</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    /// <summary>A conference of 4 学分 (12 学时 for health), ended in the last month.</summary>
    public static Dictionary<string, string> Conference(string title = "鲁西南临床医学学术年会") => new()
    {
        ["activity"] = "AcademicConference",
        ["title"] = title,
        ["organizer"] = "济宁市医学会",
        ["description"] = "参加学术年会并作专题交流。",
        ["startDate"] = DateTime.UtcNow.AddDays(-20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["endDate"] = DateTime.UtcNow.AddDays(-19).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["claimedAmount"] = "4",
        ["claimedUnit"] = "学分",
    };

    /// <summary>Posts a declaration with the fields and files (default: one PDF).</summary>
    public static async Task<HttpResponseMessage> DeclareAsync(HttpClient client, IDictionary<string, string> fields, params (string Name, byte[] Content)[] files)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        using var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value, Encoding.UTF8), key);
        }

        foreach (var (name, content) in files.Length == 0 ? [("会议证书.pdf", Pdf)] : files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "evidence", name);
        }

        return await client.PostAsync(new Uri("/api/declarations", UriKind.Relative), form);
    }

    /// <summary>Declares and asserts 201; returns the receipt and the ETag.</summary>
    public static async Task<(JsonElement Receipt, Guid Id, string ETag)> DeclaredAsync(HttpClient client, IDictionary<string, string>? fields = null)
    {
        using var response = await DeclareAsync(client, fields ?? Conference());
        var receipt = await response.ReadJsonAsync(HttpStatusCode.Created, "declare");
        return (receipt, receipt.GetProperty("declaration").GetProperty("id").GetGuid(), response.Headers.ETag!.Tag);
    }

    /// <summary>Posts a review or withdrawal with an optional If-Match.</summary>
    public static async Task<HttpResponseMessage> ActAsync(HttpClient client, Guid id, string action, object? body, string? ifMatch)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var message = new HttpRequestMessage(HttpMethod.Post, $"/api/declarations/{id:D}/{action}");
        if (body is not null)
        {
            message.Content = JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            message.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(message);
    }

    /// <summary>Acts and asserts 200; returns the view and the new ETag.</summary>
    public static async Task<(JsonElement View, string ETag)> ActedAsync(HttpClient client, Guid id, string action, object? body, string ifMatch)
    {
        using var response = await ActAsync(client, id, action, body, ifMatch);
        var view = await response.ReadJsonAsync(HttpStatusCode.OK, action);
        return (view, response.Headers.ETag!.Tag);
    }

    /// <summary>The current ETag of a declaration, read as <paramref name="client"/>.</summary>
    public static async Task<string> ETagAsync(HttpClient client, Guid id)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri($"/api/declarations/{id:D}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.Tag;
    }

    public static readonly object Approve = new { decision = "approve", comment = "材料齐全，同意。" };

    public static object Reject(string reason) => new { decision = "reject", comment = reason };
}

[CollectionDefinition(Name)]
public sealed class DeclarationPlatform : ICollectionFixture<DeclarationPlatformFixture>
{
    public const string Name = "declarations";
}
