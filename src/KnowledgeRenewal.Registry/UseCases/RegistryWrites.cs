using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.UseCases;

/// <summary>
/// Look-ups and saves the registry's writes share: the region and sector exist, a new organization's place in the
/// tree, a credit code free among all organizations (409), saving a new organization or a new version (412).
/// </summary>
internal static class RegistryWrites
{
    /// <summary>400 unless the region exists and the sector (when given) exists.</summary>
    public static async Task EnsureRegionAndSectorAsync(PlatformDbContext db, string regionCode, string? departmentCode, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (!await db.Regions.AnyAsync(r => r.Code == regionCode, cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new FieldError("regionCode", "region.not_found", $"所属区域代码“{regionCode}”不存在。"));
        }

        if (departmentCode is not null && !await db.Departments.AnyAsync(d => d.Code == departmentCode, cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new FieldError("departmentCode", "department.not_found", $"所属行业代码“{departmentCode}”不存在。"));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }

    /// <summary>The parent of a new organization in <paramref name="regionCode"/>: the region's county bureau, or the program office for city-level ones.</summary>
    public static async Task<Guid?> ParentForAsync(PlatformDbContext db, string regionCode, CancellationToken cancellationToken)
    {
        var organizations = db.Organizations.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]);
        var bureau = ProgramOrganizations.CountyBureauCode(regionCode);
        var parent = await organizations.Where(o => o.Code == bureau).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return parent ?? await organizations.Where(o => o.Code == ProgramOrganizations.ProgramOfficeCode).Select(o => (Guid?)o.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>409 when any organization — visible to the caller or not — has the credit code.</summary>
    public static async Task EnsureCreditCodeFreeAsync(PlatformDbContext db, UnifiedSocialCreditCode code, CancellationToken cancellationToken)
    {
        if (await IsTakenAsync(db, code, cancellationToken).ConfigureAwait(false))
        {
            throw CreditCodeTaken();
        }
    }

    /// <summary>Saves a new organization; a concurrent registration of the same code is a 409, not a 500.</summary>
    public static async Task SaveNewOrganizationAsync(PlatformDbContext db, UnifiedSocialCreditCode code, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await IsTakenAsync(db, code, cancellationToken).ConfigureAwait(false))
            {
                throw CreditCodeTaken();
            }

            throw;
        }
    }

    /// <summary>Saves a change whose concurrency token was set to the stamp the client read; a conflict is a 412.</summary>
    public static async Task SaveVersionAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Preconditions.Stale();
        }
    }

    private static Task<bool> IsTakenAsync(PlatformDbContext db, UnifiedSocialCreditCode code, CancellationToken cancellationToken) =>
        db.Organizations.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AnyAsync(o => o.Code == code.Value, cancellationToken);

    private static PlatformException CreditCodeTaken() => new(
        RegistryProblemCodes.CreditCodeDuplicate,
        StatusCodes.Status409Conflict,
        "数据冲突",
        "该统一社会信用代码已登记，同一单位只能登记一次。",
        [new FieldError("creditCode", RegistryProblemCodes.CreditCodeDuplicate, "该统一社会信用代码已登记。")]);
}
