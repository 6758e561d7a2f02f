using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Registry;

/// <summary>
/// One running platform (no demo data) for the registry tests, with four fixture employers: two in 任城区
/// (370811: health, education) and two in 邹城市 (370883: health, education). Tests register their own people
/// (unique ID numbers) through the API, so they can share the platform.
/// </summary>
public sealed class RegistryPlatformFixture : IAsyncLifetime
{
    public const string CountyA = "370811";
    public const string CountyB = "370883";

    /// <summary>Exact ID-number look-ups one account may make per window on this platform (small, so the limit is testable).</summary>
    public const int IdNumberLookupLimit = 6;

    private const string IdNumberLookupLimitKey = "Registry:IdNumberLookups:PermitLimit";

    private readonly FixtureRegistry registry = new(20230324);

    public TestDatabase Database { get; private set; } = null!;

    public PlatformFactory Factory { get; private set; } = null!;

    public TestAccounts Accounts { get; private set; } = null!;

    /// <summary>任城区, health.</summary>
    public FixtureEmployer A1 { get; private set; } = null!;

    /// <summary>任城区, education.</summary>
    public FixtureEmployer A2 { get; private set; } = null!;

    /// <summary>邹城市, health.</summary>
    public FixtureEmployer B1 { get; private set; } = null!;

    /// <summary>邹城市, education.</summary>
    public FixtureEmployer B2 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Factory = new PlatformFactory(Database, new Dictionary<string, string?>(FixtureRegistry.HostSettings) { [IdNumberLookupLimitKey] = IdNumberLookupLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Accounts = new TestAccounts(Factory);
        using var scope = Factory.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var bureaus = await FixtureRegistry.CountyBureausAsync(db);
        A1 = AddEmployer(db, "RG-A1", "登记测试任城医院", CountyA, Departments.Health, bureaus);
        A2 = AddEmployer(db, "RG-A2", "登记测试任城中学", CountyA, Departments.Education, bureaus);
        B1 = AddEmployer(db, "RG-B1", "登记测试邹城医院", CountyB, Departments.Health, bureaus);
        B2 = AddEmployer(db, "RG-B2", "登记测试邹城中学", CountyB, Departments.Education, bureaus);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A client signed in as a test account holding <paramref name="role"/> in the organization (one per role and organization).</summary>
    public Task<HttpClient> ClientAsync(string role, string? organizationCode = null) => Accounts.ClientAsync(role, organizationCode);

    /// <summary>
    /// A client signed in as a fresh account holding <paramref name="role"/> in the organization and the permission
    /// <see cref="PlatformPermissions.UnmaskPersonalData"/> (granted by a security administrator before the sign-in).
    /// </summary>
    public async Task<HttpClient> PermittedClientAsync(string role, string organizationCode)
    {
        var security = await ClientAsync(PlatformRoles.SecurityAdmin);
        var account = await Accounts.CreateAsync($"t.unm.{Guid.NewGuid():N}"[..30], [role], organizationCode);
        using var granted = await SendAsync(security, HttpMethod.Put, $"/api/admin/accounts/{account.Id}/permissions", new { permissions = new[] { PlatformPermissions.UnmaskPersonalData } });
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        return await Accounts.SignedInClientAsync(account);
    }

    /// <summary>A fresh, valid resident ID number nobody in this platform has (born 1970–1999 unless given).</summary>
    public string NewIdNumber(Gender gender = Gender.Male, DateOnly? birth = null, char? check = null) => registry.NewIdNumber(gender, birth, check);

    /// <summary>A fresh mobile number.</summary>
    public string NewPhone() => registry.NewPhone();

    /// <summary>Registers a professional through the API (asserts 201); returns the view, the plaintext ID number and phone, and the ETag.</summary>
    public async Task<Person> RegisterAsync(HttpClient client, FixtureEmployer employer, string? name = null, Gender gender = Gender.Male)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(employer);
        var idNumber = NewIdNumber(gender);
        var phone = NewPhone();
        using var response = await client.PostAsJsonAsync(new Uri("/api/registry/professionals", UriKind.Relative), new
        {
            idNumber,
            name = name ?? "登记测试人",
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

    /// <summary>Sends a request with an optional If-Match header and JSON body.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body = null, string? ifMatch = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var message = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            message.Content = body is string text ? new StringContent(text, Encoding.UTF8, "application/json") : JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            message.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(message);
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

    /// <summary>Every text value of every row of the Professionals table, read with plain ADO.NET (no platform code in between).</summary>
    public async Task<string> RawProfessionalsTextAsync()
    {
        await using DbConnection connection = Database.Provider == "PostgreSql" ? new NpgsqlConnection(Database.ConnectionString) : new SqliteConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM " + TestDatabase.Quote("Professionals");
        await using var reader = await command.ExecuteReaderAsync();
        var text = new StringBuilder();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                text.Append(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private FixtureEmployer AddEmployer(PlatformDbContext db, string name, string title, string region, string department, Dictionary<string, Guid> bureaus)
    {
        var employer = registry.AddEmployer(db, title, region, department, bureaus);
        return new FixtureEmployer(employer.Id, employer.Code, name, region, department);
    }
}

/// <summary>A fixture employer.</summary>
public sealed record FixtureEmployer(Guid Id, string Code, string Label, string RegionCode, string DepartmentCode);

/// <summary>A registered fixture person: id, the plaintext ID number and phone (which no answer may contain), the view and ETag at registration.</summary>
public sealed record Person(Guid Id, string IdNumber, string Phone, JsonElement View, string ETag);

[CollectionDefinition(Name)]
public sealed class RegistryPlatform : ICollectionFixture<RegistryPlatformFixture>
{
    public const string Name = "registry";
}
