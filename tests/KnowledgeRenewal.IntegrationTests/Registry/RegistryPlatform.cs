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
public sealed class RegistryPlatformFixture : PlatformFixtureBase
{
    /// <summary>Exact ID-number look-ups one account may make per window on this platform (small, so the limit is testable).</summary>
    public const int IdNumberLookupLimit = 6;

    private readonly FixtureRegistry registry = new(20230324);

    /// <summary>任城区, health.</summary>
    public FixtureEmployer A1 { get; private set; } = null!;

    /// <summary>任城区, education.</summary>
    public FixtureEmployer A2 { get; private set; } = null!;

    /// <summary>邹城市, health.</summary>
    public FixtureEmployer B1 { get; private set; } = null!;

    /// <summary>邹城市, education.</summary>
    public FixtureEmployer B2 { get; private set; } = null!;

    /// <inheritdoc/>
    protected override bool DemoMode => false;

    /// <inheritdoc/>
    protected override bool ManySignIns => true;

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Registry:IdNumberLookups:PermitLimit"] = IdNumberLookupLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <inheritdoc/>
    protected override Task SeedAsync() => SeedDataAsync(async (_, db) =>
    {
        var bureaus = await FixtureRegistry.CountyBureausAsync(db);
        A1 = registry.AddEmployer(db, "登记测试任城医院", CountyA, Departments.Health, bureaus);
        A2 = registry.AddEmployer(db, "登记测试任城中学", CountyA, Departments.Education, bureaus);
        B1 = registry.AddEmployer(db, "登记测试邹城医院", CountyB, Departments.Health, bureaus);
        B2 = registry.AddEmployer(db, "登记测试邹城中学", CountyB, Departments.Education, bureaus);
    });

    /// <summary>A fresh, valid resident ID number nobody in this platform has (born 1970–1999 unless given).</summary>
    public string NewIdNumber(Gender gender = Gender.Male, DateOnly? birth = null, char? check = null) => registry.NewIdNumber(gender, birth, check);

    /// <summary>A fresh mobile number.</summary>
    public string NewPhone() => registry.NewPhone();

    /// <summary>Registers a professional through the API (asserts 201); returns the view, the plaintext ID number and phone, and the ETag.</summary>
    public Task<Person> RegisterAsync(HttpClient client, FixtureEmployer employer, string? name = null, Gender gender = Gender.Male) =>
        registry.RegisterAsync(client, employer, name ?? "登记测试人", gender);

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
}

[CollectionDefinition(Name)]
public sealed class RegistryPlatform : ICollectionFixture<RegistryPlatformFixture>
{
    public const string Name = "registry";
}
