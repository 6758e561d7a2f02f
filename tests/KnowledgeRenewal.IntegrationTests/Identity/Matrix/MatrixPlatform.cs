using System.Net;
using System.Net.Http.Headers;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.IntegrationTests.Identity.Matrix;

/// <summary>
/// The platform of <see cref="AuthorizationMatrixTests"/> (no demo data): the fixture data of every area — one
/// <see cref="IMatrixSeed"/> per area, run in <see cref="Seeds"/> order, each adding its markers — then one caller per
/// role (and per integrator client) with what it may not see: the expectation the matrix holds the platform to.
/// </summary>
internal sealed class MatrixPlatform : PlatformFixtureBase
{
    /// <summary>The user name of another person's account (the target of account reads).</summary>
    public const string OtherAccount = "mx.other-professional";

    /// <summary>The objection's contact phone: no caller but the program office may see it.</summary>
    public const string ObjectionPhone = ProgramsMatrixSeed.ObjectionPhone;

    /// <summary>The seeding steps, one per area, in order: the registry's organizations and people first.</summary>
    public static readonly IReadOnlyList<IMatrixSeed> Seeds = [new RegistryMatrixSeed(), new CreditsMatrixSeed(), new ProgramsMatrixSeed(), new SupervisionMatrixSeed(), new IdentityMatrixSeed()];

    /// <summary>Where each role's account belongs (the program office for the others).</summary>
    public static readonly IReadOnlyDictionary<string, string> Homes = new Dictionary<string, string>
    {
        [PlatformRoles.CountyAdmin] = "CB-" + CountyA,
        [PlatformRoles.DepartmentAdmin] = "LD-health",
        [PlatformRoles.ProviderStaff] = "MX-P1",
        [PlatformRoles.EmployerHr] = "MX-E1",
        [PlatformRoles.Professional] = "MX-E1",
    };

    // Who may see which organization (besides their own): the expectation this test holds the platform to.
    private static readonly Dictionary<string, string[]> OrganizationsVisibleTo = new()
    {
        [PlatformRoles.ProgramOfficeAdmin] = ["*"],
        [PlatformRoles.SecurityAdmin] = ["*"],
        [PlatformRoles.CountyAdmin] = ["MX-P1", "MX-E1", "CB-" + CountyA],
        [PlatformRoles.DepartmentAdmin] = ["MX-P1", "MX-E1", "LD-health"],
        [PlatformRoles.ProviderStaff] = ["MX-P1"],
        [PlatformRoles.EmployerHr] = ["MX-E1"],
        [PlatformRoles.Professional] = ["MX-E1"],
        [PlatformRoles.SystemAdmin] = [],
        [PlatformRoles.AuditAdmin] = [],
        ["client"] = [],
    };

    // Who may see which fixture person: the county, sector and employer of MX-E1, its person (the professional
    // account's own record), the program office and the registry feed. A provider sees the people on its rosters (P1:
    // E2), but not their employment history.
    private static readonly Dictionary<string, string[]> PeopleVisibleTo = new()
    {
        [PlatformRoles.ProgramOfficeAdmin] = ["MX-E1", "MX-E2"],
        [PlatformRoles.CountyAdmin] = ["MX-E1"],
        [PlatformRoles.DepartmentAdmin] = ["MX-E1"],
        [PlatformRoles.EmployerHr] = ["MX-E1"],
        [PlatformRoles.Professional] = ["MX-E1"],
        [PlatformRoles.ProviderStaff] = ["MX-E2"],
        ["registry-client"] = ["MX-E1", "MX-E2"],
    };

    // Credit records follow their person (county, sector, employer, self); a provider sees its classes' records.
    private static readonly Dictionary<string, string[]> RecordsVisibleTo = new()
    {
        [PlatformRoles.ProgramOfficeAdmin] = ["MX-E1", "MX-E2"],
        [PlatformRoles.CountyAdmin] = ["MX-E1"],
        [PlatformRoles.DepartmentAdmin] = ["MX-E1"],
        [PlatformRoles.EmployerHr] = ["MX-E1"],
        [PlatformRoles.Professional] = ["MX-E1"],
        [PlatformRoles.ProviderStaff] = ["MX-E2"],
        ["credits-client"] = ["MX-E1", "MX-E2"],
    };

