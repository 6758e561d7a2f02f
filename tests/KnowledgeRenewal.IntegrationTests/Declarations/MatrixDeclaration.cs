using System.Security.Cryptography;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Declarations;

/// <summary>
/// A pending declaration (with its pending credit record and one PDF) of a fixture person, written as the platform, for
/// the authorization matrix: its title, id and evidence file id are markers only the person's viewers may see.
/// </summary>
public static class MatrixDeclaration
{
    /// <summary>Adds the declaration; returns its id and its evidence file's id.</summary>
    public static async Task<(Guid Id, Guid FileId)> AddAsync(PlatformFactory factory, Guid professionalId, string title)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var scope = factory.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var person = await db.Professionals.AsNoTracking().SingleAsync(p => p.Id == professionalId);
        var end = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10);
        var now = DateTime.UtcNow;
        var id = Guid.CreateVersion7();
        var record = new CreditRecord
        {
            ProfessionalId = person.Id,
            Date = end,
            CreditYear = end.Year,
            Category = CreditCategory.Professional,
            Activity = ActivityType.AcademicConference,
            Hours = CreditHours.FromHours(6m),
            EnteredAmount = 6m,
            EnteredUnit = CreditUnit.Hour,
            Title = title,
            Source = RecordSource.SelfDeclared,
            DeclarationId = id,
            RecordedByName = "mx.declarant",
            RecordedAt = now,
            RegionCode = person.RegionCode,
            DepartmentCode = person.DepartmentCode,
            EmployerId = person.EmployerId,
        };
        var content = DemoEvidence.Pdf(title.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var file = new EvidenceFile
        {
            DeclarationId = id,
            FileName = "参会证明.pdf",
            ContentType = EvidenceContent.Pdf,
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            UploadedAt = now,
        };
        var declaration = new ActivityDeclaration
        {
            Id = id,
            ProfessionalId = person.Id,
            Activity = ActivityType.AcademicConference,
            Title = title,
            Organizer = "矩阵测试学会",
            StartDate = end,
            EndDate = end,
            ClaimedAmount = 6m,
            Hours = CreditHours.FromHours(6m),
            CreditRecordId = record.Id,
            EmployerId = person.EmployerId,
            DepartmentCode = person.DepartmentCode,
            RegionCode = person.RegionCode,
            SubmittedAt = now,
        };
        declaration.Evidence.Add(file);
        db.CreditRecords.Add(record);
        db.ActivityDeclarations.Add(declaration);
        await db.SaveChangesAsync();
        return (id, file.Id);
    }
}
