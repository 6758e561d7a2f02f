using System.Text.Json;
using KnowledgeRenewal.IntegrationTests.Certificates;
using KnowledgeRenewal.IntegrationTests.Import;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.IntegrationTests.Rosters;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.IntegrationTests.Reporting;

/// <summary>
/// 同等政策待遇 (seed 四(二)), walked: a staff member of a non-public employer goes through the main journeys — registered
/// by the employer's HR, on a provider's class roster, the approved hours on the transcript, compliance computed, the
/// year's certificate issued and verified by anyone — beside a public employer's staff member in the same class, and
/// every outcome is the same. The equal-treatment report then counts each on its own side.
/// </summary>
[Collection(CertificatePlatform.Name)]
public sealed class EqualTreatmentJourneyTests(CertificatePlatformFixture platform)
{
    private const int Year = 2026;
    private readonly FixtureRegistry registry = new(20261207);

    [Fact]
    public async Task A_non_public_employers_staff_member_gets_the_same_outcomes_as_a_public_employers()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (publicEmployer, privateEmployer, providerCode) = await platform.QueryAsync(async db =>
        {
            var bureaus = await FixtureRegistry.CountyBureausAsync(db);
            var pub = registry.AddEmployer(db, "同等待遇测试公立医院" + suffix, "370811", Departments.Health, bureaus);
            var priv = registry.AddEmployer(db, "同等待遇测试民营医院" + suffix, "370811", Departments.Health, bureaus);
            await db.SaveChangesAsync();
            await db.Employers.Where(e => e.Id == priv.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Ownership, Ownership.NonPublic));
            var provider = new TrainingProvider
            {
                Code = "EQ-P-" + suffix,
                Name = "同等待遇测试施教机构" + suffix,
                RegionCode = "370811",
                DepartmentCode = Departments.Health,
                Kind = ProviderKind.University,
                ParentId = bureaus["CB-370811"],
                CreatedAt = DateTime.UtcNow,
            };
            db.TrainingProviders.Add(provider);
            await db.SaveChangesAsync();
            return (pub, priv, provider.Code);
        });

        // Each employer's HR registers their own staff member.
        var publicHr = await platform.ClientAsync(PlatformRoles.EmployerHr, publicEmployer.Code);
        var privateHr = await platform.ClientAsync(PlatformRoles.EmployerHr, privateEmployer.Code);
        var publicPerson = await registry.RegisterAsync(publicHr, publicEmployer, "王公立");
        var privatePerson = await registry.RegisterAsync(privateHr, privateEmployer, "李民营");

        // Both attend the same class; its roster's records are approved.
        var provider = await platform.ClientAsync(PlatformRoles.ProviderStaff, providerCode);
        var classId = await RosterPlatform.FinishedClassAsync(provider, RosterPlatform.ClassBody(new DateOnly(Year, 6, 1), region: "370811"));
        var roster = ImportSheets.Csv(RosterPlatform.RosterHeader, [
            RosterPlatform.Row([publicPerson.IdNumber, "王公立"], 24m),
            RosterPlatform.Row([privatePerson.IdNumber, "李民营"], 24m),
        ]);
        var job = await provider.RosterAsync(classId, roster, "equal.csv");
        Assert.Equal("Completed", job.GetProperty("status").GetString());

        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var outcomes = new List<Outcome>();
        foreach (var (person, hr) in new[] { (publicPerson, publicHr), (privatePerson, privateHr) })
        {
            // The hours on the transcript, as the person's own employer reads it.
            var transcript = await hr.GetJsonAsync($"/api/professionals/{person.Id}/transcript");
            var year = transcript.GetProperty("years").EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == Year);
            var records = year.GetProperty("records").EnumerateArray().ToList();
            Assert.All(records, r => Assert.Equal("Approved", r.GetProperty("status").GetString()));

            // Compliance, as computed for the person.
            var compliance = await hr.GetJsonAsync($"/api/professionals/{person.Id}/compliance?year={Year}");
            var stored = compliance.GetProperty("stored");
            Assert.Equal(JsonValueKind.Object, stored.ValueKind);

            // The year's certificate, issued and verified by anyone.
            var certificate = await platform.IssueAsync(person.Id, Year, client: office);
            using var anonymous = platform.Anonymous();
            var verified = await anonymous.GetJsonAsync($"/api/public/certificates/{certificate.GetProperty("verificationCode").GetString()}");

            outcomes.Add(new Outcome(
                records.Count,
                year.GetProperty("totalHours").GetDecimal(),
                compliance.GetProperty("status").GetString()!,
                compliance.GetProperty("counted").GetProperty("hours").GetDecimal(),
                stored.GetProperty("status").GetString()!,
                certificate.GetProperty("totalHours").GetDecimal(),
                certificate.GetProperty("statusText").GetString()!,
                verified.GetProperty("validity").GetString()!));
        }

        Assert.Equal(new Outcome(1, 24m, outcomes[0].ComplianceStatus, outcomes[0].CountedHours, outcomes[0].ComplianceStatus, 24m, "有效", "有效"), outcomes[0]);
        Assert.True(outcomes[0].CountedHours > 0m, "the class hours did not count");
        Assert.Equal(outcomes[0], outcomes[1]);

        // The report counts each on its side: the non-public employer's person is among the non-public group's figures.
        var report = await office.GetJsonAsync($"/api/reports/equal-treatment?year={Year}");
        var nonPublic = report.GetProperty("nonPublic");
        Assert.True(nonPublic.GetProperty("participants").GetInt32() >= 1, report.GetRawText());
        Assert.True(nonPublic.GetProperty("certificatesIssued").GetInt32() >= 1, report.GetRawText());
        Assert.True(nonPublic.GetProperty("compliance").GetProperty("people").GetInt32() >= 1, report.GetRawText());
        Assert.True(report.GetProperty("public").GetProperty("participants").GetInt32() >= 1, report.GetRawText());
    }

    private sealed record Outcome(int Records, decimal TranscriptHours, string ComplianceStatus, decimal CountedHours, string StoredStatus, decimal CertificateHours, string CertificateStatus, string Verified);
}
