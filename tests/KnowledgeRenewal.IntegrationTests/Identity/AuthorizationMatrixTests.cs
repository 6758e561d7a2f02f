using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KnowledgeRenewal.Core.Organizations;
using KnowledgeRenewal.Data;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OData;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OData.Edm;
using OpenIddict.Abstractions;
using Xunit.Abstractions;

namespace KnowledgeRenewal.IntegrationTests.Identity;

/// <summary>
/// Every endpoint of the running host — read from its endpoint data source, so new REST endpoints, OData sets and
/// module endpoints are covered without touching this test — is called by every role (and an integrator client)
/// against fixture organizations in two counties, two sectors, two providers and two employers. OData sets are also
/// probed with <c>$expand=*</c>, <c>$apply</c> and <c>$batch</c>. The test fails if any response carries a marker of
/// data outside the caller's scope, or if any request makes the server fail.
/// </summary>
public sealed class AuthorizationMatrixTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string CountyA = "370811";
    private const string CountyB = "370883";

    private static readonly string[] FixtureCodes = ["MX-P1", "MX-P2", "MX-E1", "MX-E2"];

    private TestDatabase database = null!;
    private PlatformFactory factory = null!;
    private Fixture fixture = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        factory = new PlatformFactory(database, new Dictionary<string, string?> { ["Platform:DemoMode"] = "false" });
        fixture = await Fixture.CreateAsync(factory);
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task No_role_sees_data_outside_its_scope_through_any_endpoint()
    {
        var requests = Requests().ToArray();
        Assert.Contains(requests, r => r.Url.StartsWith("/odata/Organizations", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Url.StartsWith("/odata/health/CmeProjects", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Url.StartsWith("/api/health/cme-projects", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Url.StartsWith("/odata/audit/AuditRecords", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Url.Contains("$batch", StringComparison.Ordinal));
        output.WriteLine($"{requests.Length} requests per caller, {fixture.Callers.Count} callers");

        var violations = new List<string>();
        foreach (var caller in fixture.Callers)
        {
            // Reads first, then writes (with spare entities as targets), so a permitted write cannot hide a read.
            foreach (var request in requests.OrderBy(r => r.Method == HttpMethod.Get ? 0 : 1))
            {
                using var message = request.ToMessage();
                using var response = await caller.Client.SendAsync(message);
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500)
                {
                    violations.Add($"{caller.Name}: {request} → {(int)response.StatusCode}");
                }

                // The audit log names every account and organization: that is what audit admins are there to read.
                var forbidden = caller.Name == PlatformRoles.AuditAdmin && IsAuditLog(request.Url) ? new Dictionary<string, string>() : caller.Forbidden;
                foreach (var marker in forbidden.Where(m => body.Contains(m.Value, StringComparison.Ordinal)))
                {
                    violations.Add($"{caller.Name}: {request} → {(int)response.StatusCode} shows {marker.Key}");
                }
            }
        }

        Assert.True(violations.Count == 0, "Out-of-scope data or server errors:\n" + string.Join("\n", violations.Distinct()));
    }

    [Fact]
    public async Task Scopes_are_not_empty_the_callers_see_their_own_data()
    {
        // Guards the matrix against passing because everybody sees nothing.
        var county = fixture.Callers.Single(c => c.Name == PlatformRoles.CountyAdmin);
        var health = fixture.Callers.Single(c => c.Name == PlatformRoles.DepartmentAdmin);
        var office = fixture.Callers.Single(c => c.Name == PlatformRoles.ProgramOfficeAdmin);
        var audit = fixture.Callers.Single(c => c.Name == PlatformRoles.AuditAdmin);

        var countyView = await county.Client.GetStringAsync(new Uri("/odata/Organizations?$top=1000", UriKind.Relative));
        var healthView = await health.Client.GetStringAsync(new Uri("/odata/Organizations?$top=1000", UriKind.Relative));
        var officeView = await office.Client.GetStringAsync(new Uri("/odata/Organizations?$top=1000", UriKind.Relative));
        var auditView = await audit.Client.GetStringAsync(new Uri("/api/audit/records?pageSize=200", UriKind.Relative));

        Assert.Contains("MX-P1", countyView, StringComparison.Ordinal);
        Assert.Contains("MX-E1", countyView, StringComparison.Ordinal);
        Assert.Contains("MX-P1", healthView, StringComparison.Ordinal);
        Assert.All(FixtureCodes, code => Assert.Contains(code, officeView, StringComparison.Ordinal));
        Assert.Contains("auth.sign_in", auditView, StringComparison.Ordinal);
    }

    private static bool IsAuditLog(string url) =>
        url.StartsWith("/api/audit", StringComparison.Ordinal) || url.StartsWith("/odata/audit", StringComparison.Ordinal);

    // Every endpoint, with its route values filled from the fixture, plus OData probes.
    private IEnumerable<ProbeRequest> Requests()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (pattern.StartsWith("connect/", StringComparison.Ordinal) || pattern.Contains("{**", StringComparison.Ordinal))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m is "GET" or "POST" or "PUT" or "PATCH" or "DELETE"))
            {
                var write = method != "GET";
                if (Fill(endpoint.RoutePattern, write) is { } url)
                {
                    yield return new ProbeRequest(new HttpMethod(method), url, write ? "{}" : null);
                }
            }
        }

        var odata = factory.Services.GetRequiredService<IOptions<ODataOptions>>().Value.RouteComponents;
        foreach (var (prefix, (model, _)) in odata)
        {
            foreach (var set in model.EntityContainer.EntitySets())
            {
                var key = set.EntityType.Key().First().Name;
                yield return new ProbeRequest(HttpMethod.Get, $"/{prefix}/{set.Name}?$expand=*&$top=1000", null);
                yield return new ProbeRequest(HttpMethod.Get, $"/{prefix}/{set.Name}?$apply=groupby(({key}))", null);
                yield return new ProbeRequest(HttpMethod.Get, $"/{prefix}/{set.Name}?$filter={key} ne null&$orderby={key} desc&$top=1000", null);
            }
        }

        var mainSets = odata["odata"].EdmModel.EntityContainer.EntitySets().Select(s => s.Name);
        var batch = "{\"requests\":[" + string.Join(",", mainSets.Select((s, i) => $"{{\"id\":\"{i + 1}\",\"method\":\"GET\",\"url\":\"{s}?$expand=*\"}}")) + "]}";
        yield return new ProbeRequest(HttpMethod.Post, "/odata/$batch", batch);
    }

    private string? Fill(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern, bool write)
    {
        var url = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            url.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal:
                        url.Append(literal.Content);
                        break;
                    case Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator:
                        url.Append(separator.Content);
                        break;
                    case Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter:
                        url.Append(Uri.EscapeDataString(ValueFor(pattern.RawText ?? "", parameter.Name, write)));
                        break;
                }
            }
        }

        return url.Length == 0 ? "/" : url.ToString();
    }

    // Route values aim at data OUTSIDE most callers' scope (reads) or at spare entities (writes).
    private string ValueFor(string pattern, string parameter, bool write) => (pattern, parameter) switch
    {
        (_, "scope") => "health",
        (_, "clientId") => fixture.SpareClientId,
        (var p, "id") when p.Contains("accounts", StringComparison.Ordinal) => (write ? fixture.SpareAccountId : fixture.OtherAccountId).ToString(),
        (var p, "key") when p.Contains("Organizations", StringComparison.Ordinal) => fixture.Markers["org MX-P2"],
        (var p, "key") when p.Contains("Subjects", StringComparison.Ordinal) => "'health:WS-JZJJ'",
        (var p, "key") when p.Contains("Departments", StringComparison.Ordinal) || p.Contains("Modules", StringComparison.Ordinal) => "'health'",
        (var p, "key") when p.Contains("Regions", StringComparison.Ordinal) => $"'{CountyB}'",
        _ => "1",
    };

    private sealed record ProbeRequest(HttpMethod Method, string Url, string? Json)
    {
        public HttpRequestMessage ToMessage()
        {
            var message = new HttpRequestMessage(Method, Url);
            if (Json is not null)
            {
                message.Content = new StringContent(Json, Encoding.UTF8, "application/json");
            }

            return message;
        }

        public override string ToString() => $"{Method} {Url}";
    }

    private sealed record Caller(string Name, HttpClient Client, IReadOnlyDictionary<string, string> Forbidden);

    /// <summary>Fixture organizations, one account per role, an integrator client, and what each may not see.</summary>
    private sealed class Fixture
    {
        public List<Caller> Callers { get; } = [];

        public Dictionary<string, string> Markers { get; } = [];

        public Guid OtherAccountId { get; private set; }

        public Guid SpareAccountId { get; private set; }

        public string SpareClientId { get; } = "mx-spare-client";

        public static async Task<Fixture> CreateAsync(PlatformFactory factory)
        {
            var fixture = new Fixture();
            var accounts = new TestAccounts(factory);
            Guid p1, p2, e1, e2;
            using (var scope = factory.Services.CreateSystemScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                var seeded = await db.Organizations.ToDictionaryAsync(o => o.Code);
                foreach (var code in new[] { "CB-" + CountyA, "CB-" + CountyB, "LD-health", "LD-education" })
                {
                    fixture.Markers["org " + code] = seeded[code].Id.ToString();
                }

                p1 = Add(db, "MX-P1", "矩阵测试施教机构甲", OrganizationType.TrainingProvider, CountyA, Departments.Health, seeded["CB-" + CountyA].Id);
                p2 = Add(db, "MX-P2", "矩阵测试施教机构乙", OrganizationType.TrainingProvider, CountyB, Departments.Education, seeded["CB-" + CountyB].Id);
                e1 = Add(db, "MX-E1", "矩阵测试用人单位甲", OrganizationType.Employer, CountyA, Departments.Health, seeded["CB-" + CountyA].Id);
                e2 = Add(db, "MX-E2", "矩阵测试用人单位乙", OrganizationType.Employer, CountyB, Departments.Education, seeded["CB-" + CountyB].Id);
                await db.SaveChangesAsync();
                fixture.Markers["org MX-P1"] = p1.ToString();
                fixture.Markers["org MX-P2"] = p2.ToString();
                fixture.Markers["org MX-E1"] = e1.ToString();
                fixture.Markers["org MX-E2"] = e2.ToString();
                fixture.Markers["code MX-P1"] = "MX-P1";
                fixture.Markers["code MX-P2"] = "MX-P2";
                fixture.Markers["code MX-E1"] = "MX-E1";
                fixture.Markers["code MX-E2"] = "MX-E2";
            }

            // Who may see which organization (besides their own): the expectation this test holds the platform to.
            var orgsVisibleTo = new Dictionary<string, string[]>
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
            var homes = new Dictionary<string, string>
            {
                [PlatformRoles.CountyAdmin] = "CB-" + CountyA,
                [PlatformRoles.DepartmentAdmin] = "LD-health",
                [PlatformRoles.ProviderStaff] = "MX-P1",
                [PlatformRoles.EmployerHr] = "MX-E1",
                [PlatformRoles.Professional] = "MX-E1",
            };

            var created = new Dictionary<string, TestAccount>();
            foreach (var role in PlatformRoles.All)
            {
                created[role] = await accounts.CreateAsync($"mx.{role}", [role], homes.GetValueOrDefault(role, ProgramOrganizations.ProgramOfficeCode));
            }

            // Targets for account reads (another person's account) and writes (a spare account nobody needs).
            fixture.OtherAccountId = (await accounts.CreateAsync("mx.other-professional", [PlatformRoles.Professional], "MX-E2")).Id;
            fixture.SpareAccountId = (await accounts.CreateAsync("mx.spare", [PlatformRoles.Professional], "MX-E2")).Id;
            await CreateClientsAsync(factory, fixture.SpareClientId);

            var everyAccount = created.ToDictionary(a => a.Key, a => a.Value.UserName);
            everyAccount["other"] = "mx.other-professional";
            foreach (var (role, account) in created)
            {
                var forbidden = Forbidden(fixture, orgsVisibleTo[role], homes.GetValueOrDefault(role), role == PlatformRoles.SecurityAdmin ? [] : everyAccount.Values.Where(n => n != account.UserName), role != PlatformRoles.AuditAdmin);
                fixture.Callers.Add(new Caller(role, await accounts.SignedInClientAsync(account), forbidden));
            }

            var integrator = factory.CreateClient();
            integrator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ClientTokenAsync(factory));
            fixture.Callers.Add(new Caller("client", integrator, Forbidden(fixture, orgsVisibleTo["client"], null, everyAccount.Values, forbidAudit: true)));
            return fixture;
        }

        private static Dictionary<string, string> Forbidden(Fixture fixture, string[] visibleCodes, string? home, IEnumerable<string> otherAccounts, bool forbidAudit)
        {
            var forbidden = new Dictionary<string, string>();
            if (!visibleCodes.Contains("*"))
            {
                foreach (var (name, value) in fixture.Markers)
                {
                    var code = name.Split(' ')[1];
                    if (!visibleCodes.Contains(code) && code != home)
                    {
                        forbidden[name] = value;
                    }
                }
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

        private static Guid Add(PlatformDbContext db, string code, string name, OrganizationType type, string region, string department, Guid parent)
        {
            var organization = new Organization { Code = code, Name = name, Type = type, RegionCode = region, DepartmentCode = department, ParentId = parent, CreatedAt = DateTime.UtcNow };
            db.Organizations.Add(organization);
            return organization.Id;
        }

        private static async Task CreateClientsAsync(PlatformFactory factory, string spare)
        {
            using var scope = factory.Services.CreateSystemScope();
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            foreach (var (id, secret) in new[] { ("mx-integrator", "mx-integrator-secret-0123456789"), (spare, "mx-spare-secret-0123456789") })
            {
                await applications.CreateAsync(new OpenIddictApplicationDescriptor
                {
                    ClientId = id,
                    ClientSecret = secret,
                    ClientType = OpenIddictConstants.ClientTypes.Confidential,
                    DisplayName = "矩阵测试集成方",
                    Permissions =
                    {
                        OpenIddictConstants.Permissions.Endpoints.Token,
                        OpenIddictConstants.Permissions.GrantTypes.ClientCredentials,
                        OpenIddictConstants.Permissions.Prefixes.Scope + FeedScopes.Catalog,
                    },
                });
            }
        }

        private static async Task<string> ClientTokenAsync(PlatformFactory factory)
        {
            using var client = factory.CreateClient();
            using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = "mx-integrator",
                ["client_secret"] = "mx-integrator-secret-0123456789",
                ["scope"] = FeedScopes.Catalog,
            }));
            var token = await response.ReadJsonAsync(HttpStatusCode.OK, "client token");
            return token.GetProperty("access_token").GetString()!;
        }
    }
}
