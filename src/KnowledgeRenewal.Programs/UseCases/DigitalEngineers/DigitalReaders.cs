using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>What the pipeline's use cases read besides their own rows: the catalog entry acted for, the person, the caller.</summary>
internal static class DigitalReaders
{
    /// <summary>The access-scope filter, lifted where a step reads by id what the caller does not see yet.</summary>
    public static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];

    /// <summary>A catalog entry with its fields and levels (the catalog is public: no filter), or null.</summary>
    public static Task<DigitalInstitution?> InstitutionAsync(PlatformDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.DigitalInstitutions.AsNoTracking().Include(i => i.Scopes).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    /// <summary>
    /// The person from the registry, by id (an institution may train anyone of the registry); only an active one
    /// unless <paramref name="activeOnly"/> is false; 422 when there is none.
    /// </summary>
    public static async Task<CertificateHolder> PersonAsync(PlatformDbContext db, Guid id, bool activeOnly, CancellationToken cancellationToken)
    {
        var person = await db.Professionals.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(p => p.Id == id && (!activeOnly || p.Status == ProfessionalStatus.Active))
            .Select(p => new CertificateHolder(p.Id, p.Name, p.IdNumberMasked, p.RegionCode, p.DepartmentCode))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return person ?? throw DigitalProblem.Unprocessable(
            DigitalEngineerProblemCodes.PersonNotFound,
            "学员不在人员库中",
            $"学员（professionalId）“{id:D}”不是人员库中在册的专业技术人员，请先在人员库中登记。");
    }

    /// <summary>The caller, as the pipeline's trail records them.</summary>
    public static DigitalActor Actor(ICurrentAccess access, IAuditActorProvider actors) => new(access.UserId, actors.Current.UserName ?? "unknown");
}
