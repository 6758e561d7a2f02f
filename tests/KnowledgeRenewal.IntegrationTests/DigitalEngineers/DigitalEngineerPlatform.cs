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
public sealed class DigitalEngineerPlatformFixture : PlatformFixtureBase
{
    public const string Trainer = DemoOrganizations.DemoProvider;
    public const string Evaluator = "济宁技师学院";
    public const string CityTrainer = "济宁市数字技术工程师培训中心";
    public const string ExpiredTrainer = "济宁职业技术学院";

    private readonly FixtureRegistry registry = new(20261128);
    private int people;
    private FixtureEmployer employer = null!;

    /// <summary>Catalog entries of the demo city by organization name.</summary>
    public IReadOnlyDictionary<string, Guid> Institutions { get; private set; } = null!;

    /// <summary>Organization codes by name.</summary>
    public IReadOnlyDictionary<string, string> OrganizationCodes { get; private set; } = null!;

    /// <inheritdoc/>
    protected override bool ManySignIns => true;

    /// <summary>The industry-and-IT module on: its catalog holds the digital fields' subjects (ADR 0017), as in the demo.</summary>
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Modules:industry-it:Enabled"] = "true" };

    /// <inheritdoc/>
    protected override Task SeedAsync() => SeedDataAsync(async (_, db) =>
    {
        Institutions = await db.DigitalInstitutions.ToDictionaryAsync(i => i.OrganizationName, i => i.Id);
        employer = registry.AddEmployer(db, "数字测试任城单位", CountyA, Departments.IndustryIt, await FixtureRegistry.CountyBureausAsync(db));
        OrganizationCodes = await db.Organizations.Where(o => o.Type == OrganizationType.TrainingProvider).ToDictionaryAsync(o => o.Name, o => o.Code);
    });

    /// <summary>A client of a test account of the evaluation institution's staff.</summary>
    public Task<HttpClient> EvaluatorStaffAsync() => Accounts.ClientAsync(PlatformRoles.ProviderStaff, OrganizationCodes[Evaluator]);

    /// <summary>A new professional in 任城区 with their own account and a client signed in as it.</summary>
    public async Task<Trainee> NewTraineeAsync()
    {
        var number = Interlocked.Increment(ref people);
        var idText = registry.NewIdNumber(Gender.Male, region: CountyA);
        var account = await Accounts.CreateAsync($"digi.{number}.{Guid.NewGuid():N}"[..30], [PlatformRoles.Professional], employer.Code);
        var id = Guid.Empty;
        await SeedDataAsync((services, db) =>
        {
            id = FixtureRegistry.AddProfessional(services, db, employer, idText, $"数字测试学员{number}", account.Id).Professional.Id;
            return Task.CompletedTask;
        });
        return new Trainee(id, idText, await Accounts.SignedInClientAsync(account)) { Name = $"数字测试学员{number}", Account = account };
    }
}

/// <summary>A trainee: the professional, the plaintext ID number (no answer may contain it) and their own client.</summary>
public sealed record Trainee(Guid Id, string IdNumber, HttpClient Client)
{
    /// <summary>The name in the registry.</summary>
    public string Name { get; init; } = "";

    /// <summary>The trainee's account (to sign in to the pages).</summary>
    public TestAccount Account { get; init; } = null!;
}

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
