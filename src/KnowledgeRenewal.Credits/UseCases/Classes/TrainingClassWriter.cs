using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Classes;

/// <summary>
/// What the class commands share: who may (the class's provider, the program office — <see cref="ClassWriters"/>),
/// the fields (<see cref="RosterClassRules.Validate"/>), the references a class names (provider, project, region,
/// sector, subject in the catalogs, the module's credit class), and optimistic concurrency.
/// </summary>
internal sealed class TrainingClassWriter(
    PlatformDbContext db,
    ICurrentAccess access,
    LedgerCatalog catalog,
    ModuleRegistry modules,
    TypeAdapterConfig mapping,
    TimeProvider clock)
{
    private const string What = "培训班次";
    private static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];

    /// <summary>Now (UTC).</summary>
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The caller's account.</summary>
    public Guid? UserId => access.UserId;

    /// <summary>403 unless the caller holds a role that runs classes.</summary>
    /// <remarks>
    /// The registry's write rule answers (<c>registry.write_forbidden</c>); it is called in the registry's use cases
    /// until the registry publishes it in its domain.
    /// </remarks>
    public void EnsureWriter() => RegistryWriters.EnsureRole(access, ClassWriters.Roles, What);

    /// <summary>The fields as the domain checked them (the validator refused bad ones before).</summary>
    public ValidTrainingClass Validated(TrainingClassInput? input)
    {
        var (valid, errors) = RosterClassRules.Validate(input ?? new TrainingClassInput(), ProgramCalendar.Today(clock));
        return valid ?? throw new RequestValidationException(errors);
    }

    /// <summary>The class (tracked) within the caller's scope (404), run by the caller (403), at the version the caller read (428/412).</summary>
    public async Task<(TrainingClass Entity, Guid Read)> LoadAsync(Guid id, string? ifMatch, CancellationToken cancellationToken)
    {
        var entity = await db.TrainingClasses.FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw TrainingClassViews.NotFound(id);
        ClassWriters.EnsureRunsClass(access, entity);
        return (entity, Preconditions.Require(ifMatch, entity.ConcurrencyStamp));
    }

    /// <summary>The provider of a new class: provider staff their own; the program office names any registered provider.</summary>
    public async Task<Guid> ProviderForAsync(Guid? named, CancellationToken cancellationToken)
    {
        Guid providerId;
        if (ClassWriters.IsProgramOffice(access))
        {
            providerId = named ?? throw new RequestValidationException([new FieldError("providerId", "required", "请选择施教机构（providerId）：市项目办登记班次时须指定开办的施教机构。")]);
        }
        else
        {
            providerId = access.OrganizationId ?? Guid.Empty;
            if (named is { } other && other != providerId)
            {
                ClassWriters.EnsureForProvider(access, other);
            }
        }

        if (!await db.TrainingProviders.AnyAsync(p => p.Id == providerId, cancellationToken).ConfigureAwait(false))
        {
            if (ClassWriters.IsProgramOffice(access))
            {
                throw new RequestValidationException([new FieldError("providerId", "provider.not_found", "未找到该施教机构，请先在基础库中登记。")]);
            }

            throw ClassWriters.NotProvider();
        }

        return providerId;
    }

    /// <summary>
    /// What the class names must exist: the project it is a session of (<see cref="ProjectClassRules"/>), the region
    /// and sector it is for, its subject in the catalog of that sector (any module's, for a class open to every
    /// sector), a credit class of the module it belongs to, and a catalog course of the class's category. Every problem at once (400).
    /// </summary>
    public async Task CheckReferencesAsync(ValidTrainingClass valid, Guid providerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(valid);
        var errors = new List<FieldError>();
        if (valid.ProjectId is { } projectId)
        {
            // The host provider may not see a project another organization applied for, so the look-up is the
            // system's; nothing of the project but these checks reaches the caller.
            var project = await db.Projects.IgnoreQueryFilters(AccessScope).AsNoTracking()
                .Where(p => p.Id == projectId)
                .Select(p => new ProjectForClass(p.Title, p.Status, p.ProviderId ?? p.ApplicantOrganizationId, p.StartDate, p.EndDate))
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            errors.AddRange(ProjectClassRules.Check(project, providerId, valid.StartDate, valid.EndDate));
        }

        if (valid.CourseId is { } courseId)
        {
            var course = await db.Courses.AsNoTracking().Where(c => c.Id == courseId).Select(c => new { c.Category })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (course is null)
            {
                errors.Add(new FieldError("courseId", "course.not_found", "所选课程不在课程库中，请重新选择。"));
            }
            else if (course.Category != valid.Category)
            {
                errors.Add(new FieldError("courseId", "course.category_mismatch",
                    $"所选课程是{RosterClassRules.CategoryName(course.Category)}科目课程，与班次的科目类别（{RosterClassRules.CategoryName(valid.Category)}）不一致。"));
            }
        }

        if (valid.RegionCode is { } region && !await db.Regions.AnyAsync(r => r.Code == region, cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new FieldError("regionCode", "region.not_found", $"面向区域代码“{region}”不存在。"));
        }

        var departmentKnown = true;
        if (valid.DepartmentCode is { } department && !await db.Departments.AnyAsync(d => d.Code == department, cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new FieldError("departmentCode", "department.not_found", $"面向行业代码“{department}”不存在。"));
            departmentKnown = false;
        }

        string? subjectModule = null;
        if (valid.SubjectCode is { } subject && departmentKnown)
        {
            // A class without a sector takes any module's professional subject (an empty sector has no module).
            var (choice, error) = await catalog.TryResolveAsync(subject, valid.Category, valid.DepartmentCode ?? "", cancellationToken).ConfigureAwait(false);
            if (choice is null)
            {
                errors.Add(new FieldError("subjectCode", LedgerProblemCodes.UnknownSubject, error!));
            }

            subjectModule = choice?.ModuleKey;
        }

        if (valid.CreditClass is { } creditClass)
        {
            var moduleKey = (valid.DepartmentCode is null ? null : catalog.ModuleFor(valid.DepartmentCode)) ?? subjectModule;
            var classes = moduleKey is null ? [] : modules.FindEnabled(moduleKey)?.Module.CreditClasses ?? [];
            if (!classes.Any(c => c.Key == creditClass))
            {
                errors.Add(new FieldError("creditClass", "credit_class.invalid", classes.Count == 0
                    ? "该班次所属的行业模块不区分学分类别，请不要填写学分类别（creditClass）。"
                    : $"学分类别（creditClass）应为 {string.Join("、", classes.Select(c => $"{c.Key}（{c.Name}）"))} 之一。"));
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }

    /// <summary>Adds a new class and answers it.</summary>
    public async Task<Versioned<TrainingClassView>> AddAsync(TrainingClass created, CancellationToken cancellationToken)
    {
        db.TrainingClasses.Add(created);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await TrainingClassViews.GetAsync(db, mapping, created.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Saves a change as a new version — compare-and-swap on the stamp the client read: a change committed in between fails in the database (412).</summary>
    public async Task<Versioned<TrainingClassView>> SaveNewVersionAsync(TrainingClass entity, Guid read, CancellationToken cancellationToken)
    {
        db.Entry(entity).Property(c => c.ConcurrencyStamp).OriginalValue = read;
        entity.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Preconditions.Stale();
        }

        return await TrainingClassViews.GetAsync(db, mapping, entity.Id, cancellationToken).ConfigureAwait(false);
    }
}
