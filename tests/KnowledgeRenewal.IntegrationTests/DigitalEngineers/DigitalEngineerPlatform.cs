using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Registry.Demo;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.DigitalEngineers;

/// <summary>
/// The demo city (its catalog of digital-engineer institutions and its demo accounts) on its own database, with an
/// employer in 任城区 so tests can add trainees of their own (a registry professional with a professional account),
/// and an account of the demo evaluation institution 济宁技师学院 (no demo account belongs to it).
/// </summary>
public sealed class DigitalEngineerPlatformFixture : IAsyncLifetime
{
    public const string CountyA = "370811";
    public const string Trainer = DemoOrganizations.DemoProvider;
    public const string Evaluator = "济宁技师学院";
    public const string CityTrainer = "济宁市数字技术工程师培训中心";
    public const string ExpiredTrainer = "济宁职业技术学院";

    private readonly FixtureRegistry registry = new(20261128);
    private readonly ConcurrentDictionary<string, Task<HttpClient>> demoClients = new();
    private readonly ConcurrentDictionary<string, TestAccount> demoAccounts = new();
    private int people;
    private Guid employerId;
    private string employerCode = "";

    public TestDatabase Database { get; private set; } = null!;

    public PlatformFactory Factory { get; private set; } = null!;

    public TestAccounts Accounts { get; private set; } = null!;

    /// <summary>Catalog entries of the demo city by organization name.</summary>
    public IReadOnlyDictionary<string, Guid> Institutions { get; private set; } = null!;

    /// <summary>Organization codes by name.</summary>
    public IReadOnlyDictionary<string, string> OrganizationCodes { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Factory = new PlatformFactory(Database, new Dictionary<string, string?>
        {
            ["Security:SignInPerIpPerMinute"] = "100000",
            ["Security:SignInPerAccountPerMinute"] = "1000",
        });
        Accounts = new TestAccounts(Factory);
        using var scope = Factory.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Institutions = await db.DigitalInstitutions.ToDictionaryAsync(i => i.OrganizationName, i => i.Id);
        var employer = registry.AddEmployer(db, "数字测试任城单位", CountyA, Departments.IndustryIt, await FixtureRegistry.CountyBureausAsync(db));
        await db.SaveChangesAsync();
        employerId = employer.Id;
        employerCode = employer.Code;
        OrganizationCodes = await db.Organizations.Where(o => o.Type == OrganizationType.TrainingProvider).ToDictionaryAsync(o => o.Name, o => o.Code);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A client signed in as the demo account of <paramref name="role"/> (password and, where needed, its TOTP code).</summary>
    public Task<HttpClient> DemoClientAsync(string role) => demoClients.GetOrAdd(role, async _ =>
    {
        var account = DemoAccounts.All.Single(a => a.Role == role);
        var totp = account.RequiresTwoFactor
            ? demoAccounts.GetOrAdd(account.UserName, name => new TestAccount(Guid.Empty, name, DemoAccounts.AuthenticatorKeyFor(name))).CurrentCode()
            : null;
        using var anonymous = Factory.CreateClient();
        using var response = await anonymous.PostAsync(new Uri("/connect/token", UriKind.Relative), TestAccounts.PasswordGrant(account.UserName, DemoAccounts.Password, totp));
        var tokens = await response.ReadJsonAsync(HttpStatusCode.OK, $"token of {account.UserName}");
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens.GetProperty("access_token").GetString());
        return client;
    });

    /// <summary>A client of a test account of the evaluation institution's staff.</summary>
    public Task<HttpClient> EvaluatorStaffAsync() => Accounts.ClientAsync(PlatformRoles.ProviderStaff, OrganizationCodes[Evaluator]);

    /// <summary>A new professional in 任城区 with their own account and a client signed in as it.</summary>
    public async Task<Trainee> NewTraineeAsync()
    {
        var number = Interlocked.Increment(ref people);
        var idText = registry.NewIdNumber(Gender.Male, region: CountyA);
        var account = await Accounts.CreateAsync($"digi.{number}.{Guid.NewGuid():N}"[..30], [PlatformRoles.Professional], employerCode);
        Guid id;
        using (var scope = Factory.Services.CreateSystemScope())
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<PlatformDbContext>();
            Assert.True(ResidentIdNumber.TryParse(idText, DateOnly.FromDateTime(DateTime.UtcNow), out var idNumber, out _));
            var professional = new Professional
            {
                IdNumberHash = services.GetRequiredService<IdNumberHasher>().Hash(idNumber),
                IdNumberCipher = services.GetRequiredService<IPersonalDataProtector>().Protect(idNumber.Value),
                IdNumberMasked = idNumber.Masked,
                Name = $"数字测试学员{number}",
                Gender = Gender.Male,
                BirthDate = idNumber.BirthDate,
                EmployerId = employerId,
                RegionCode = CountyA,
                DepartmentCode = Departments.IndustryIt,
                TitleLevel = TitleLevel.Intermediate,
                Education = EducationLevel.Bachelor,
                UserId = account.Id,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            };
            db.Professionals.Add(professional);
            await db.SaveChangesAsync();
            id = professional.Id;
        }

        return new Trainee(id, idText, await Accounts.SignedInClientAsync(account));
    }

    /// <summary>Runs <paramref name="query"/> against the database as the platform itself.</summary>
    public async Task<T> QueryAsync<T>(Func<PlatformDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var scope = Factory.Services.CreateSystemScope();
        return await query(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }
}

/// <summary>A trainee: the professional, the plaintext ID number (no answer may contain it) and their own client.</summary>
public sealed record Trainee(Guid Id, string IdNumber, HttpClient Client);

[CollectionDefinition(Name)]
public sealed class DigitalEngineerPlatform : ICollectionFixture<DigitalEngineerPlatformFixture>
{
    public const string Name = "digital-engineers";
}

/// <summary>Requests of the digital-engineer API.</summary>
internal static class DigitalRequests
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object? body, string? ifMatch = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            message.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(message);
    }

    public static async Task<JsonElement> CreatedAsync(HttpClient client, string url, object body)
    {
        using var response = await PostAsync(client, url, body);
        return await response.ReadJsonAsync(HttpStatusCode.Created, url);
    }

    public static async Task<(JsonElement Body, string ETag)> CreatedWithETagAsync(HttpClient client, string url, object body)
    {
        using var response = await PostAsync(client, url, body);
        var json = await response.ReadJsonAsync(HttpStatusCode.Created, url);
        return (json, response.Headers.ETag!.Tag);
    }

    public static async Task<(JsonElement Body, string ETag)> ActedAsync(HttpClient client, string url, object body, string ifMatch)
    {
        using var response = await PostAsync(client, url, body, ifMatch);
        var json = await response.ReadJsonAsync(HttpStatusCode.OK, url);
        return (json, response.Headers.ETag!.Tag);
    }

    public static object Training(Guid person, Guid institution, string field = "BigData", string level = "Junior", bool passed = true, DateOnly? end = null)
    {
        var last = end ?? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-20);
        return new { professionalId = person, field, level, institutionId = institution, startDate = last.AddDays(-4), endDate = last, hours = 40, passed };
    }

    public static object Evaluation(Guid training, Guid institution, int score = 82) =>
        new { trainingId = training, institutionId = institution, evaluatedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-5), score };
}
