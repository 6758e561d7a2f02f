using KnowledgeRenewal.Programs.Domain;
using FluentValidation;
using FluentValidation.Results;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.Web;
using KnowledgeRenewal.Sdk;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.UseCases.Classes;

/// <summary>Creates a class (计划中) for the caller's provider, or — the program office — for the provider named.</summary>
/// <param name="Input">The submitted fields.</param>
public sealed record CreateTrainingClass(TrainingClassInput Input) : IRequest<Versioned<TrainingClassView>>;

/// <summary>Changes a planned class (never its provider). Needs <c>If-Match</c>.</summary>
/// <param name="Id">The class.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Input">The new values.</param>
public sealed record UpdateTrainingClass(Guid Id, string? IfMatch, TrainingClassInput Input) : IRequest<Versioned<TrainingClassView>>;

/// <summary>Finishes a planned class after its last day (its roster can then be uploaded). Needs <c>If-Match</c>.</summary>
/// <param name="Id">The class.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
public sealed record FinishTrainingClass(Guid Id, string? IfMatch) : IRequest<Versioned<TrainingClassView>>;

/// <summary>Cancels a planned class. Needs <c>If-Match</c>.</summary>
/// <param name="Id">The class.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
public sealed record CancelTrainingClass(Guid Id, string? IfMatch) : IRequest<Versioned<TrainingClassView>>;

/// <summary>Checks a new class's fields (<see cref="RosterClassRules.Validate"/>).</summary>
public sealed class CreateTrainingClassValidator : AbstractValidator<CreateTrainingClass>
{
    /// <summary>Creates the validator.</summary>
    public CreateTrainingClassValidator(TimeProvider clock) =>
        RuleFor(c => c).Custom((command, context) => Add(context, RosterClassRules.Validate(command.Input ?? new TrainingClassInput(), ProgramCalendar.Today(clock)).Errors));

    internal static void Add<T>(ValidationContext<T> context, IReadOnlyList<FieldError> errors)
    {
        foreach (var error in errors)
        {
            context.AddFailure(new ValidationFailure(error.Field, error.Message) { ErrorCode = error.Code });
        }
    }
}

/// <summary>Checks a class change's fields.</summary>
public sealed class UpdateTrainingClassValidator : AbstractValidator<UpdateTrainingClass>
{
    /// <summary>Creates the validator.</summary>
    public UpdateTrainingClassValidator(TimeProvider clock) =>
        RuleFor(c => c).Custom((command, context) => CreateTrainingClassValidator.Add(context, RosterClassRules.Validate(command.Input ?? new TrainingClassInput(), ProgramCalendar.Today(clock)).Errors));
}

