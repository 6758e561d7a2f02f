using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Kernel.Identifiers;

namespace KnowledgeRenewal.IntegrationTests.Identity.Matrix;

/// <summary>
/// The registry's part of the matrix: two training providers (MX-P1 in 任城区 health, MX-P2 in 邹城市 education; real
/// <see cref="TrainingProvider"/> rows) with a base designation each, two employers (MX-E1 in 任城区 health, MX-E2 in
/// 邹城市 education; real <see cref="Employer"/> rows), and a professional at each employer stored as the registry
/// stores people (encrypted, hashed, masked), with an employment.
/// </summary>
internal sealed class RegistryMatrixSeed : IMatrixSeed
{
    /// <inheritdoc/>
    public IReadOnlyCollection<string> PersonMarkers { get; } = ["person", "person-id", "idmask", "phonemask", "employment-id"];

    /// <inheritdoc/>
    public IReadOnlyCollection<string> RecordMarkers { get; } = [];

    /// <inheritdoc/>
    public Task SeedAsync(MatrixPlatform matrix) => matrix.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PlatformDbContext>();
        var bureauA = matrix.Organizations["CB-" + MatrixPlatform.CountyA];
        var bureauB = matrix.Organizations["CB-" + MatrixPlatform.CountyB];
        var p1 = Add(matrix, db, new TrainingProvider { Code = "MX-P1", Name = "矩阵测试施教机构甲", RegionCode = MatrixPlatform.CountyA, DepartmentCode = Departments.Health, Kind = ProviderKind.University }, bureauA);
        var p2 = Add(matrix, db, new TrainingProvider { Code = "MX-P2", Name = "矩阵测试施教机构乙", RegionCode = MatrixPlatform.CountyB, DepartmentCode = Departments.Education, Kind = ProviderKind.Association }, bureauB);
        var e1 = Add(matrix, db, new Employer { Code = "MX-E1", Name = "矩阵测试用人单位甲", RegionCode = MatrixPlatform.CountyA, DepartmentCode = Departments.Health, Ownership = Ownership.Public }, bureauA);
        var e2 = Add(matrix, db, new Employer { Code = "MX-E2", Name = "矩阵测试用人单位乙", RegionCode = MatrixPlatform.CountyB, DepartmentCode = Departments.Education, Ownership = Ownership.NonPublic }, bureauB);
        var base1 = new EducationBase { Name = "矩阵测试基地甲", OrganizationId = p1, Level = BaseLevel.Municipal, DesignatedOn = new DateOnly(2023, 9, 1) };
        var base2 = new EducationBase { Name = "矩阵测试基地乙", OrganizationId = p2, Level = BaseLevel.Provincial, DesignatedOn = new DateOnly(2023, 9, 1) };
        db.EducationBases.AddRange(base1, base2);
        matrix.Markers["base MX-P1"] = base1.Name;
        matrix.Markers["base MX-P2"] = base2.Name;
        matrix.Markers["base-id MX-P2"] = base2.Id.ToString();
        AddPerson(matrix, services, db, new FixtureEmployer(e1, "MX-E1", "矩阵测试用人单位甲", MatrixPlatform.CountyA, Departments.Health), "矩阵测试人员甲", "37081119850615123", "13800001111");
        AddPerson(matrix, services, db, new FixtureEmployer(e2, "MX-E2", "矩阵测试用人单位乙", MatrixPlatform.CountyB, Departments.Education), "矩阵测试人员乙", "37088319900220234", "13900002222");
        await db.SaveChangesAsync();
        foreach (var code in new[] { "MX-P1", "MX-P2", "MX-E1", "MX-E2" })
        {
            matrix.Markers["org " + code] = matrix.Organizations[code].ToString();
            matrix.Markers["code " + code] = code;
        }
    });

    private static Guid Add(MatrixPlatform matrix, PlatformDbContext db, Organization organization, Guid parent)
    {
        organization.ParentId = parent;
        organization.CreatedAt = DateTime.UtcNow;
        db.Organizations.Add(organization);
        matrix.Organizations[organization.Code] = organization.Id;
        return organization.Id;
    }

    // A professional at a fixture employer, stored as the registry stores them, with an employment; its markers are
    // named by the employer's code.
    private static void AddPerson(MatrixPlatform matrix, IServiceProvider services, PlatformDbContext db, FixtureEmployer employer, string name, string first17, string phone)
    {
        var text = first17 + ResidentIdNumber.CheckCharacterOf(first17);
        var (professional, employment) = FixtureRegistry.AddProfessional(
            services, db, employer, text, name, phone: phone, titleSeries: "卫生技术", employedSince: new DateOnly(2015, 9, 1));
        var code = employer.Code;
        matrix.Markers["person " + code] = name;
        matrix.Markers["person-id " + code] = professional.Id.ToString();
        matrix.Markers["idmask " + code] = professional.IdNumberMasked;
        matrix.Markers["phonemask " + code] = MobileNumber.Mask(phone);
        matrix.Markers["employment-id " + code] = employment!.Id.ToString();
        matrix.Plaintext["plaintext ID " + code] = text;
        matrix.Plaintext["plaintext phone " + code] = phone;
    }
}
