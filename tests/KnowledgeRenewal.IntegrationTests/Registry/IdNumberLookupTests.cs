using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Kernel.Modules;

namespace KnowledgeRenewal.IntegrationTests.Registry;

/// <summary>
/// Finding 1 of the outside probe: the masked number <c>3708**********3266</c>, the birth year and the region leave a
/// few dozen candidate numbers, and <c>GET /api/registry/professionals?idNumber=</c> said which one was registered — a
/// county administrator, a provider's staff and an integrator with only the registry feed recovered full numbers,
/// unaudited. Now an exact look-up is only for holders of the unmask permission (or one's own number), with a purpose,
/// limited per account and audited; everyone else gets the same 403 for every candidate. And no other query parameter
/// of any endpoint, nor any OData filter, tells a registered number from an unregistered one.
/// </summary>
[Collection(RegistryPlatform.Name)]
public sealed partial class IdNumberLookupTests(RegistryPlatformFixture platform)
{
    private const string Purpose = "职称评审资格复核";
    private const string Forbidden = "personal_data.lookup_forbidden";

    // Jining's county-level codes and the city's: where a masked 3708… number can have been issued.
    private static readonly string[] Divisions = ["370800", "370802", "370811", "370812", "370826", "370827", "370828", "370829", "370830", "370831", "370832", "370881", "370883"];