    /// <summary>The callers: one per role, then the integrator clients.</summary>
    public List<MatrixCaller> Callers { get; } = [];

    /// <summary>What the seeds marked, by name.</summary>
    public Dictionary<string, string> Markers { get; } = [];

    /// <summary>Plaintext personal data of the fixture people: no caller may ever see it.</summary>
    public Dictionary<string, string> Plaintext { get; } = [];

    /// <summary>Organization ids by code: the platform's own (seeded by every deployment) and the fixture's.</summary>
    public Dictionary<string, Guid> Organizations { get; private set; } = [];

    /// <summary>The account of each role.</summary>
    public Dictionary<string, TestAccount> RoleAccounts { get; } = [];

    public Guid OtherAccountId { get; set; }

    public Guid SpareAccountId { get; set; }

    /// <summary>The integrator client nobody needs (the target of client writes).</summary>
    public string SpareClientId { get; } = "mx-spare-client";

    /// <summary>A project of MX-P2 in public notice (public: its title and organizers are on /notices).</summary>
    public Guid NoticeProjectId { get; set; }

    /// <summary>An objection to it; its contact is for the program office only.</summary>
    public Guid ObjectionId { get; set; }

    /// <inheritdoc/>
    protected override bool DemoMode => false;

    /// <inheritdoc/>
    protected override async Task SeedAsync()
    {
        Organizations = await QueryAsync(db => db.Organizations.ToDictionaryAsync(o => o.Code, o => o.Id));
        foreach (var seed in Seeds)
        {
            await seed.SeedAsync(this);
        }

        await AddCallersAsync();
    }

