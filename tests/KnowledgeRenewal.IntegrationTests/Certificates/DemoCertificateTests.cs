using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Registry.Demo;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.UseCases.Certificates;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Certificates;

/// <summary>The demo city's certificates: past years of a few hundred people, some of them superseded by corrections.</summary>
[Collection(SharedPlatform.Name)]
public sealed class DemoCertificateTests(PlatformFixture platform)
{
    [Fact]
    public async Task Demo_people_have_certificates_of_past_years_some_superseded_by_a_correction()
    {
        using var scope = platform.Factory.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var certificates = await db.CreditCertificates.AsNoTracking()
            .Select(c => new { c.Id, c.Number, c.ProfessionalId, c.Year, c.Version, c.Status, c.SupersededById, c.RecordsFingerprint, c.TotalHours })
            .ToListAsync();

        Assert.InRange(certificates.Select(c => c.ProfessionalId).Distinct().Count(), CertificateDemoSeeder.People - 10, CertificateDemoSeeder.People + 1);
        Assert.All(certificates, c => Assert.InRange(c.Year, CertificateDemoSeeder.FirstYear, DateTime.UtcNow.Year - 1));
        Assert.All(certificates, c => Assert.True(c.TotalHours.Hundredths > 0, c.Number));

        // Exactly one valid version per person-year; every superseded one points at the next version of its serial.
        Assert.All(certificates.GroupBy(c => (c.ProfessionalId, c.Year)), g => Assert.Single(g, c => c.Status == CertificateStatus.Valid));
        var byId = certificates.ToDictionary(c => c.Id);
        var superseded = certificates.Where(c => c.Status == CertificateStatus.Superseded).ToList();
        Assert.InRange(superseded.Count, 10, CertificateDemoSeeder.People);
        Assert.All(superseded, old =>
        {
            var next = byId[old.SupersededById!.Value];
            Assert.Equal(old.Version + 1, next.Version);
            Assert.Equal(old.Number[..^2], next.Number[..^2]);
            Assert.NotEqual(old.RecordsFingerprint, next.RecordsFingerprint);
        });

        // The demo professional has certificates, and one of them was corrected.
        var own = await db.Professionals.AsNoTracking().Where(p => p.Name == DemoRegistrySeeder.DemoProfessionalName && p.UserId != null).Select(p => p.Id).SingleAsync();
        Assert.Contains(certificates, c => c.ProfessionalId == own && c.Status == CertificateStatus.Superseded);

        // The corrections went through the ledger: the revoked records point at their replacements.
        var corrections = await db.CreditRecords.AsNoTracking().CountAsync(r => r.Status == CreditRecordStatus.Revoked && r.CorrectedByRecordId != null && r.ExternalReference!.StartsWith(CertificateDemoSeeder.MigrationReference));
        Assert.Equal(superseded.Count, corrections);
    }
}
