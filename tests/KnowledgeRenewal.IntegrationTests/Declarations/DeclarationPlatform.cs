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
public sealed class DeclarationPlatformFixture : PlatformFixtureBase
{
    public const long MaxEvidenceBytes = 64 * 1024;

    private readonly FixtureRegistry registry = new(20250601);
    private int people;

    public LedgerChangeRecorder Ledger { get; } = new();

    /// <summary>任城区, health.</summary>
    public FixtureEmployer E1 { get; private set; } = null!;

    /// <summary>任城区, education.</summary>
    public FixtureEmployer E2 { get; private set; } = null!;

    /// <summary>邹城市, health.</summary>
    public FixtureEmployer E3 { get; private set; } = null!;

    /// <inheritdoc/>
    protected override bool DemoMode => false;

    /// <inheritdoc/>
    protected override bool ManySignIns => true;

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Declarations:MaxEvidenceBytes"] = MaxEvidenceBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <inheritdoc/>
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILedgerChangeHandler>(Ledger);

    /// <inheritdoc/>
    protected override Task SeedAsync() => SeedDataAsync(async (_, db) =>
    {
        var bureaus = await FixtureRegistry.CountyBureausAsync(db);
        E1 = registry.AddEmployer(db, "申报测试任城医院", CountyA, Departments.Health, bureaus);
        E2 = registry.AddEmployer(db, "申报测试任城中学", CountyA, Departments.Education, bureaus);
        E3 = registry.AddEmployer(db, "申报测试邹城医院", CountyB, Departments.Health, bureaus);
    });

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
        var id = Guid.Empty;
        await SeedDataAsync((services, db) =>
        {
            id = FixtureRegistry.AddProfessional(services, db, employer, idText, $"申报测试人{number}", account.Id, employedSince: new DateOnly(2015, 9, 1)).Professional.Id;
            return Task.CompletedTask;
        });
        return new Declarant(id, account, await Accounts.SignedInClientAsync(account), idText);
    }
}

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
    public static async Task<(DeclarationReceiptAnswer Receipt, Guid Id, string ETag)> DeclaredAsync(HttpClient client, IDictionary<string, string>? fields = null)
    {
        using var response = await DeclareAsync(client, fields ?? Conference());
        var receipt = await response.ReadAsAsync<DeclarationReceiptAnswer>(HttpStatusCode.Created, "declare");
        return (receipt, receipt.Declaration.Id, response.Headers.ETag!.Tag);
    }

    /// <summary>Posts a review or withdrawal with an optional If-Match.</summary>
    public static Task<HttpResponseMessage> ActAsync(HttpClient client, Guid id, string action, object? body, string? ifMatch) =>
        PlatformFixtureBase.SendAsync(client, HttpMethod.Post, $"/api/declarations/{id:D}/{action}", body, ifMatch);

    /// <summary>Acts and asserts 200; returns the view and the new ETag.</summary>
    public static async Task<(DeclarationAnswer View, string ETag)> ActedAsync(HttpClient client, Guid id, string action, object? body, string ifMatch)
    {
        using var response = await ActAsync(client, id, action, body, ifMatch);
        var view = await response.ReadAsAsync<DeclarationAnswer>(HttpStatusCode.OK, action);
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