    private async Task AddCallersAsync()
    {
        var everyAccount = RoleAccounts.ToDictionary(a => a.Key, a => a.Value.UserName);
        everyAccount["other"] = OtherAccount;
        foreach (var (role, account) in RoleAccounts)
        {
            var forbidden = Forbidden(OrganizationsVisibleTo[role], PeopleVisibleTo.GetValueOrDefault(role, []), RecordsVisibleTo.GetValueOrDefault(role, []), Homes.GetValueOrDefault(role), role == PlatformRoles.SecurityAdmin ? [] : everyAccount.Values.Where(n => n != account.UserName), role != PlatformRoles.AuditAdmin);
            if (role == PlatformRoles.ProviderStaff)
            {
                // Its trainee's employer id is a reference on the trainee's record, not the employer's data;
                // the trainee's employment history, declarations and certificates stay hidden.
                forbidden.Remove("org MX-E2");
                forbidden["employment-id MX-E2"] = Markers["employment-id MX-E2"];
                foreach (var personal in Markers.Keys.Where(k => k.StartsWith("declaration", StringComparison.Ordinal) || k.StartsWith("evidence-id", StringComparison.Ordinal) || k.StartsWith("certificate", StringComparison.Ordinal) || k.StartsWith("digital", StringComparison.Ordinal)))
                {
                    forbidden[personal] = Markers[personal];
                }
            }

            if (role != PlatformRoles.ProgramOfficeAdmin)
            {
                forbidden["objection contact"] = ObjectionPhone;
            }

            Callers.Add(new MatrixCaller(role, await Accounts.SignedInClientAsync(account), forbidden));
        }

        var integrator = await IntegratorAsync("mx-integrator", FeedScopes.Catalog);
        var clientForbidden = Forbidden(OrganizationsVisibleTo["client"], [], [], null, everyAccount.Values, forbidAudit: true);
        clientForbidden["objection contact"] = ObjectionPhone;
        Callers.Add(new MatrixCaller("client", integrator, clientForbidden));

        // A registry-feed integrator sees every person (masked) but no organization: an employer's id on a
        // person is a reference, not the employer's data, so only the organizations' codes and names count.
        var registryFeed = await IntegratorAsync("mx-registry", FeedScopes.Registry);
        var feedForbidden = Forbidden([], PeopleVisibleTo["registry-client"], [], null, everyAccount.Values, forbidAudit: true);
        foreach (var id in feedForbidden.Keys.Where(k => k.StartsWith("org MX-E", StringComparison.Ordinal)).ToArray())
        {
            feedForbidden.Remove(id);
        }

        feedForbidden["objection contact"] = ObjectionPhone;
        Callers.Add(new MatrixCaller("registry-client", registryFeed, feedForbidden));

        // A credits-feed integrator sees every record and certificate (its metadata) and every class (/odata/Classes,
        // the sessions the records come from) but no person: person, organization and declaration ids on a record are
        // references, and a self-declared record carries its declaration's title.
        var creditsFeed = await IntegratorAsync("mx-credits", FeedScopes.Credits);
        var creditsForbidden = Forbidden([], [], RecordsVisibleTo["credits-client"], null, everyAccount.Values, forbidAudit: true);
        foreach (var id in creditsForbidden.Keys.Where(k => k.StartsWith("person-id ", StringComparison.Ordinal) || k.StartsWith("org MX-", StringComparison.Ordinal) || k.StartsWith("declaration", StringComparison.Ordinal) || k.StartsWith("certificate", StringComparison.Ordinal) || k.StartsWith("digital-cert", StringComparison.Ordinal) || k.StartsWith("class", StringComparison.Ordinal)).ToArray())
        {
            creditsForbidden.Remove(id);
        }

        // Projects and their history are program data of the credits feed (never the objections).
        foreach (var id in creditsForbidden.Keys.Where(k => k.StartsWith("project", StringComparison.Ordinal)).ToArray())
        {
            creditsForbidden.Remove(id);
        }

        creditsForbidden["objection contact"] = ObjectionPhone;
        Callers.Add(new MatrixCaller("credits-client", creditsFeed, creditsForbidden));
    }

    private Dictionary<string, string> Forbidden(string[] visibleCodes, string[] visiblePeople, string[] visibleRecords, string? home, IEnumerable<string> otherAccounts, bool forbidAudit)
    {
        var personKinds = Seeds.SelectMany(s => s.PersonMarkers).ToHashSet(StringComparer.Ordinal);
        var recordKinds = Seeds.SelectMany(s => s.RecordMarkers).ToHashSet(StringComparer.Ordinal);
        var forbidden = new Dictionary<string, string>();
        foreach (var (name, value) in Markers)
        {
            var kind = name.Split(' ')[0];
            var code = name.Split(' ')[1];
            var visible = personKinds.Contains(kind) ? visiblePeople.Contains(code)
                : recordKinds.Contains(kind) ? visibleRecords.Contains(code)
                : visibleCodes.Contains("*") || visibleCodes.Contains(code) || code == home;
            if (!visible)
            {
                forbidden[name] = value;
            }
        }

        // Nobody — not even the program office — sees a fixture person's ID number or phone in plaintext.
        foreach (var (name, value) in Plaintext)
        {
            forbidden[name] = value;
        }

        foreach (var account in otherAccounts)
        {
            forbidden["account " + account] = "\"" + account + "\"";
        }

        if (forbidAudit)
        {
            forbidden["audit records"] = "auth.sign_in";
        }

        return forbidden;
    }

    // A client with a client-credentials token of an integrator client.
    private async Task<HttpClient> IntegratorAsync(string clientId, string scope)
    {
        using var anonymous = Anonymous();
        using var response = await anonymous.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = IdentityMatrixSeed.Secret(clientId),
            ["scope"] = scope,
        }));
        var token = await response.ReadAsAsync<TokenAnswer>(HttpStatusCode.OK, "client token");
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }
}
