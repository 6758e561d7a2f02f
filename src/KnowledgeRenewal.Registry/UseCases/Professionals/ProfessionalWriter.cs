using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.UseCases.Professionals;

/// <summary>
/// What registration, changes and moves of professionals share: who may write (<see cref="RegistryWriters"/>), the
/// employer by credit code among those the caller may see, region and sector from the employer
/// (<see cref="ProfessionalOwnership"/>), and saving a new version against the entity tag the client read.
/// </summary>
internal static class ProfessionalWriter
{
    /// <summary>What the writes change, as the refusals name it.</summary>
    public const string What = "专业技术人员信息";

    /// <summary>403 unless the caller's role may register and change professionals.</summary>
    public static void EnsureWriter(ICurrentAccess access) => RegistryWriters.EnsureRole(access, RegistryWriters.ProfessionalWriters, What);

    /// <summary>Writers change records of their own region, sector or staff — never through "self" or a feed.</summary>
    public static void EnsureCanChange(ICurrentAccess access, Professional professional) =>
        RegistryWriters.EnsureInScope(access, professional.RegionCode, professional.DepartmentCode, professional.EmployerId, "只能修改本地区、本行业或本单位的专业技术人员信息。");

    /// <summary>The employer by credit code, among the employers the caller may see (the scope filter decides); 400 otherwise.</summary>
    public static async Task<Employer> FindEmployerAsync(PlatformDbContext db, UnifiedSocialCreditCode code, CancellationToken cancellationToken) =>
        await db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Code == code.Value, cancellationToken).ConfigureAwait(false)
        ?? throw new RequestValidationException([new FieldError("employerCreditCode", "employer.not_found", "未找到该统一社会信用代码对应的用人单位（或不在您的管理范围内），请核对代码或先登记用人单位。")]);

    /// <summary>
    /// Region and sector at <paramref name="employer"/> (<see cref="ProfessionalOwnership.Derive"/>); a stated value
    /// that contradicts it is a 400, and owners outside the caller's scope a 403 (<see cref="ProfessionalOwnership.Refusal"/>).
    /// </summary>
    public static async Task<ProfessionalOwners> OwnersAsync(
        PlatformDbContext db, ICurrentAccess access, Employer employer, string? statedRegion, string? statedDepartment, string? currentDepartment, CancellationToken cancellationToken)
    {
        var departments = employer.DepartmentCode is null
            ? (await db.Departments.AsNoTracking().Select(d => d.Code).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal)
            : [];
        var (owners, errors) = ProfessionalOwnership.Derive(employer.RegionCode, employer.DepartmentCode, statedRegion, statedDepartment, currentDepartment, departments.Contains);
        if (owners is null)
        {
            throw new RequestValidationException(errors);
        }

        return ProfessionalOwnership.MayRegister(access.Scope, owners, employer.Id) ? owners : throw ProfessionalOwnership.Refusal();
    }

    /// <summary>Compare-and-swap on the stamp the client read: a change committed in between fails in the database (412).</summary>
    public static async Task SaveNewVersionAsync(PlatformDbContext db, Professional professional, Guid read, DateTime now, CancellationToken cancellationToken)
    {
        db.Entry(professional).Property(p => p.ConcurrencyStamp).OriginalValue = read;
        professional.ConcurrencyStamp = Guid.NewGuid();
        professional.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Preconditions.Stale();
        }
    }
}
