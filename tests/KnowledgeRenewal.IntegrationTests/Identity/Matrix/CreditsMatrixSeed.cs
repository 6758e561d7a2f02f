using System.Globalization;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Certificates;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.IntegrationTests.Declarations;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Registry.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Identity.Matrix;

/// <summary>
/// Credit hours' part of the matrix: an approved credit record of each fixture person (MX-E1's entered by hand; MX-E2's
/// from a class of provider MX-P1, so MX-P1 may see MX-E2 as its trainee), a finished class of MX-P2 for 邹城市's
/// teachers, a certificate of each person (issued as the platform issues them) and a pending declaration of the MX-E2
/// person with its evidence.
/// </summary>
internal sealed class CreditsMatrixSeed : IMatrixSeed
{
    /// <summary>The year of the fixture people's certificates.</summary>
    public const string CertificateYear = "2024";

    /// <inheritdoc/>
    public IReadOnlyCollection<string> PersonMarkers { get; } = ["declaration", "declaration-id", "evidence-id", "certificate", "certificate-id"];

    /// <inheritdoc/>
    public IReadOnlyCollection<string> RecordMarkers { get; } = ["record", "record-id"];

    /// <inheritdoc/>
    public async Task SeedAsync(MatrixPlatform matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        await matrix.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PlatformDbContext>();
            AddRecord(matrix, db, "MX-E1", null, MatrixPlatform.CountyA, Departments.Health);
            AddRecord(matrix, db, "MX-E2", matrix.Organizations["MX-P1"], MatrixPlatform.CountyB, Departments.Education);
            await db.SaveChangesAsync();

            // A finished class of MX-P2 for 邹城市's teachers: only its provider, that county and sector, and the office see it.
            var trainingClass = new TrainingClass
            {
                ProviderId = matrix.Organizations["MX-P2"],
                Title = "矩阵测试班次乙",
                StartDate = new DateOnly(2025, 4, 1),
                EndDate = new DateOnly(2025, 4, 2),
                Hours = CreditHours.FromHours(16m),
                Category = CreditCategory.Professional,
                RegionCode = MatrixPlatform.CountyB,
                DepartmentCode = Departments.Education,
                Status = TrainingClassStatus.Finished,
                CreatedAt = DateTime.UtcNow,
            };
            db.TrainingClasses.Add(trainingClass);
            await db.SaveChangesAsync();
            matrix.Markers["class MX-P2"] = trainingClass.Title;
            matrix.Markers["class-id MX-P2"] = trainingClass.Id.ToString();

            await AddCertificateAsync(matrix, services, db, "MX-E1");
            await AddCertificateAsync(matrix, services, db, "MX-E2");
        });

        // A declaration of the MX-E2 person: its title, id and evidence are that person's data.
        var (declaration, evidence) = await MatrixDeclaration.AddAsync(matrix.Factory, Guid.Parse(matrix.Markers["person-id MX-E2"]), "矩阵测试申报乙");
        matrix.Markers["declaration MX-E2"] = "矩阵测试申报乙";
        matrix.Markers["declaration-id MX-E2"] = declaration.ToString();
        matrix.Markers["evidence-id MX-E2"] = evidence.ToString();
    }

    // An approved credit record of the fixture person at <paramref name="code"/>, with a title only it carries.
    private static void AddRecord(MatrixPlatform matrix, PlatformDbContext db, string code, Guid? provider, string region, string department)
    {
        var record = new CreditRecord
        {
            ProfessionalId = Guid.Parse(matrix.Markers["person-id " + code]),
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
            EmployerId = matrix.Organizations[code],
        };
        record.Approve(LedgerActor.System, DateTime.UtcNow);
        db.CreditRecords.Add(record);
        matrix.Markers["record " + code] = record.Title;
        matrix.Markers["record-id " + code] = record.Id.ToString();
    }

    // A credit-hour certificate of the fixture person (one approved record of the year), issued as the platform does.
    private static async Task AddCertificateAsync(MatrixPlatform matrix, IServiceProvider services, PlatformDbContext db, string code)
    {
        var id = Guid.Parse(matrix.Markers["person-id " + code]);
        var person = await db.Professionals.SingleAsync(p => p.Id == id);
        var year = int.Parse(CertificateYear, CultureInfo.InvariantCulture);
        var now = DateTime.UtcNow;
        db.CreditRecords.Add(new CreditRecord
        {
            ProfessionalId = person.Id,
            Date = new DateOnly(year, 6, 1),
            CreditYear = year,
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
        var personYear = new PersonYear(person.Id, year);
        var batch = await CertificateIssuer.LoadAsync(db, [personYear], default);
        var certificate = issuer.Issue(db, batch, personYear, LedgerActor.System.Name, requireRecords: true).Certificate;
        await db.SaveChangesAsync();
        matrix.Markers["certificate " + code] = certificate.Number;
        matrix.Markers["certificate-id " + code] = certificate.Id.ToString();
    }
}
