using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace KnowledgeRenewal.IntegrationTests.Registry;

/// <summary>
/// Personal data is masked in every answer of every registry endpoint and feed — REST, OData with <c>$select=*</c>,
/// <c>$expand</c>, <c>$apply</c> and <c>$batch</c> — and the OData model does not contain the ID number's ciphertext
/// or hash at all, so it cannot be selected, filtered, ordered or grouped on. The database holds no plaintext ID number.
/// </summary>
[Collection(RegistryPlatform.Name)]
public sealed class MaskingTests(RegistryPlatformFixture platform)
{
    [Fact]
    public async Task No_registry_answer_contains_a_plaintext_ID_number_or_phone()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var people = new[]
        {
            await platform.RegisterAsync(office, platform.A1, "掩码甲"),
            await platform.RegisterAsync(office, platform.B2, "掩码乙"),
        };
        var feed = await FeedClientAsync();
        var answers = new List<(string What, string Body)>
        {
            ("register", people[0].View.Json.GetRawText()),
            ("register", people[1].View.Json.GetRawText()),
        };

        var urls = new List<string>
        {
            "/api/registry/professionals?pageSize=100",
            "/api/registry/professionals?name=掩码",
            "/odata/Professionals?$top=1000",
            "/odata/Professionals?$select=*&$top=1000",
            "/odata/Professionals?$expand=*&$top=1000",
            "/odata/Professionals?$select=*&$expand=Employments&$top=1000",
            "/odata/Professionals?$apply=groupby((Name,IdNumberMasked,PhoneMasked),aggregate($count as Count))",
            "/odata/Professionals?$apply=groupby((RegionCode,TitleLevel),aggregate($count as Count))",
            "/odata/Professionals?$filter=contains(Name,'掩码')&$count=true",
            "/odata/Employments?$expand=*&$top=1000",
            "/odata/Employers?$expand=*&$top=1000",
        };
        foreach (var person in people)
        {
            urls.Add($"/api/registry/professionals/{person.Id}");
            urls.Add($"/api/registry/professionals/{person.Id}/employments");
            urls.Add($"/odata/Professionals({person.Id})?$expand=*");
            urls.Add($"/odata/Professionals({person.Id})?$select=*");
        }

        foreach (var client in new[] { office, feed })
        {
            foreach (var url in urls)
            {
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
                answers.Add((url, body));
            }

            var batch = "{\"requests\":[" + string.Join(",", new[] { "Professionals?$expand=*", "Employments?$expand=*", "Professionals?$select=*" }
                .Select((u, i) => $"{{\"id\":\"{i + 1}\",\"method\":\"GET\",\"url\":\"{u}\"}}")) + "]}";
            using var batchResponse = await client.PostAsync(new Uri("/odata/$batch", UriKind.Relative), new StringContent(batch, Encoding.UTF8, "application/json"));
            answers.Add(("$batch", await batchResponse.Content.ReadAsStringAsync()));
        }

        // A look-up by the full number: refused to the unentitled (403), masked for the entitled.
        using var permitted = await platform.PermittedClientAsync(PlatformRoles.ProgramOfficeAdmin, "PO");
        foreach (var person in people)
        {
            var lookup = $"/api/registry/professionals?idNumber={person.IdNumber}&purpose=掩码核对测试";
            foreach (var client in new[] { office, feed })
            {
                using var refused = await client.GetAsync(new Uri(lookup, UriKind.Relative));
                answers.Add((lookup, (await refused.AssertProblemAsync(HttpStatusCode.Forbidden, "personal_data.lookup_forbidden")).Json.GetRawText()));
            }

            using var found = await permitted.GetAsync(new Uri(lookup, UriKind.Relative));
            answers.Add((lookup, (await found.ReadJsonAsync(HttpStatusCode.OK, "entitled look-up")).GetRawText()));
        }

        // Updates answer with the record too.
        using (var update = await RegistryPlatformFixture.SendAsync(office, HttpMethod.Put, $"/api/registry/professionals/{people[0].Id}",
            new { name = "掩码甲", phone = people[0].Phone, education = "本科" }, people[0].ETag))
        {
            answers.Add(("update", await update.ReadJsonAsync(HttpStatusCode.OK, "update") is var json ? json.GetRawText() : ""));
        }

