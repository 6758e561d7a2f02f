using System.Net;
using System.Net.Http.Headers;
using System.Globalization;
using System.Text;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.UseCases.Certificates;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Credits.UseCases.Ledger;
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
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

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

    private const string CertificateYear = "2024";

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

                // A project names its recommending authority (a county bureau or line department) and its history the
                // organizations that acted: references to those bodies, not their data (which Organizations guards).
                if (IsProjectFeed(request.Url))
                {
                    forbidden = forbidden.Where(m => !m.Key.StartsWith("org CB-", StringComparison.Ordinal) && !m.Key.StartsWith("org LD-", StringComparison.Ordinal))
                        .ToDictionary(m => m.Key, m => m.Value);
                }

                // What the caller sent itself (a route value echoed in a problem's "instance" or "detail") is no disclosure.
                foreach (var marker in forbidden.Where(m => body.Contains(m.Value, StringComparison.Ordinal) && !request.Url.Contains(m.Value, StringComparison.Ordinal)))
                {
                    violations.Add($"{caller.Name}: {request} → {(int)response.StatusCode} shows {marker.Key}");
                }
            }
        }

        Assert.True(violations.Count == 0, "Out-of-scope data or server errors:\n" + string.Join("\n", violations.Distinct()));
    }

    [Fact]
    public async Task The_separated_administrators_are_refused_every_business_data_endpoint()
    {
        // Business data is every endpoint an anonymous caller is refused that is not an administrator's own (its
        // authorization names a separated administrator's policy or role): REST, pages, the platform's OData sets and
        // every module's endpoints and feeds. The system, security and audit administrators get 403 on all of them.
        var requests = Requests().Where(r => !r.Url.Contains("$batch", StringComparison.Ordinal)).ToArray();
        var administration = AdministrationPaths();
        using var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var business = new List<ProbeRequest>();
        foreach (var request in requests.Where(r => !administration.Contains(r.Url.Split('?')[0])))
        {
            using var message = request.ToMessage();
            using var response = await anonymous.SendAsync(message);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true))
            {
                business.Add(request);
            }
        }

        Assert.Contains(business, r => r.Url.StartsWith("/odata/health/CmeProjects", StringComparison.Ordinal));
        Assert.Contains(business, r => r.Url.StartsWith("/api/health/cme-projects", StringComparison.Ordinal));
        Assert.Contains(business, r => r.Url.StartsWith("/odata/Projects", StringComparison.Ordinal));
        var violations = new List<string>();
        foreach (var caller in fixture.Callers.Where(c => PlatformRoles.SeparatedAdministrators.Contains(c.Name)))
        {
            foreach (var request in business.Where(r => !OwnWorkOfAdministrator(caller.Name, r.Url)))
            {
                using var message = request.ToMessage();
                using var response = await caller.Client.SendAsync(message);
                if (response.StatusCode != HttpStatusCode.Forbidden)
                {
                    violations.Add($"{caller.Name}: {request} → {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(violations.Count == 0, "Business data not refused to a separated administrator:\n" + string.Join("\n", violations));
    }

    // Not business data for a separated administrator: their own account, and the organization tree for the
    // security administrator (who places accounts into organizations; see OrganizationReadersAttribute).
    private static bool OwnWorkOfAdministrator(string role, string url) =>
        url.StartsWith("/api/me", StringComparison.Ordinal)
        || (role == PlatformRoles.SecurityAdmin && (url.StartsWith("/api/organizations", StringComparison.Ordinal) || url.StartsWith("/odata/Organizations", StringComparison.Ordinal)));

    // The paths of the endpoints whose authorization names a separated administrator's policy or role (their own work).
    private HashSet<string> AdministrationPaths()
    {
        string[] policies = [PlatformPolicies.SystemAdministration, PlatformPolicies.SecurityAdministration, PlatformPolicies.AuditReading];
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var authorization = endpoint.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>();
            var policyNames = endpoint.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.AuthorizationPolicy>()
                .SelectMany(p => p.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>()).SelectMany(r => r.AllowedRoles);
            if (authorization.Any(a => policies.Contains(a.Policy) || PlatformRoles.SeparatedAdministrators.Any(r => a.Roles?.Split(',').Contains(r) == true))
                || policyNames.Any(PlatformRoles.SeparatedAdministrators.Contains))
            {
                paths.Add(Fill(endpoint.RoutePattern, write: false)!);
                paths.Add(Fill(endpoint.RoutePattern, write: true)!);
            }
        }

        return paths;
    }

    [Fact]
    public async Task Scopes_are_not_empty_the_callers_see_their_own_data()
    {
        // Guards the matrix against passing because everybody sees nothing.
        var county = fixture.Callers.Single(c => c.Name == PlatformRoles.CountyAdmin);
        var health = fixture.Callers.Single(c => c.Name == PlatformRoles.DepartmentAdmin);
        var office = fixture.Callers.Single(c => c.Name == PlatformRoles.ProgramOfficeAdmin);
        var audit = fixture.Callers.Single(c => c.Name == PlatformRoles.AuditAdmin);
        var professional = fixture.Callers.Single(c => c.Name == PlatformRoles.Professional);
        var registryFeed = fixture.Callers.Single(c => c.Name == "registry-client");

        var countyView = await county.Client.GetStringAsync(new Uri("/odata/Organizations?$top=1000", UriKind.Relative));
        var healthView = await health.Client.GetStringAsync(new Uri("/odata/Organizations?$top=1000", UriKind.Relative));
        var officeView = await office.Client.GetStringAsync(new Uri("/odata/Organizations?$top=1000", UriKind.Relative));
        var auditView = await audit.Client.GetStringAsync(new Uri("/api/audit/records?pageSize=200", UriKind.Relative));

        Assert.Contains("MX-P1", countyView, StringComparison.Ordinal);
        Assert.Contains("MX-E1", countyView, StringComparison.Ordinal);
        Assert.Contains("MX-P1", healthView, StringComparison.Ordinal);
        Assert.All(FixtureCodes, code => Assert.Contains(code, officeView, StringComparison.Ordinal));
        Assert.Contains("auth.sign_in", auditView, StringComparison.Ordinal);

        // Classes: the program office sees MX-P2's class; 任城区 (another county) does not.
        Assert.Contains(fixture.Markers["class MX-P2"], await office.Client.GetStringAsync(new Uri("/api/classes", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Markers["class MX-P2"], await county.Client.GetStringAsync(new Uri("/api/classes", UriKind.Relative)), StringComparison.Ordinal);

        // The registry: a county its region's person, the person themselves, the program office and the registry feed both.
        var e1 = fixture.Markers["idmask MX-E1"];
        var e2 = fixture.Markers["idmask MX-E2"];
        var countyPeople = await county.Client.GetStringAsync(new Uri("/api/registry/professionals", UriKind.Relative));
        var ownRecord = await professional.Client.GetStringAsync(new Uri("/odata/Professionals", UriKind.Relative));
        var officePeople = await office.Client.GetStringAsync(new Uri("/odata/Professionals", UriKind.Relative));
        var feedPeople = await registryFeed.Client.GetStringAsync(new Uri("/api/registry/professionals", UriKind.Relative));
        Assert.Contains(e1, countyPeople, StringComparison.Ordinal);
        Assert.Contains(e1, ownRecord, StringComparison.Ordinal);
        Assert.All(new[] { officePeople, feedPeople }, view => Assert.True(view.Contains(e1, StringComparison.Ordinal) && view.Contains(e2, StringComparison.Ordinal), view));

        // The ledger: records follow their person; a provider sees its classes' records and those trainees.
        var provider = fixture.Callers.Single(c => c.Name == PlatformRoles.ProviderStaff);
        var creditsFeed = fixture.Callers.Single(c => c.Name == "credits-client");
        Assert.Contains(fixture.Markers["record MX-E1"], await county.Client.GetStringAsync(new Uri("/api/credit-records", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(fixture.Markers["record MX-E1"], await professional.Client.GetStringAsync(new Uri("/odata/CreditRecords", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(fixture.Markers["record MX-E2"], await provider.Client.GetStringAsync(new Uri("/api/credit-records", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(e2, await provider.Client.GetStringAsync(new Uri("/odata/Professionals", UriKind.Relative)), StringComparison.Ordinal);
        var feedRecords = await creditsFeed.Client.GetStringAsync(new Uri("/odata/CreditRecords", UriKind.Relative));
        Assert.True(feedRecords.Contains(fixture.Markers["record MX-E1"], StringComparison.Ordinal) && feedRecords.Contains(fixture.Markers["record MX-E2"], StringComparison.Ordinal), feedRecords);

        // Projects: the county and the provider see MX-P1's application; the program office MX-P2's and the objection's contact.
        Assert.Contains(fixture.Markers["project MX-P1"], await county.Client.GetStringAsync(new Uri("/api/projects", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(fixture.Markers["project MX-P1"], await provider.Client.GetStringAsync(new Uri("/odata/Projects", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(fixture.Markers["project-comment MX-P2"], await office.Client.GetStringAsync(new Uri("/odata/ProjectTransitions", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(Fixture.ObjectionPhone, await office.Client.GetStringAsync(new Uri($"/api/projects/{fixture.NoticeProjectId}/objections", UriKind.Relative)), StringComparison.Ordinal);

        // Declarations: the program office sees the MX-E2 person's declaration (the matrix checks nobody else does).
        var officeDeclarations = await office.Client.GetStringAsync(new Uri("/api/declarations?pageSize=100", UriKind.Relative));
        Assert.Contains(fixture.Markers["declaration MX-E2"], officeDeclarations, StringComparison.Ordinal);

        // Certificates: the county and the person see the fixture person's, the program office both.
        var c1 = fixture.Markers["certificate MX-E1"];
        var c2 = fixture.Markers["certificate MX-E2"];
        Assert.Contains(c1, await county.Client.GetStringAsync(new Uri("/api/certificates", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(c1, await professional.Client.GetStringAsync(new Uri("/api/certificates", UriKind.Relative)), StringComparison.Ordinal);
        var officeCertificates = await office.Client.GetStringAsync(new Uri("/api/certificates", UriKind.Relative));
        Assert.True(officeCertificates.Contains(c1, StringComparison.Ordinal) && officeCertificates.Contains(c2, StringComparison.Ordinal), officeCertificates);

        // Digital engineers: the program office sees the MX-E2 person's certificate and claim (the matrix checks nobody else does).
        Assert.Contains(fixture.Markers["digital-cert MX-E2"], await office.Client.GetStringAsync(new Uri("/api/digital-engineers/certificates", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(fixture.Markers["digital-cert MX-E2"], await office.Client.GetStringAsync(new Uri("/odata/DigitalCertificates", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(fixture.Markers["digital-claim-id MX-E2"], await office.Client.GetStringAsync(new Uri("/api/digital-engineers/subsidy-claims", UriKind.Relative)), StringComparison.Ordinal);
    }

    private static bool IsProjectFeed(string url) =>
        url.StartsWith("/api/projects", StringComparison.Ordinal) || url.StartsWith("/odata/Project", StringComparison.Ordinal) || url.Contains("$batch", StringComparison.Ordinal);

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
        (var p, "id") when p.Contains("registry/professionals", StringComparison.Ordinal) => fixture.Markers["person-id MX-E2"],
        (var p, "id") when p.Contains("api/professionals/", StringComparison.Ordinal) => fixture.Markers["person-id MX-E2"],
        (var p, "id") when p.Contains("credit-records", StringComparison.Ordinal) => fixture.Markers["record-id MX-E2"],
        (var p, "id") when p.Contains("digital-engineers/trainings", StringComparison.Ordinal) => fixture.Markers["digital-training-id MX-E2"],
        (var p, "id") when p.Contains("digital-engineers/certificates", StringComparison.Ordinal) => fixture.Markers["digital-cert-id MX-E2"],
        (var p, "id") when p.Contains("digital-engineers/subsidy-claims", StringComparison.Ordinal) => fixture.Markers["digital-claim-id MX-E2"],
        (var p, "key") when p.Contains("DigitalCertificates", StringComparison.Ordinal) => fixture.Markers["digital-cert-id MX-E2"],
        (var p, "key") when p.Contains("CreditRecords", StringComparison.Ordinal) => fixture.Markers["record-id MX-E2"],
        (var p, "id") when p.Contains("professionals/{id:guid}/certificates", StringComparison.Ordinal) => fixture.Markers["person-id MX-E2"],
        (var p, "id") when p.Contains("certificates/{id", StringComparison.Ordinal) => fixture.Markers["certificate-id MX-E2"],
        (var p, "year") when p.Contains("certificates", StringComparison.Ordinal) => CertificateYear,
        (var p, "id") when p.Contains("registry/employers", StringComparison.Ordinal) => fixture.Markers["org MX-E2"],
        (var p, "id") when p.Contains("registry/training-providers", StringComparison.Ordinal) => fixture.Markers["org MX-P2"],
        (var p, "id") when p.Contains("registry/education-bases", StringComparison.Ordinal) => fixture.Markers["base-id MX-P2"],
        (var p, "id") when p.Contains("declarations", StringComparison.Ordinal) => fixture.Markers["declaration-id MX-E2"],
        (var p, "fileId") when p.Contains("declarations", StringComparison.Ordinal) => fixture.Markers["evidence-id MX-E2"],
        (var p, "id") when p.Contains("api/classes", StringComparison.Ordinal) => fixture.Markers["class-id MX-P2"],
        (var p, "id") when p.Contains("objections", StringComparison.Ordinal) => fixture.NoticeProjectId.ToString(),
        (var p, "id") when p.Contains("api/projects", StringComparison.Ordinal) => fixture.Markers["project-id MX-P2"],
        (_, "objectionId") => fixture.ObjectionId.ToString(),
        (var p, "key") when p.Contains("ProjectTransitions", StringComparison.Ordinal) => fixture.Markers["project-step-id MX-P2"],
        (var p, "key") when p.Contains("Projects", StringComparison.Ordinal) => fixture.Markers["project-id MX-P2"],
        (var p, "key") when p.Contains("Organizations", StringComparison.Ordinal) => fixture.Markers["org MX-P2"],
        (var p, "key") when p.Contains("Professionals", StringComparison.Ordinal) => fixture.Markers["person-id MX-E2"],
        (var p, "key") when p.Contains("Employments", StringComparison.Ordinal) => fixture.Markers["employment-id MX-E2"],
        (var p, "key") when p.Contains("Employers", StringComparison.Ordinal) => fixture.Markers["org MX-E2"],
        (var p, "key") when p.Contains("TrainingProviders", StringComparison.Ordinal) => fixture.Markers["org MX-P2"],
        (var p, "key") when p.Contains("EducationBases", StringComparison.Ordinal) => fixture.Markers["base-id MX-P2"],
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

    /// <summary>
    /// Fixture organizations (providers and employers are real <see cref="TrainingProvider"/> and <see cref="Employer"/>
    /// rows), a base designation of each provider, a professional at each employer (the one at MX-E1 is the
    /// professional account's own record), one account per role, integrator clients, and what each may not see.
    /// </summary>
    private sealed class Fixture
    {
        public List<Caller> Callers { get; } = [];

        public Dictionary<string, string> Markers { get; } = [];

        /// <summary>Plaintext personal data of the fixture people: no caller may ever see it.</summary>
        public Dictionary<string, string> Plaintext { get; } = [];

        public Guid OtherAccountId { get; private set; }

        public Guid SpareAccountId { get; private set; }

        public string SpareClientId { get; } = "mx-spare-client";

        /// <summary>A project of MX-P2 in public notice (public: its title and organizers are on /notices).</summary>
        public Guid NoticeProjectId { get; private set; }

        /// <summary>An objection to it; its contact is for the program office only.</summary>
        public Guid ObjectionId { get; private set; }

        /// <summary>The objection's contact phone: no caller but the program office may see it.</summary>
        public const string ObjectionPhone = "13655554444";

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

                p1 = Add(db, new TrainingProvider { Code = "MX-P1", Name = "矩阵测试施教机构甲", RegionCode = CountyA, DepartmentCode = Departments.Health, Kind = ProviderKind.University }, seeded["CB-" + CountyA].Id);
                p2 = Add(db, new TrainingProvider { Code = "MX-P2", Name = "矩阵测试施教机构乙", RegionCode = CountyB, DepartmentCode = Departments.Education, Kind = ProviderKind.Association }, seeded["CB-" + CountyB].Id);
                e1 = Add(db, new Employer { Code = "MX-E1", Name = "矩阵测试用人单位甲", RegionCode = CountyA, DepartmentCode = Departments.Health, Ownership = Ownership.Public }, seeded["CB-" + CountyA].Id);
                e2 = Add(db, new Employer { Code = "MX-E2", Name = "矩阵测试用人单位乙", RegionCode = CountyB, DepartmentCode = Departments.Education, Ownership = Ownership.NonPublic }, seeded["CB-" + CountyB].Id);
                var base1 = new EducationBase { Name = "矩阵测试基地甲", OrganizationId = p1, Level = BaseLevel.Municipal, DesignatedOn = new DateOnly(2023, 9, 1) };
                var base2 = new EducationBase { Name = "矩阵测试基地乙", OrganizationId = p2, Level = BaseLevel.Provincial, DesignatedOn = new DateOnly(2023, 9, 1) };
                db.EducationBases.AddRange(base1, base2);
                fixture.Markers["base MX-P1"] = base1.Name;
                fixture.Markers["base MX-P2"] = base2.Name;
                fixture.Markers["base-id MX-P2"] = base2.Id.ToString();
                AddPerson(fixture, scope.ServiceProvider, db, "MX-E1", "矩阵测试人员甲", "37081119850615123", "13800001111", e1, CountyA, Departments.Health);
                AddPerson(fixture, scope.ServiceProvider, db, "MX-E2", "矩阵测试人员乙", "37088319900220234", "13900002222", e2, CountyB, Departments.Education);

                // Credit records: E1's entered by hand; E2's from a class of provider P1 (so P1 may see E2 as its trainee).
                AddRecord(fixture, db, "MX-E1", null, CountyA, Departments.Health, e1);
                AddRecord(fixture, db, "MX-E2", p1, CountyB, Departments.Education, e2);
                await db.SaveChangesAsync();

                // A finished class of MX-P2 for 邹城市's teachers: only its provider, that county and sector, and the office see it.
                var trainingClass = new KnowledgeRenewal.Credits.Domain.TrainingClass
                {
                    ProviderId = p2,
                    Title = "矩阵测试班次乙",
                    StartDate = new DateOnly(2025, 4, 1),
                    EndDate = new DateOnly(2025, 4, 2),
                    Hours = CreditHours.FromHours(16m),
                    Category = CreditCategory.Professional,
                    RegionCode = CountyB,
                    DepartmentCode = Departments.Education,
                    Status = KnowledgeRenewal.Credits.Domain.TrainingClassStatus.Finished,
                    CreatedAt = DateTime.UtcNow,
                };
                db.TrainingClasses.Add(trainingClass);
                await db.SaveChangesAsync();
                AddProjects(fixture, db, p1, p2, seeded["CB-" + CountyA].Id, seeded["CB-" + CountyB].Id);
                await db.SaveChangesAsync();
                fixture.Markers["class MX-P2"] = trainingClass.Title;
                fixture.Markers["class-id MX-P2"] = trainingClass.Id.ToString();
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

            // Who may see which fixture person: the county, sector and employer of MX-E1, its person (the
            // professional account's own record), the program office and the registry feed.
            // A provider sees the people on its rosters (P1: E2), but not their employment history.
            var peopleVisibleTo = new Dictionary<string, string[]>
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
            var recordsVisibleTo = new Dictionary<string, string[]>
            {
                [PlatformRoles.ProgramOfficeAdmin] = ["MX-E1", "MX-E2"],
                [PlatformRoles.CountyAdmin] = ["MX-E1"],
                [PlatformRoles.DepartmentAdmin] = ["MX-E1"],
                [PlatformRoles.EmployerHr] = ["MX-E1"],
                [PlatformRoles.Professional] = ["MX-E1"],
                [PlatformRoles.ProviderStaff] = ["MX-E2"],
                ["credits-client"] = ["MX-E1", "MX-E2"],
            };

            var created = new Dictionary<string, TestAccount>();
            foreach (var role in PlatformRoles.All)
            {
                created[role] = await accounts.CreateAsync($"mx.{role}", [role], homes.GetValueOrDefault(role, ProgramOrganizations.ProgramOfficeCode));
            }

            using (var scope = factory.Services.CreateSystemScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                var own = Guid.Parse(fixture.Markers["person-id MX-E1"]);
                var person = await db.Professionals.SingleAsync(p => p.Id == own);
                person.UserId = created[PlatformRoles.Professional].Id;
                await db.SaveChangesAsync();
                await AddCertificateAsync(fixture, scope.ServiceProvider, db, "MX-E1");
                await AddCertificateAsync(fixture, scope.ServiceProvider, db, "MX-E2");
                await AddDigitalEngineerAsync(fixture, db, "MX-E2");
            }

            // A declaration of the MX-E2 person: its title, id and evidence are that person's data.
            var (declaration, evidence) = await Declarations.MatrixDeclaration.AddAsync(factory, Guid.Parse(fixture.Markers["person-id MX-E2"]), "矩阵测试申报乙");
            fixture.Markers["declaration MX-E2"] = "矩阵测试申报乙";
            fixture.Markers["declaration-id MX-E2"] = declaration.ToString();
            fixture.Markers["evidence-id MX-E2"] = evidence.ToString();

            // Targets for account reads (another person's account) and writes (a spare account nobody needs).
            fixture.OtherAccountId = (await accounts.CreateAsync("mx.other-professional", [PlatformRoles.Professional], "MX-E2")).Id;
            fixture.SpareAccountId = (await accounts.CreateAsync("mx.spare", [PlatformRoles.Professional], "MX-E2")).Id;
            await CreateClientsAsync(factory, fixture.SpareClientId);

            var everyAccount = created.ToDictionary(a => a.Key, a => a.Value.UserName);
            everyAccount["other"] = "mx.other-professional";
            foreach (var (role, account) in created)
            {
                var forbidden = Forbidden(fixture, orgsVisibleTo[role], peopleVisibleTo.GetValueOrDefault(role, []), recordsVisibleTo.GetValueOrDefault(role, []), homes.GetValueOrDefault(role), role == PlatformRoles.SecurityAdmin ? [] : everyAccount.Values.Where(n => n != account.UserName), role != PlatformRoles.AuditAdmin);
                if (role == PlatformRoles.ProviderStaff)
                {
                    // Its trainee's employer id is a reference on the trainee's record, not the employer's data;
                    // the trainee's employment history, declarations and certificates stay hidden.
                    forbidden.Remove("org MX-E2");
                    forbidden["employment-id MX-E2"] = fixture.Markers["employment-id MX-E2"];
                    foreach (var personal in fixture.Markers.Keys.Where(k => k.StartsWith("declaration", StringComparison.Ordinal) || k.StartsWith("evidence-id", StringComparison.Ordinal) || k.StartsWith("certificate", StringComparison.Ordinal) || k.StartsWith("digital", StringComparison.Ordinal)))
                    {
                        forbidden[personal] = fixture.Markers[personal];
                    }
                }

                if (role != PlatformRoles.ProgramOfficeAdmin)
                {
                    forbidden["objection contact"] = ObjectionPhone;
                }

                fixture.Callers.Add(new Caller(role, await accounts.SignedInClientAsync(account), forbidden));
            }

            var integrator = factory.CreateClient();
            integrator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ClientTokenAsync(factory, "mx-integrator", FeedScopes.Catalog));
            var clientForbidden = Forbidden(fixture, orgsVisibleTo["client"], [], [], null, everyAccount.Values, forbidAudit: true);
            clientForbidden["objection contact"] = ObjectionPhone;
            fixture.Callers.Add(new Caller("client", integrator, clientForbidden));

            // A registry-feed integrator sees every person (masked) but no organization: an employer's id on a
            // person is a reference, not the employer's data, so only the organizations' codes and names count.
            var registryFeed = factory.CreateClient();
            registryFeed.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ClientTokenAsync(factory, "mx-registry", FeedScopes.Registry));
            var feedForbidden = Forbidden(fixture, [], peopleVisibleTo["registry-client"], [], null, everyAccount.Values, forbidAudit: true);
            foreach (var id in feedForbidden.Keys.Where(k => k.StartsWith("org MX-E", StringComparison.Ordinal)).ToArray())
            {
                feedForbidden.Remove(id);
            }

            feedForbidden["objection contact"] = ObjectionPhone;
            fixture.Callers.Add(new Caller("registry-client", registryFeed, feedForbidden));

            // A credits-feed integrator sees every record and certificate (its metadata) and every class (/odata/Classes,
            // the sessions the records come from) but no person: person, organization and declaration ids on a record are
            // references, and a self-declared record carries its declaration's title.
            var creditsFeed = factory.CreateClient();
            creditsFeed.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ClientTokenAsync(factory, "mx-credits", FeedScopes.Credits));
            var creditsForbidden = Forbidden(fixture, [], [], recordsVisibleTo["credits-client"], null, everyAccount.Values, forbidAudit: true);
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
            fixture.Callers.Add(new Caller("credits-client", creditsFeed, creditsForbidden));
            return fixture;
        }

        private static Dictionary<string, string> Forbidden(Fixture fixture, string[] visibleCodes, string[] visiblePeople, string[] visibleRecords, string? home, IEnumerable<string> otherAccounts, bool forbidAudit)
        {
            var forbidden = new Dictionary<string, string>();
            foreach (var (name, value) in fixture.Markers)
            {
                var kind = name.Split(' ')[0];
                var code = name.Split(' ')[1];
                var person = kind is "person" or "person-id" or "idmask" or "phonemask" or "employment-id" or "declaration" or "declaration-id" or "evidence-id" or "certificate" or "certificate-id"
                    or "digital-training-id" or "digital-cert" or "digital-cert-id" or "digital-claim-id";
                var record = kind is "record" or "record-id";
                var visible = person ? visiblePeople.Contains(code)
                    : record ? visibleRecords.Contains(code)
                    : visibleCodes.Contains("*") || visibleCodes.Contains(code) || code == home;
                if (!visible)
                {
                    forbidden[name] = value;
                }
            }

            // Nobody — not even the program office — sees a fixture person's ID number or phone in plaintext.
            foreach (var (name, value) in fixture.Plaintext)
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

        // Projects: MX-P1's application awaiting its county's recommendation; MX-P2's under review with an expert's
        // score and a comment in its history; and MX-P2's project in public notice with an objection.
        private static void AddProjects(Fixture fixture, PlatformDbContext db, Guid p1, Guid p2, Guid countyA, Guid countyB)
        {
            var now = DateTime.UtcNow;
            Project New(string number, string title, Guid provider, string region, string department, Guid recommender, ProjectStatus status) => new()
            {
                Number = number,
                Title = title,
                Type = ProjectType.AdvancedSeminar,
                Status = status,
                ApplicantOrganizationId = provider,
                RecommenderOrganizationId = recommender,
                ProviderId = provider,
                RegionCode = region,
                DepartmentCode = department,
                CreditYear = 2026,
                StartDate = new DateOnly(2026, 12, 1),
                EndDate = new DateOnly(2026, 12, 4),
                Capacity = 30,
                CreatedAt = now,
                UpdatedAt = now,
                StatusChangedAt = now,
            };

            var first = New("XM2026-M0001", "矩阵测试项目甲", p1, CountyA, Departments.Health, countyA, ProjectStatus.Submitted);
            var second = New("XM2026-M0002", "矩阵测试项目乙", p2, CountyB, Departments.Education, countyB, ProjectStatus.UnderReview);
            var notice = New("XM2026-M0003", "矩阵测试公示项目", p2, CountyB, Departments.Education, countyB, ProjectStatus.PublicNotice);
            notice.NoticeStart = DateOnly.FromDateTime(now).AddDays(-1);
            notice.NoticeEnd = DateOnly.FromDateTime(now).AddDays(10);
            db.Projects.AddRange(first, second, notice);
            var step = new ProjectTransition
            {
                ProjectId = second.Id, Sequence = 1, FromStatus = ProjectStatus.UnderReview, ToStatus = ProjectStatus.UnderReview, Action = ProjectAction.Score,
                ActorRole = PlatformRoles.ProgramOfficeAdmin, At = now, Comment = "矩阵测试意见乙", ExpertName = "矩阵专家乙", ExpertScore = 80,
            };
            db.ProjectTransitions.Add(step);
            db.ProjectReviews.Add(new ProjectReview { ProjectId = second.Id, ExpertName = "矩阵专家乙", Score = 80, Comment = "矩阵测试意见乙", RecordedAt = now });
            var objection = new ProjectObjection { ProjectId = notice.Id, Reason = "矩阵测试异议", ContactName = "矩阵异议人", ContactPhone = ObjectionPhone, FiledAt = now };
            db.ProjectObjections.Add(objection);
            fixture.Markers["project MX-P1"] = first.Title;
            fixture.Markers["project-id MX-P1"] = first.Id.ToString();
            fixture.Markers["project MX-P2"] = second.Title;
            fixture.Markers["project-id MX-P2"] = second.Id.ToString();
            fixture.Markers["project-comment MX-P2"] = step.Comment;
            fixture.Markers["project-expert MX-P2"] = step.ExpertName;
            fixture.Markers["project-step-id MX-P2"] = step.Id.ToString();
            fixture.NoticeProjectId = notice.Id;
            fixture.ObjectionId = objection.Id;
        }

        private static Guid Add(PlatformDbContext db, Organization organization, Guid parent)
        {
            organization.ParentId = parent;
            organization.CreatedAt = DateTime.UtcNow;
            db.Organizations.Add(organization);
            return organization.Id;
        }

        // A professional at an employer, stored as the registry stores them (encrypted, hashed, masked), with an employment.
        private static void AddPerson(Fixture fixture, IServiceProvider services, PlatformDbContext db, string code, string name, string first17, string phone, Guid employer, string region, string department)
        {
            var text = first17 + ResidentIdNumber.CheckCharacterOf(first17);
            Assert.True(ResidentIdNumber.TryParse(text, DateOnly.FromDateTime(DateTime.UtcNow), out var idNumber, out _));
            var protector = services.GetRequiredService<IPersonalDataProtector>();
            var professional = new Professional
            {
                IdNumberHash = services.GetRequiredService<IdNumberHasher>().Hash(idNumber),
                IdNumberCipher = protector.Protect(idNumber.Value),
                IdNumberMasked = idNumber.Masked,
                Name = name,
                Gender = idNumber.IsMale ? Gender.Male : Gender.Female,
                BirthDate = idNumber.BirthDate,
                PhoneCipher = protector.Protect(phone),
                PhoneMasked = MobileNumber.Mask(phone),
                EmployerId = employer,
                RegionCode = region,
                DepartmentCode = department,
                TitleSeries = "卫生技术",
                TitleLevel = TitleLevel.Intermediate,
                Education = EducationLevel.Bachelor,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            };
            var employment = new Employment { ProfessionalId = professional.Id, EmployerId = employer, StartedOn = new DateOnly(2015, 9, 1), RecordedAt = DateTime.UtcNow };
            db.Professionals.Add(professional);
            db.Employments.Add(employment);
            fixture.Markers["person " + code] = name;
            fixture.Markers["person-id " + code] = professional.Id.ToString();
            fixture.Markers["idmask " + code] = idNumber.Masked;
            fixture.Markers["phonemask " + code] = MobileNumber.Mask(phone);
            fixture.Markers["employment-id " + code] = employment.Id.ToString();
            fixture.Plaintext["plaintext ID " + code] = idNumber.Value;
            fixture.Plaintext["plaintext phone " + code] = phone;
        }

        // An approved credit record of the fixture person at <paramref name="code"/>, with a title only it carries.
        private static void AddRecord(Fixture fixture, PlatformDbContext db, string code, Guid? provider, string region, string department, Guid employer)
        {
            var record = new CreditRecord
            {
                ProfessionalId = Guid.Parse(fixture.Markers["person-id " + code]),
                Date = new DateOnly(2025, 6, 30),
                CreditYear = 2025,
                Category = CreditCategory.Professional,
                Activity = ActivityType.ClassroomTraining,
                Hours = CreditHours.FromHours(12m),
                EnteredAmount = 12m,
                Title = "矩阵测试学时" + (code.EndsWith('1') ? "甲" : "乙"),
                Source = provider is null ? RecordSource.ManualAdjustment : RecordSource.ProviderClass,
                ProviderId = provider,
                RecordedAt = DateTime.UtcNow,
                RegionCode = region,
                DepartmentCode = department,
                EmployerId = employer,
            };
            record.Approve(LedgerActor.System, DateTime.UtcNow);
            db.CreditRecords.Add(record);
            fixture.Markers["record " + code] = record.Title;
            fixture.Markers["record-id " + code] = record.Id.ToString();
        }

        // A credit-hour certificate of the fixture person (one approved record of the year), issued as the platform does.
        private static async Task AddCertificateAsync(Fixture fixture, IServiceProvider services, PlatformDbContext db, string code)
        {
            var id = Guid.Parse(fixture.Markers["person-id " + code]);
            var person = await db.Professionals.SingleAsync(p => p.Id == id);
            var now = DateTime.UtcNow;
            db.CreditRecords.Add(new CreditRecord
            {
                ProfessionalId = person.Id,
                Date = new DateOnly(int.Parse(CertificateYear, CultureInfo.InvariantCulture), 6, 1),
                CreditYear = int.Parse(CertificateYear, CultureInfo.InvariantCulture),
                Category = CreditCategory.Public,
                Activity = ActivityType.OnlineLearning,
                Hours = CreditHours.FromHours(10),
                EnteredAmount = 10,
                Title = "矩阵测试公需科目",
                Source = RecordSource.ManualAdjustment,
                RecordedAt = now,
                RegionCode = person.RegionCode,
                DepartmentCode = person.DepartmentCode,
                EmployerId = person.EmployerId,
            }.ApprovedOnEntry(LedgerActor.System, now));
            await db.SaveChangesAsync();
            var issuer = services.GetRequiredService<CertificateIssuer>();
            var personYear = new PersonYear(person.Id, int.Parse(CertificateYear, CultureInfo.InvariantCulture));
            var batch = await CertificateIssuer.LoadAsync(db, [personYear], default);
            var certificate = issuer.Issue(db, batch, personYear, LedgerActor.System.Name, requireRecords: true).Certificate;
            await db.SaveChangesAsync();
            fixture.Markers["certificate " + code] = certificate.Number;
            fixture.Markers["certificate-id " + code] = certificate.Id.ToString();
        }

        // A digital-engineer training of the fixture person at <paramref name="code"/> by an unmarked training
        // institution, its training-qualified certificate and a subsidy claim on it.
        private static async Task AddDigitalEngineerAsync(Fixture fixture, PlatformDbContext db, string code)
        {
            var office = await db.Organizations.SingleAsync(o => o.Code == ProgramOrganizations.ProgramOfficeCode);
            var trainerOrganization = new TrainingProvider { Code = "MX-DT", Name = "矩阵测试数字培训机构", RegionCode = "370800", Kind = ProviderKind.TrainingInstitution, ParentId = office.Id, CreatedAt = DateTime.UtcNow };
            db.Organizations.Add(trainerOrganization);
            var trainer = new DigitalInstitution
            {
                OrganizationId = trainerOrganization.Id,
                OrganizationCode = trainerOrganization.Code,
                OrganizationName = trainerOrganization.Name,
                RegionCode = trainerOrganization.RegionCode,
                Kind = InstitutionKind.Training,
                ValidFrom = new DateOnly(2024, 1, 1),
                ValidTo = new DateOnly(2030, 12, 31),
                ListedAt = DateTime.UtcNow,
                ListedByName = "system",
                UpdatedAt = DateTime.UtcNow,
                UpdatedByName = "system",
            };
            trainer.Scopes.Add(new DigitalInstitutionScope { InstitutionId = trainer.Id, Field = DigitalField.BigData, Level = DigitalLevel.Junior });
            db.DigitalInstitutions.Add(trainer);
            var id = Guid.Parse(fixture.Markers["person-id " + code]);
            var person = await db.Professionals.SingleAsync(p => p.Id == id);
            var holder = new KnowledgeRenewal.Programs.Domain.CertificateHolder(person.Id, person.Name, person.IdNumberMasked, person.RegionCode, person.DepartmentCode);
            var actor = new DigitalActor(null, "system");
            var training = DigitalEngineerRules.Train(holder, trainer, DigitalField.BigData, DigitalLevel.Junior, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 5), 40, true, actor, DateTime.UtcNow);
            var certificate = DigitalEngineerRules.IssueTrainingCertificate(training, trainer, holder, "SZPX-2025-031-990001", new DateOnly(2025, 3, 10), actor, DateTime.UtcNow);
            var claim = DigitalEngineerRules.Claim(certificate, false, null, actor, DateTime.UtcNow);
            db.DigitalTrainings.Add(training);
            db.DigitalCertificates.Add(certificate);
            db.SubsidyClaims.Add(claim);
            await db.SaveChangesAsync();
            fixture.Markers["digital-training-id " + code] = training.Id.ToString();
            fixture.Markers["digital-cert " + code] = certificate.Number;
            fixture.Markers["digital-cert-id " + code] = certificate.Id.ToString();
            fixture.Markers["digital-claim-id " + code] = claim.Id.ToString();
        }

        private static async Task CreateClientsAsync(PlatformFactory factory, string spare)
        {
            using var scope = factory.Services.CreateSystemScope();
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            foreach (var (id, secret, feed) in new[] { ("mx-integrator", Secret("mx-integrator"), FeedScopes.Catalog), ("mx-registry", Secret("mx-registry"), FeedScopes.Registry), ("mx-credits", Secret("mx-credits"), FeedScopes.Credits), (spare, "mx-spare-secret-0123456789", FeedScopes.Catalog) })
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
                        OpenIddictConstants.Permissions.Prefixes.Scope + feed,
                    },
                });
            }
        }

        private static string Secret(string clientId) => clientId + "-secret-0123456789";

        private static async Task<string> ClientTokenAsync(PlatformFactory factory, string clientId, string scope)
        {
            using var client = factory.CreateClient();
            using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = clientId,
                ["client_secret"] = Secret(clientId),
                ["scope"] = scope,
            }));
            var token = await response.ReadJsonAsync(HttpStatusCode.OK, "client token");
            return token.GetProperty("access_token").GetString()!;
        }
    }
}