/// <summary>
/// Handles the class commands: who may (the class's provider, the program office), the references a class names
/// (provider, region, sector, subject in the catalogs, the module's credit class), optimistic concurrency.
/// </summary>
public sealed class TrainingClassCommandHandlers(
    PlatformDbContext db,
    ICurrentAccess access,
    LedgerCatalog catalog,
    ModuleRegistry modules,
    TypeAdapterConfig mapping,
    TimeProvider clock)
    : IRequestHandler<CreateTrainingClass, Versioned<TrainingClassView>>,
      IRequestHandler<UpdateTrainingClass, Versioned<TrainingClassView>>,
      IRequestHandler<FinishTrainingClass, Versioned<TrainingClassView>>,
      IRequestHandler<CancelTrainingClass, Versioned<TrainingClassView>>
{
    private const string What = "培训班次";

    /// <inheritdoc />
    public async Task<Versioned<TrainingClassView>> Handle(CreateTrainingClass request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RegistryWriters.EnsureRole(access, ClassWriters.Roles, What);
        var valid = Validated(request.Input);
        var providerId = await ProviderForAsync(valid.ProviderId, cancellationToken).ConfigureAwait(false);
        await CheckReferencesAsync(valid, providerId, cancellationToken).ConfigureAwait(false);

        var created = new TrainingClass
        {
            ProviderId = providerId,
            Title = valid.Title,
            CreatedByUserId = access.UserId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        valid.ApplyTo(created);
        db.TrainingClasses.Add(created);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await TrainingClassViews.GetAsync(db, mapping, created.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Versioned<TrainingClassView>> Handle(UpdateTrainingClass request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RegistryWriters.EnsureRole(access, ClassWriters.Roles, What);
        var valid = Validated(request.Input);
        var found = await LoadAsync(request.Id, request.IfMatch, cancellationToken).ConfigureAwait(false);
        if (RosterClassRules.CheckEditable(found.Entity.Status) is { } reason)
        {
            throw new PlatformException(RosterProblemCodes.ClassNotEditable, StatusCodes.Status409Conflict, "状态冲突", reason);
        }

        await CheckReferencesAsync(valid, found.Entity.ProviderId, cancellationToken).ConfigureAwait(false);
        valid.ApplyTo(found.Entity);
        return await SaveNewVersionAsync(found.Entity, found.Read, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Versioned<TrainingClassView>> Handle(FinishTrainingClass request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RegistryWriters.EnsureRole(access, ClassWriters.Roles, What);
        var found = await LoadAsync(request.Id, request.IfMatch, cancellationToken).ConfigureAwait(false);
        RosterClassRules.Finish(found.Entity, ProgramCalendar.Today(clock));
        return await SaveNewVersionAsync(found.Entity, found.Read, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Versioned<TrainingClassView>> Handle(CancelTrainingClass request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RegistryWriters.EnsureRole(access, ClassWriters.Roles, What);
        var found = await LoadAsync(request.Id, request.IfMatch, cancellationToken).ConfigureAwait(false);
        RosterClassRules.Cancel(found.Entity);
        return await SaveNewVersionAsync(found.Entity, found.Read, cancellationToken).ConfigureAwait(false);
    }

    private ValidTrainingClass Validated(TrainingClassInput? input)
    {
        var (valid, errors) = RosterClassRules.Validate(input ?? new TrainingClassInput(), ProgramCalendar.Today(clock));
        return valid ?? throw new RequestValidationException(errors);
    }

    // The class within the caller's scope (404), run by the caller (403), at the version the caller read (428/412).
    private async Task<(TrainingClass Entity, Guid Read)> LoadAsync(Guid id, string? ifMatch, CancellationToken cancellationToken)
    {
        var entity = await db.TrainingClasses.FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw TrainingClassViews.NotFound(id);
        ClassWriters.EnsureRunsClass(access, entity);
        return (entity, Preconditions.Require(ifMatch, entity.ConcurrencyStamp));
    }

    // Provider staff create classes of their own provider; the program office names any registered provider.
    private async Task<Guid> ProviderForAsync(Guid? named, CancellationToken cancellationToken)
    {
        Guid providerId;
        if (ClassWriters.IsProgramOffice(access))
        {
            providerId = named ?? throw new RequestValidationException([new FieldError("providerId", "required", "施教机构（providerId）不能为空：市项目办登记班次时须指定开办的施教机构。")]);
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

    // What the class names must exist: the project it is a session of (open, hosted by the class's provider, the class
    // within its dates), the region and sector it is for, its subject in the catalog of that sector (any module's, for
    // a class open to every sector), and a credit class of the module it belongs to.
    private async Task CheckReferencesAsync(ValidTrainingClass valid, Guid providerId, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (valid.ProjectId is { } projectId)
        {
            errors.AddRange(await ProjectClasses.CheckAsync(db, projectId, providerId, valid.StartDate, valid.EndDate, cancellationToken).ConfigureAwait(false));
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

    // Compare-and-swap on the stamp the client read: a change committed in between fails in the database (412).
    private async Task<Versioned<TrainingClassView>> SaveNewVersionAsync(TrainingClass entity, Guid read, CancellationToken cancellationToken)
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