    [Fact]
    public async Task The_probes_recover_nothing_every_candidate_gets_the_same_403_and_every_attempt_is_audited()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var person = await platform.RegisterAsync(office, platform.A1, "候选探测");
        var provider = await ProviderWithTraineeAsync(person.Id);
        var probes = new (string Who, HttpClient Client)[]
        {
            ("county admin", await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + RegistryPlatformFixture.CountyA)),
            ("department admin", await platform.ClientAsync(PlatformRoles.DepartmentAdmin, "LD-health")),
            ("employer HR", await platform.ClientAsync(PlatformRoles.EmployerHr, platform.A1.Code)),
            ("provider staff", await platform.ClientAsync(PlatformRoles.ProviderStaff, provider)),
            ("program office", office),
            ("integrator (feeds.registry)", await FeedClientAsync(platform, FeedScopes.Registry)),
        };
        var candidates = Candidates(person.IdNumber, 9);
        var masked = person.View.IdNumberMasked;

        foreach (var (who, client) in probes)
        {
            // Each of them sees the person (a name search finds them) — the number is what they must not confirm.
            var byName = await client.GetAsAsync<PageAnswer<ProfessionalAnswer>>("/api/registry/professionals?name=候选探测");
            Assert.True(byName.Items.Any(p => p.Id == person.Id), who);

            var before = (await LookupAuditsAsync(masked)).Select(r => r.Sequence).ToHashSet();
            var answers = new List<(HttpStatusCode Status, string Body)>();
            foreach (var candidate in candidates)
            {
                foreach (var query in new[] { $"idNumber={candidate}", $"idNumber={candidate}&purpose={Purpose}", $"idNumber={candidate.ToLowerInvariant()}&pageSize=100" })
                {
                    using var response = await client.GetAsync(new Uri("/api/registry/professionals?" + query, UriKind.Relative));
                    var body = await response.Content.ReadAsStringAsync();
                    Assert.False(body.Contains(candidate, StringComparison.OrdinalIgnoreCase), $"{who}: {body}");
                    answers.Add((response.StatusCode, Normalize(body)));
                }
            }

            Assert.All(answers, a => Assert.Equal(HttpStatusCode.Forbidden, a.Status));
            Assert.Single(answers.Select(a => a.Body).Distinct());
            Assert.Equal(Forbidden, JsonNode.Parse(answers[0].Body)!["code"]!.GetValue<string>());

            var audited = (await LookupAuditsAsync(masked)).Where(r => !before.Contains(r.Sequence)).ToList();
            Assert.Equal(candidates.Count * 3, audited.Count);
            Assert.All(audited, r => Assert.Equal(AuditOutcome.Denied, r.Outcome));
            Assert.All(audited, r => Assert.DoesNotContain(person.IdNumber, r.Details ?? "", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task An_entitled_look_up_needs_a_purpose_is_audited_matched_or_not_and_is_limited_per_account()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var person = await platform.RegisterAsync(county, platform.A1, "授权查找");
        var masked = person.View.IdNumberMasked;
        var unregistered = Candidates(person.IdNumber, 2).First(c => c != person.IdNumber);
        using var officer = await platform.PermittedClientAsync(PlatformRoles.CountyAdmin, "CB-" + RegistryPlatformFixture.CountyA);

        // No purpose: 400, audited, and no look-up spent.
        foreach (var query in new[] { $"idNumber={person.IdNumber}", $"idNumber={person.IdNumber}&purpose=看看" })
        {
            using var noPurpose = await officer.GetAsync(new Uri("/api/registry/professionals?" + query, UriKind.Relative));
            var problem = await noPurpose.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
            Assert.Equal("purpose", problem.FieldErrors[0].Field);
        }

        Assert.Equal(AuditOutcome.Denied, (await LookupAuditsAsync(masked))[^1].Outcome);

        // With a purpose: found, never cached, audited with the match; a number nobody has is audited as no match.
        using var found = await officer.GetAsync(new Uri($"/api/registry/professionals?idNumber={person.IdNumber}&purpose={Uri.EscapeDataString($"核对 {person.IdNumber}")}", UriKind.Relative));
        var page = await found.ReadAsAsync<PageAnswer<ProfessionalAnswer>>(HttpStatusCode.OK, "entitled look-up");
        Assert.Equal(person.Id, Assert.Single(page.Items).Id);
        Assert.Contains("no-store", found.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var matched = (await LookupAuditsAsync(masked))[^1];
        Assert.Equal((AuditOutcome.Success, person.Id.ToString()), (matched.Outcome, matched.EntityKey));
        Assert.Contains("matched=1", matched.Details, StringComparison.Ordinal);
        Assert.Contains("purpose=核对", matched.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(person.IdNumber, matched.Details, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("ref=[0-9a-f]{16};", matched.Details); // a reference to the hash, not all of it

        var none = await officer.GetAsAsync<PageAnswer<ProfessionalAnswer>>($"/api/registry/professionals?idNumber={unregistered}&purpose={Purpose}");
        Assert.Equal(0, none.Total);
        var unmatched = (await LookupAuditsAsync(unregistered[..4] + "**********" + unregistered[14..]))[^1];
        Assert.Equal((AuditOutcome.Success, (string?)null), (unmatched.Outcome, unmatched.EntityKey));
        Assert.Contains("matched=0", unmatched.Details, StringComparison.Ordinal);

        // The account's look-ups are limited: 429 with Retry-After, audited; another account is not affected.
        for (var i = 2; i < RegistryPlatformFixture.IdNumberLookupLimit; i++)
        {
            using var more = await officer.GetAsync(new Uri($"/api/registry/professionals?idNumber={unregistered}&purpose={Purpose}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        }

        using var limited = await officer.GetAsync(new Uri($"/api/registry/professionals?idNumber={person.IdNumber}&purpose={Purpose}", UriKind.Relative));
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, "personal_data.lookup_rate_limited");
        Assert.True(limited.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, limited.Headers.ToString());
        Assert.DoesNotContain(person.IdNumber, await limited.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var refused = (await LookupAuditsAsync(masked))[^1];
        Assert.Equal(AuditOutcome.Denied, refused.Outcome);
        Assert.Contains("rate limited", refused.Details, StringComparison.Ordinal);

        // Searches without the number are not limited.
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(new Uri("/api/registry/professionals?name=授权查找", UriKind.Relative))).StatusCode);
        using var colleague = await platform.PermittedClientAsync(PlatformRoles.CountyAdmin, "CB-" + RegistryPlatformFixture.CountyA);
        Assert.Equal(1, (await colleague.GetAsAsync<PageAnswer<ProfessionalAnswer>>($"/api/registry/professionals?idNumber={person.IdNumber}&purpose={Purpose}")).Total);
    }

    [Fact]
    public async Task A_professional_may_look_up_their_own_number_only()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var own = await platform.RegisterAsync(county, platform.A1);
        var colleague = await platform.RegisterAsync(county, platform.A1);
        var account = await platform.Accounts.CreateAsync($"t.look.{Guid.NewGuid():N}"[..30], [PlatformRoles.Professional], platform.A1.Code);
        await platform.LinkAsync(own.Id, account.Id);
        using var self = await platform.Accounts.SignedInClientAsync(account);

        var mine = await self.GetAsAsync<PageAnswer<ProfessionalAnswer>>($"/api/registry/professionals?idNumber={own.IdNumber}&purpose=核对本人登记信息");
        Assert.Equal(own.Id, Assert.Single(mine.Items).Id);
        Assert.StartsWith(IdNumberLookupsDescribe(own), (await LookupAuditsAsync(own.View.IdNumberMasked))[^1].Details, StringComparison.Ordinal);

        foreach (var other in new[] { colleague.IdNumber, Candidates(own.IdNumber, 2).First(c => c != own.IdNumber) })
        {
            using var theirs = await self.GetAsync(new Uri($"/api/registry/professionals?idNumber={other}&purpose=核对本人登记信息", UriKind.Relative));
            await theirs.AssertProblemAsync(HttpStatusCode.Forbidden, Forbidden);
        }
    }

    [Fact]
    public async Task No_query_parameter_of_any_GET_endpoint_tells_a_registered_number_from_an_unregistered_one()
    {
        // Every GET operation the API documents, every query parameter it takes: given a registered number or an
        // unregistered one of the same masked form, an unentitled caller who sees the person gets the same answer.
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var person = await platform.RegisterAsync(office, platform.A1, "参数探测");
        var unregistered = Candidates(person.IdNumber, 3).Where(c => c != person.IdNumber).Take(2).ToList();
        var callers = new (string Who, HttpClient Client)[]
        {
            ("program office", office),
            ("county admin", await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + RegistryPlatformFixture.CountyA)),
            ("integrator", await FeedClientAsync(platform, FeedScopes.Registry, FeedScopes.Organizations, FeedScopes.Credits)),
        };

        var operations = await GetOperationsAsync();
        Assert.Contains(operations, o => o.Path == "/api/registry/professionals" && o.Parameters.Contains("idNumber"));
        Assert.Contains(operations, o => o.Path == "/api/registry/professionals/export");
        var checkedParameters = 0;
        foreach (var (path, parameters) in operations)
        {
            var url = Fill(path, person.Id);
            if (url is null)
            {
                continue;
            }

            foreach (var parameter in parameters)
            {
                foreach (var (who, client) in callers)
                {
                    var registered = await AnswerAsync(client, url, parameter, person.IdNumber);
                    var first = await AnswerAsync(client, url, parameter, unregistered[0]);
                    var second = await AnswerAsync(client, url, parameter, unregistered[1]);
                    var what = $"{who}: GET {path}?{parameter}=";
                    Assert.False(registered.Body.Contains(person.IdNumber, StringComparison.OrdinalIgnoreCase), what + " shows the number");
                    Assert.True(registered.Status == first.Status, $"{what} {registered.Status} for the registered number, {first.Status} for another");
                    if (first.Body == second.Body)
                    {
                        // Deterministic answers must not differ either (a count, an item, an error).
                        Assert.True(registered.Body == first.Body, $"{what} answers differ:\n{registered.Body}\n{first.Body}");
                    }

                    checkedParameters++;
                }
            }
        }

        Assert.True(checkedParameters > 100, checkedParameters.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task No_OData_property_of_any_feed_can_be_filtered_on_to_confirm_a_number()
    {
        // Every entity set of every OData route, every string property: "= the number" and "contains the number" find
        // nothing more for a registered number than for an unregistered one of the same masked form.
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var person = await platform.RegisterAsync(office, platform.A1, "筛选探测");
        var unregistered = Candidates(person.IdNumber, 2).First(c => c != person.IdNumber);
        var feed = await FeedClientAsync(platform, FeedScopes.Registry, FeedScopes.Organizations, FeedScopes.Credits);
        var anonymous = platform.Factory.CreateClient();
        var modules = platform.Factory.Services.GetRequiredService<ModuleRegistry>();
        var filtered = 0;
        foreach (var route in new[] { "/odata" }.Concat(modules.EnabledKeys.Select(k => "/odata/" + k)))
        {
            using var metadataResponse = await anonymous.GetAsync(new Uri(route + "/$metadata", UriKind.Relative));
            if (metadataResponse.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            var metadata = System.Xml.Linq.XDocument.Parse(await metadataResponse.Content.ReadAsStringAsync());
            var types = metadata.Descendants().Where(e => e.Name.LocalName == "EntityType").ToDictionary(e => e.Attribute("Name")!.Value);
            foreach (var set in metadata.Descendants().Where(e => e.Name.LocalName == "EntitySet"))
            {
                var type = types[set.Attribute("EntityType")!.Value.Split('.')[^1]];
                var properties = type.Elements().Where(e => e.Name.LocalName == "Property" && e.Attribute("Type")?.Value == "Edm.String").Select(e => e.Attribute("Name")!.Value);
                Assert.DoesNotContain(properties, p => p.Contains("Hash", StringComparison.Ordinal) || p.Contains("Cipher", StringComparison.Ordinal) || p is "IdNumber" or "BirthDate");
                foreach (var property in properties)
                {
                    foreach (var client in new[] { office, feed })
                    {
                        foreach (var filter in new[] { $"{property} eq '{{0}}'", $"contains({property},'{{0}}')" })
                        {
                            var url = $"{route}/{set.Attribute("Name")!.Value}?$count=true&$filter=";
                            using var registered = await client.GetAsync(new Uri(url + Uri.EscapeDataString(string.Format(CultureInfo.InvariantCulture, filter, person.IdNumber)), UriKind.Relative));
                            using var other = await client.GetAsync(new Uri(url + Uri.EscapeDataString(string.Format(CultureInfo.InvariantCulture, filter, unregistered)), UriKind.Relative));
                            var (a, b) = (await registered.Content.ReadAsStringAsync(), await other.Content.ReadAsStringAsync());
                            Assert.True(registered.StatusCode == other.StatusCode, $"{url}{filter}: {registered.StatusCode} / {other.StatusCode}");
                            Assert.True(Normalize(a) == Normalize(b), $"{url}{filter}:\n{a}\n{b}");
                            filtered++;
                        }
                    }
                }
            }
        }

        Assert.True(filtered > 50, filtered.ToString(CultureInfo.InvariantCulture));
    }

    // Valid numbers with the person's masked form: the same first four and last four characters (the check character
    // prunes the rest), issued in Jining in the person's birth year — what the probe enumerated. The real one first.
    private static List<string> Candidates(string idNumber, int count)
    {
        var year = int.Parse(idNumber[6..10], CultureInfo.InvariantCulture);
        var list = new List<string> { idNumber };
        for (var day = new DateOnly(year, 1, 1); day.Year == year && list.Count < count; day = day.AddDays(1))
        {
            foreach (var division in Divisions)
            {
                var first17 = division + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + idNumber[14..17];
                var candidate = first17 + ResidentIdNumber.CheckCharacterOf(first17);
                if (candidate[^1] == idNumber[^1] && candidate != idNumber && list.Count < count)
                {
                    list.Add(candidate);
                }
            }
        }

        return list;
    }

    private static string IdNumberLookupsDescribe(Person person) =>
        "masked=" + person.View.IdNumberMasked;

    // The answer without what differs between any two requests: the trace id, and clock times (a report's "generated
    // at 11:09" and the next request's "11:10" say nothing about the number asked for).
    private static string Normalize(string body)
    {
        string text;
        try
        {
            var node = JsonNode.Parse(body);
            if (node is JsonObject json)
            {
                json.Remove("traceId");
            }

            text = node?.ToJsonString() ?? "";
        }
        catch (JsonException)
        {
            text = body;
        }

        return ClockTime().Replace(text, "hh:mm");
    }

    [GeneratedRegex(@"\b\d{2}:\d{2}(:\d{2}(\.\d+)?)?")]
    private static partial Regex ClockTime();

    private static async Task<(HttpStatusCode Status, string Body)> AnswerAsync(HttpClient client, string url, string parameter, string value)
    {
        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        using var response = await client.GetAsync(new Uri($"{url}{separator}{parameter}={Uri.EscapeDataString(value)}", UriKind.Relative));
        var media = response.Content.Headers.ContentType?.MediaType ?? "";
        if (media.Contains("json", StringComparison.Ordinal) || media.StartsWith("text/", StringComparison.Ordinal))
        {
            return (response.StatusCode, Normalize(await response.Content.ReadAsStringAsync()));
        }

        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (media.Contains("spreadsheetml", StringComparison.Ordinal))
        {
            // A workbook by its cells (the package itself carries a timestamp).
            await using var sheet = new MemoryStream(bytes);
            return (response.StatusCode, Normalize(media + ":" + JsonSerializer.Serialize(MiniExcelLibs.MiniExcel.Query(sheet).Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(v => v?.ToString())))));
        }

        return (response.StatusCode, $"{media}:{bytes.Length}");
    }

    // The documented GET operations and their query parameters (the OpenAPI document of the running host).
    private async Task<List<(string Path, List<string> Parameters)>> GetOperationsAsync()
    {
        var document = await platform.Factory.CreateClient().GetJsonAsync("/openapi/v1.json");
        var operations = new List<(string, List<string>)>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out var get))
            {
                continue;
            }

            var parameters = get.TryGetProperty("parameters", out var list)
                ? list.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList()
                : [];

            // Also a parameter nobody documents: an endpoint must not quietly honour one.
            parameters.Add("idNumber");
            operations.Add((path.Name, parameters.Distinct(StringComparer.Ordinal).ToList()));
        }

        return operations;
    }

    // The path with its route values: ids are the person's (a professional-shaped route), years a year; long-polling
    // and routes of other kinds are left out.
    private static string? Fill(string path, Guid personId)
    {
        if (path.Contains("/imports/", StringComparison.Ordinal) || path.Contains("verify", StringComparison.Ordinal))
        {
            return null;
        }

        var url = path;
        foreach (var segment in path.Split('/').Where(s => s.StartsWith('{')))
        {
            var name = segment.Trim('{', '}').Split(':')[0];
            string? value = name switch
            {
                "id" when path.StartsWith("/api/registry/professionals", StringComparison.Ordinal) || path.StartsWith("/api/professionals", StringComparison.Ordinal) => personId.ToString("D"),
                "year" => "2025",
                _ => null,
            };
            if (value is null)
            {
                return null;
            }

            url = url.Replace(segment, value, StringComparison.Ordinal);
        }

        return url;
    }

    private Task<List<AuditRecord>> LookupAuditsAsync(string masked) =>
        platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.Action == AuditActions.PersonalDataSearched && r.Details!.Contains("masked=" + masked))
            .OrderBy(r => r.Sequence)
            .ToListAsync());

    // A training provider of the fixture with an approved record of the person from one of its classes (so its staff
    // see the person as their trainee); returns the provider's code.
    private async Task<string> ProviderWithTraineeAsync(Guid professionalId)
    {
        var code = UnifiedSocialCreditCode.Generate('1', '2', RegistryPlatformFixture.CountyA, new Random(professionalId.GetHashCode()).Next).Value;
        await platform.QueryAsync(async db =>
        {
            var parent = await db.Organizations.Where(o => o.Code == "CB-" + RegistryPlatformFixture.CountyA).Select(o => o.Id).SingleAsync();
            var provider = new TrainingProvider { Code = code, Name = "登记测试培训机构", RegionCode = RegistryPlatformFixture.CountyA, Kind = ProviderKind.Enterprise, ParentId = parent, CreatedAt = DateTime.UtcNow };
            db.TrainingProviders.Add(provider);
            var person = await db.Professionals.SingleAsync(p => p.Id == professionalId);
            var record = new CreditRecord
            {
                ProfessionalId = professionalId,
                Date = new DateOnly(2025, 6, 30),
                CreditYear = 2025,
                Category = CreditCategory.Professional,
                Activity = ActivityType.ClassroomTraining,
                Hours = CreditHours.FromHours(8m),
                EnteredAmount = 8m,
                Title = "登记测试学时",
                Source = RecordSource.ProviderClass,
                ProviderId = provider.Id,
                RecordedAt = DateTime.UtcNow,
                RegionCode = person.RegionCode,
                DepartmentCode = person.DepartmentCode,
                EmployerId = person.EmployerId,
            };
            record.Approve(LedgerActor.System, DateTime.UtcNow);
            db.CreditRecords.Add(record);
            return await db.SaveChangesAsync();
        });
        return code;
    }

    // An integrator client granted the given feeds, with a bearer token (client credentials).
    internal static async Task<HttpClient> FeedClientAsync(RegistryPlatformFixture platform, params string[] feeds)
    {
        var clientId = "rg-look-" + Guid.NewGuid().ToString("N")[..8];
        const string secret = "registry-lookup-secret-0123456789";
        using (var scope = platform.Factory.Services.CreateSystemScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = clientId,
                ClientSecret = secret,
                ClientType = OpenIddictConstants.ClientTypes.Confidential,
                DisplayName = "登记测试集成方",
                Permissions = { OpenIddictConstants.Permissions.Endpoints.Token, OpenIddictConstants.Permissions.GrantTypes.ClientCredentials },
            };
            foreach (var feed in feeds)
            {
                descriptor.Permissions.Add(OpenIddictConstants.Permissions.Prefixes.Scope + feed);
            }

            await applications.CreateAsync(descriptor);
        }

        using var anonymous = platform.Factory.CreateClient();
        using var response = await anonymous.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = string.Join(' ', feeds),
        }));
        var token = await response.ReadAsAsync<TokenAnswer>(HttpStatusCode.OK, "client token");
        var client = platform.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }
}
