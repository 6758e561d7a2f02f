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
using KnowledgeRenewal.IntegrationTests.Identity.Matrix;
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

    private const string CertificateYear = CreditsMatrixSeed.CertificateYear;

    // The event subscription endpoints (security admins only) are probed with an id that exists nowhere: 404 for the
    // security admin, 403 for everyone else.
    private static readonly Guid MissingSubscription = Guid.Parse("0195f0c0-0000-7000-8000-00000000e035");

    private static readonly string[] FixtureCodes = ["MX-P1", "MX-P2", "MX-E1", "MX-E2"];

    // A fresh platform per test (xUnit makes one instance per test): the writes of one test cannot touch another's data.
    private readonly MatrixPlatform fixture = new();
    private PlatformFactory factory = null!;

    public async Task InitializeAsync()
    {
        await fixture.InitializeAsync();
        factory = fixture.Factory;
    }

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task No_role_sees_data_outside_its_scope_through_any_endpoint()
    {
        var requests = Requests().ToArray();
        Assert.Contains(requests, r => r.Url.StartsWith("/odata/Organizations", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Url.StartsWith("/odata/health/CmeProjects", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Url.StartsWith("/api/health/cme-projects", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Url.StartsWith("/odata/audit/AuditRecords", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Url.StartsWith("/api/reports/equal-treatment", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Url.StartsWith("/reports/equal-treatment", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Url.Contains("$batch", StringComparison.Ordinal));
        output.WriteLine($"{requests.Length} requests per caller, {fixture.Callers.Count} callers, {fixture.Markers.Count} markers and {fixture.Plaintext.Count} plaintext values");

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

    // Not business data for a separated administrator: their own account, their workbench (which shows each role only
    // its own sections), and the organization tree for the security administrator (who places accounts into
    // organizations; see OrganizationReadersAttribute).
    private static bool OwnWorkOfAdministrator(string role, string url) =>
        url.StartsWith("/api/me", StringComparison.Ordinal)
        || url == "/workbench"
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
        Assert.Contains(MatrixPlatform.ObjectionPhone, await office.Client.GetStringAsync(new Uri($"/api/projects/{fixture.NoticeProjectId}/objections", UriKind.Relative)), StringComparison.Ordinal);

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

    // The audit log through the API, the feed and the audit administrator's pages (/audit…), which show the same records.
    private static bool IsAuditLog(string url) =>
        url.StartsWith("/api/audit", StringComparison.Ordinal) || url.StartsWith("/odata/audit", StringComparison.Ordinal)
        || url == "/audit" || url.StartsWith("/audit/", StringComparison.Ordinal) || url.StartsWith("/audit?", StringComparison.Ordinal);

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
        (var p, "id") when p.Contains("event-subscriptions", StringComparison.Ordinal) => MissingSubscription.ToString(),
        (_, "deliveryId") => MissingSubscription.ToString(),
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
        (var p, "id") when p.Contains("api/employers/", StringComparison.Ordinal) => fixture.Markers["org MX-E2"],
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
}