        Assert.Contains(answers, a => a.Body.Contains(people[0].View.IdNumberMasked, StringComparison.Ordinal));
        foreach (var (what, body) in answers)
        {
            foreach (var person in people)
            {
                Assert.False(body.Contains(person.IdNumber, StringComparison.OrdinalIgnoreCase), $"{what} shows an ID number");
                Assert.False(body.Contains(person.IdNumber[6..14] , StringComparison.Ordinal), $"{what} shows a birth date that unmasks the ID number");
                Assert.False(body.Contains(person.Phone, StringComparison.Ordinal), $"{what} shows a phone number");
            }

            foreach (var secret in new[] { "IdNumberHash", "IdNumberCipher", "PhoneCipher", "ConcurrencyStamp", "UserId" })
            {
                Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{what} shows {secret}");
            }
        }
    }

    [Fact]
    public async Task The_OData_model_has_no_ciphertext_hash_or_account_link_so_they_cannot_be_queried()
    {
        var metadata = await platform.Factory.CreateClient().GetStringAsync(new Uri("/odata/$metadata", UriKind.Relative));
        var professional = metadata[metadata.IndexOf("<EntityType Name=\"Professional\"", StringComparison.Ordinal)..];
        professional = professional[..professional.IndexOf("</EntityType>", StringComparison.Ordinal)];
        Assert.Contains("IdNumberMasked", professional, StringComparison.Ordinal);
        foreach (var hidden in new[] { "IdNumberHash", "IdNumberCipher", "PhoneCipher", "UserId", "ConcurrencyStamp", "BirthDate" })
        {
            Assert.DoesNotContain(hidden, professional, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Cipher", metadata, StringComparison.Ordinal);
        Assert.DoesNotContain("IdNumberHash", metadata, StringComparison.Ordinal);

        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        foreach (var query in new[]
        {
            "$filter=IdNumberCipher ne null",
            "$filter=IdNumberHash eq 'x'",
            "$select=IdNumberHash",
            "$select=IdNumberCipher,Name",
            "$orderby=PhoneCipher",
            "$orderby=IdNumberHash",
            "$apply=groupby((IdNumberHash))",
            "$filter=UserId ne null",
            "$select=BirthDate",
        })
        {
            using var response = await office.GetAsync(new Uri("/odata/Professionals?" + query, UriKind.Relative));
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ODataInvalidQuery);
            Assert.NotNull(problem.Detail);
        }
    }

    [Fact]
    public async Task A_raw_read_of_the_database_shows_no_plaintext_ID_number_or_phone()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var person = await platform.RegisterAsync(office, platform.A1, "原始读取");

        var text = await platform.RawProfessionalsTextAsync();
        Assert.Contains(person.View.IdNumberMasked, text, StringComparison.Ordinal);
        Assert.DoesNotContain(person.IdNumber, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(person.Phone, text, StringComparison.Ordinal);

        if (platform.Database.Provider == "Sqlite")
        {
            // The database file itself (and its write-ahead log), byte for byte.
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(platform.Database.ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var memory = new MemoryStream();
                await stream.CopyToAsync(memory);
                var bytes = Encoding.Latin1.GetString(memory.ToArray());
                Assert.DoesNotContain(person.IdNumber, bytes, StringComparison.Ordinal);
                Assert.DoesNotContain(person.Phone, bytes, StringComparison.Ordinal);
            }
        }
    }

    // An integrator client granted the registry feed (read-only, masked).
    private async Task<HttpClient> FeedClientAsync()
    {
        var clientId = "rg-feed-" + Guid.NewGuid().ToString("N")[..8];
        const string secret = "registry-feed-secret-0123456789";
        using (var scope = platform.Factory.Services.CreateSystemScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            await applications.CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = clientId,
                ClientSecret = secret,
                ClientType = OpenIddictConstants.ClientTypes.Confidential,
                DisplayName = "登记测试集成方",
                Permissions =
                {
                    OpenIddictConstants.Permissions.Endpoints.Token,
                    OpenIddictConstants.Permissions.GrantTypes.ClientCredentials,
                    OpenIddictConstants.Permissions.Prefixes.Scope + FeedScopes.Registry,
                    OpenIddictConstants.Permissions.Prefixes.Scope + FeedScopes.Organizations,
                },
            });
        }

        using var anonymous = platform.Factory.CreateClient();
        using var response = await anonymous.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = FeedScopes.Registry + " " + FeedScopes.Organizations,
        }));
        var token = await response.ReadAsAsync<TokenAnswer>(HttpStatusCode.OK, "client token");
        var client = platform.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }
}
