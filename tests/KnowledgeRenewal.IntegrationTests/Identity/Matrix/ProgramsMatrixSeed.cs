using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Registry.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Identity.Matrix;

/// <summary>
/// Programs' part of the matrix: MX-P1's project application awaiting its county's recommendation; MX-P2's under
/// review with an expert's score and a comment in its history; MX-P2's project in public notice with an objection (whose
/// contact only the program office may see); and a digital-engineer training of the MX-E2 person by an unmarked
/// training institution, its training-qualified certificate and a subsidy claim on it.
/// </summary>
internal sealed class ProgramsMatrixSeed : IMatrixSeed
{
    /// <summary>The objection's contact phone: no caller but the program office may see it.</summary>
    public const string ObjectionPhone = "13655554444";

    /// <inheritdoc/>
    public IReadOnlyCollection<string> PersonMarkers { get; } = ["digital-training-id", "digital-cert", "digital-cert-id", "digital-claim-id"];

    /// <inheritdoc/>
    public IReadOnlyCollection<string> RecordMarkers { get; } = [];

    /// <inheritdoc/>
    public Task SeedAsync(MatrixPlatform matrix) => matrix.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PlatformDbContext>();
        AddProjects(matrix, db);
        await db.SaveChangesAsync();
        await AddDigitalEngineerAsync(matrix, db, "MX-E2");
    });

    private static void AddProjects(MatrixPlatform matrix, PlatformDbContext db)
    {
        var now = DateTime.UtcNow;
        Project New(string number, string title, string provider, string region, string department, string recommender, ProjectStatus status) => new()
        {
            Number = number,
            Title = title,
            Type = ProjectType.AdvancedSeminar,
            Status = status,
            ApplicantOrganizationId = matrix.Organizations[provider],
            RecommenderOrganizationId = matrix.Organizations[recommender],
            ProviderId = matrix.Organizations[provider],
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

        var (bureauA, bureauB) = ("CB-" + MatrixPlatform.CountyA, "CB-" + MatrixPlatform.CountyB);
        var first = New("XM2026-M0001", "矩阵测试项目甲", "MX-P1", MatrixPlatform.CountyA, Departments.Health, bureauA, ProjectStatus.Submitted);
        var second = New("XM2026-M0002", "矩阵测试项目乙", "MX-P2", MatrixPlatform.CountyB, Departments.Education, bureauB, ProjectStatus.UnderReview);
        var notice = New("XM2026-M0003", "矩阵测试公示项目", "MX-P2", MatrixPlatform.CountyB, Departments.Education, bureauB, ProjectStatus.PublicNotice);
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
        matrix.Markers["project MX-P1"] = first.Title;
        matrix.Markers["project-id MX-P1"] = first.Id.ToString();
        matrix.Markers["project MX-P2"] = second.Title;
        matrix.Markers["project-id MX-P2"] = second.Id.ToString();
        matrix.Markers["project-comment MX-P2"] = step.Comment;
        matrix.Markers["project-expert MX-P2"] = step.ExpertName;
        matrix.Markers["project-step-id MX-P2"] = step.Id.ToString();
        matrix.NoticeProjectId = notice.Id;
        matrix.ObjectionId = objection.Id;
    }

    // A digital-engineer training of the fixture person at <paramref name="code"/> by an unmarked training
    // institution, its training-qualified certificate and a subsidy claim on it.
    private static async Task AddDigitalEngineerAsync(MatrixPlatform matrix, PlatformDbContext db, string code)
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
        var id = Guid.Parse(matrix.Markers["person-id " + code]);
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
        matrix.Markers["digital-training-id " + code] = training.Id.ToString();
        matrix.Markers["digital-cert " + code] = certificate.Number;
        matrix.Markers["digital-cert-id " + code] = certificate.Id.ToString();
        matrix.Markers["digital-claim-id " + code] = claim.Id.ToString();
    }
}
