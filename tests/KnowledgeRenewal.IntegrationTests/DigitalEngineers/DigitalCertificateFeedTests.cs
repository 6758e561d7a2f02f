using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Registry.Demo;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.DigitalEngineers;

/// <summary>
/// <c>/odata/DigitalCertificates</c> over the demo city: <c>$apply</c> counts by field, level, year and region add up
/// to the certificates in the database for the program office, a county gets its own region only, a person their own
/// certificates, and the feed carries no ID number; the demo data has every claim state and both kinds.
/// </summary>
[Collection(DigitalEngineerPlatform.Name)]
public sealed class DigitalCertificateFeedTests(DigitalEngineerPlatformFixture platform)
{
    [Fact]
    public async Task Apply_counts_by_field_level_year_and_region_add_up_to_the_stored_certificates()
    {
        var office = await platform.DemoClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var stored = await platform.QueryAsync(db => db.DigitalCertificates.AsNoTracking()
            .GroupBy(c => new { c.Field, c.Level, c.Year, c.RegionCode })
            .Select(g => new { g.Key.Field, g.Key.Level, g.Key.Year, g.Key.RegionCode, Count = g.Count() })
            .ToListAsync());
        var groups = await AllAsync(office, "/odata/DigitalCertificates?$apply=groupby((Field,Level,Year,RegionCode),aggregate($count as Count))");

        Assert.True(stored.Sum(s => s.Count) >= 300, $"demo certificates: {stored.Sum(s => s.Count)}");
        var fromFeed = groups.Select(g => (g.GetProperty("Field").GetString(), g.GetProperty("Level").GetString(), g.GetProperty("Year").GetInt32(), g.GetProperty("RegionCode").GetString(), g.GetProperty("Count").GetInt32()))
            .Order().ToList();
        var fromDatabase = stored.Select(s => ((string?)s.Field.ToString(), (string?)s.Level.ToString(), s.Year, (string?)s.RegionCode, s.Count)).Order().ToList();
        Assert.Equal(fromDatabase, fromFeed);

        // The grouping runs in the database: one statement over the certificates, grouped there.
        var sql = await platform.Factory.Sql.CaptureAsync(() => AllAsync(office, "/odata/DigitalCertificates?$apply=groupby((Field,Level),aggregate($count as Count))"));
        var statement = Assert.Single(sql, s => s.Contains("DigitalCertificates", StringComparison.Ordinal));
        Assert.Contains("GROUP BY", statement, StringComparison.Ordinal);

        var byLinkage = await AllAsync(office, "/odata/DigitalCertificates?$apply=filter(Kind eq 'ProfessionalLevel')/groupby((TitleLinkage),aggregate($count as Count))");
        Assert.Equal(["SeniorTitleReference", "TitleRecognition"], byLinkage.Select(g => g.GetProperty("TitleLinkage").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_county_counts_its_region_a_person_their_own_and_nobody_gets_id_numbers()
    {
        var county = await platform.DemoClientAsync(PlatformRoles.CountyAdmin);
        var groups = await AllAsync(county, "/odata/DigitalCertificates?$apply=groupby((RegionCode),aggregate($count as Count))");
        var expected = await platform.QueryAsync(db => db.DigitalCertificates.CountAsync(c => c.RegionCode == "370811"));
        Assert.True(expected > 0);
        Assert.Equal([("370811", expected)], groups.Select(g => (g.GetProperty("RegionCode").GetString(), g.GetProperty("Count").GetInt32())));

        var professional = await platform.DemoClientAsync(PlatformRoles.Professional);
        var own = await AllAsync(professional, "/odata/DigitalCertificates");
        var ownerIds = own.Select(c => c.GetProperty("ProfessionalId").GetGuid()).Distinct().ToList();
        Assert.Single(ownerIds);
        Assert.Equal(2, own.Count); // the demo professional's training and level certificates (大数据·中级)
        Assert.All(own, c => Assert.Contains("*", c.GetProperty("HolderNameMasked").GetString(), StringComparison.Ordinal));

        var metadata = await (await platform.Factory.CreateClient().GetAsync(new Uri("/odata/$metadata", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("Name=\"DigitalCertificates\"", metadata, StringComparison.Ordinal);
        Assert.DoesNotContain("HolderIdMasked", metadata, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_pipeline_has_every_claim_state_and_the_demo_professional_an_unclaimed_training_certificate()
    {
        var claims = await platform.QueryAsync(db => db.SubsidyClaims.AsNoTracking().Select(c => c.Status).ToListAsync());
        Assert.All(Enum.GetValues<SubsidyClaimStatus>(), s => Assert.Contains(s, claims));
        var kinds = await platform.QueryAsync(db => db.DigitalCertificates.AsNoTracking().Select(c => c.Kind).Distinct().ToListAsync());
        Assert.Equal(2, kinds.Count);

        var professional = await platform.DemoClientAsync(PlatformRoles.Professional);
        var certificates = await professional.GetJsonAsync("/api/digital-engineers/certificates");
        var training = certificates.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "TrainingQualified");
        Assert.True(training.GetProperty("subsidyEligible").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, training.GetProperty("subsidyClaimId").ValueKind);
        Assert.Contains(DemoAccounts.All, a => a.Role == PlatformRoles.Professional);
    }

    private static async Task<List<System.Text.Json.JsonElement>> AllAsync(HttpClient client, string url)
    {
        var rows = new List<System.Text.Json.JsonElement>();
        string? next = url;
        while (next is not null)
        {
            var page = await client.GetJsonAsync(next);
            rows.AddRange(page.GetProperty("value").EnumerateArray().Select(r => r.Clone()));
            next = page.TryGetProperty("@odata.nextLink", out var link) ? new Uri(link.GetString()!).PathAndQuery : null;
        }

        return rows;
    }
}
