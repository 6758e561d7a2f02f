using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Bases;

/// <summary>Settings of base supervision (<c>Supervision:Bases</c>).</summary>
public sealed class BaseSupervisionOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Supervision:Bases";

    /// <summary>People a base trains at least a year (the seed: 1,000).</summary>
    public int TraineeFloor { get; set; } = 1000;

    /// <summary>Years a designation lasts.</summary>
    public int DesignationYears { get; set; } = 3;
}

/// <summary>Who does what with bases (pages and endpoints use the same lists).</summary>
public static class BaseAccess
{
    /// <summary>Read bases, their designations, history and scorecards (each within the base registry's scope: a provider its own base).</summary>
    public static readonly string[] Readers = [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin, PlatformRoles.ProviderStaff];

    /// <summary>Change a base's status, assess it, edit the assessment method, record cooperation.</summary>
    public static readonly string[] Office = [PlatformRoles.ProgramOfficeAdmin];

    /// <summary>Rate a class they attended.</summary>
    public static readonly string[] Raters = [PlatformRoles.Professional];

    /// <summary>Read evaluation aggregates and comments of classes (a provider its own classes).</summary>
    public static readonly string[] EvaluationReaders = [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin, PlatformRoles.ProviderStaff];

    /// <summary>The comma list for <c>[Authorize(Roles = …)]</c>.</summary>
    public const string ReaderRoles = PlatformRoles.ProgramOfficeAdmin + "," + PlatformRoles.CountyAdmin + "," + PlatformRoles.DepartmentAdmin + "," + PlatformRoles.ProviderStaff;

    /// <summary>The comma list of the program office.</summary>
    public const string OfficeRoles = PlatformRoles.ProgramOfficeAdmin;

    /// <summary>The base within the caller's scope (Registry's scope filter), or 404.</summary>
    public static async Task<EducationBase> VisibleAsync(PlatformDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.EducationBases.AsNoTracking().Include(b => b.Organization).FirstOrDefaultAsync(b => b.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("继续教育基地", id);
}

/// <summary>Problem codes of base supervision.</summary>
public static class BaseProblemCodes
{
    /// <summary>The status change is not allowed from the current status.</summary>
    public const string StatusNotAllowed = "supervision.base_status_not_allowed";

    /// <summary>No assessment method has been set.</summary>
    public const string NoMethod = "supervision.assessment_method_missing";

    /// <summary>The class cannot be rated by the caller.</summary>
    public const string NotRatable = "supervision.evaluation_not_allowed";

    /// <summary>The caller rated the class already.</summary>
    public const string AlreadyRated = "supervision.evaluation_exists";

    /// <summary>The year is outside the program.</summary>
    public const string YearOutside = "supervision.year_outside_program";
}
