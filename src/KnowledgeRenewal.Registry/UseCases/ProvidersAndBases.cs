using FluentValidation;
using FluentValidation.Results;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Registry.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
namespace KnowledgeRenewal.Registry.UseCases;

/// <summary>A training provider as the registry shows it.</summary>
/// <param name="Id">Id.</param>
/// <param name="CreditCode">统一社会信用代码.</param>
/// <param name="Name">机构名称.</param>
/// <param name="Kind">机构类别.</param>
/// <param name="RegionCode">所属区域.</param>
/// <param name="DepartmentCode">所属行业, where one applies.</param>
/// <param name="IsActive">Whether it is active.</param>
/// <param name="CreatedAt">Registered (UTC).</param>
public sealed record TrainingProviderView(Guid Id, string CreditCode, string Name, ProviderKind Kind, string RegionCode, string? DepartmentCode, bool IsActive, DateTime CreatedAt)
{
    /// <summary>The view of a provider.</summary>
    public static TrainingProviderView Of(TrainingProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return new(provider.Id, provider.Code, provider.Name, provider.Kind, provider.RegionCode, provider.DepartmentCode, provider.IsActive, provider.CreatedAt);
    }
}

/// <summary>A base designation as the registry shows it.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">基地名称.</param>
/// <param name="OrganizationId">The designated organization.</param>
/// <param name="OrganizationName">Its name, when the caller may see it.</param>
/// <param name="Level">级别.</param>
/// <param name="DesignatedOn">认定日期.</param>
/// <param name="Status">状态.</param>
public sealed record EducationBaseView(Guid Id, string Name, Guid OrganizationId, string? OrganizationName, BaseLevel Level, DateOnly DesignatedOn, BaseStatus Status);

/// <summary>A page of rows.</summary>
/// <typeparam name="T">The row.</typeparam>
/// <param name="Page">Page number.</param>
/// <param name="PageSize">Rows per page.</param>
/// <param name="Total">Rows matching the filters (within the caller's scope).</param>
/// <param name="Items">This page, by name.</param>
public sealed record RegistryPage<T>(int Page, int PageSize, int Total, IReadOnlyList<T> Items);

/// <summary>Training providers within the caller's scope, filtered by region, sector and part of the name.</summary>
/// <param name="RegionCode">Only this region.</param>
/// <param name="DepartmentCode">Only this sector.</param>
/// <param name="Name">Part of the name.</param>
/// <param name="Page">Page number (from 1).</param>
/// <param name="PageSize">Rows per page (1–100).</param>
public sealed record ListTrainingProviders(string? RegionCode, string? DepartmentCode, string? Name, int Page = 1, int PageSize = 20, ProviderKind? Kind = null) : IRequest<RegistryPage<TrainingProviderView>>;

/// <summary>Checks paging and filters.</summary>
public sealed class ListTrainingProvidersValidator : AbstractValidator<ListTrainingProviders>
{
    /// <summary>Creates the validator.</summary>
    public ListTrainingProvidersValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithErrorCode("out_of_range").WithMessage("页码（page）应从 1 开始。");
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListProfessionalsValidator.MaxPageSize).WithErrorCode("out_of_range").WithMessage($"每页条数（pageSize）应在 1 至 {ListProfessionalsValidator.MaxPageSize} 之间。");
        RuleFor(q => q.Name).MaximumLength(TrainingProviderRules.MaxNameLength).WithErrorCode("too_long").WithMessage("机构名称（name）过长。");
    }
}

/// <summary>One training provider within the caller's scope (404 otherwise).</summary>
/// <param name="Id">Id.</param>
public sealed record GetTrainingProvider(Guid Id) : IRequest<Versioned<TrainingProviderView>>;

/// <summary>Registers a training provider (program office only) under its region's county bureau or the program office.</summary>
/// <param name="Input">The submitted fields.</param>
public sealed record CreateTrainingProvider(TrainingProviderInput Input) : IRequest<Versioned<TrainingProviderView>>;

/// <summary>Changes a provider's name, kind, region and sector (never its credit code). Needs <c>If-Match</c>.</summary>
/// <param name="Id">The provider.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Input">The new values (a credit code in it is ignored).</param>
public sealed record UpdateTrainingProvider(Guid Id, string? IfMatch, TrainingProviderInput Input) : IRequest<Versioned<TrainingProviderView>>;

/// <summary>Checks a new provider's fields.</summary>
public sealed class CreateTrainingProviderValidator : AbstractValidator<CreateTrainingProvider>
{
    /// <summary>Creates the validator.</summary>
    public CreateTrainingProviderValidator() =>
        RuleFor(c => c).Custom((command, context) => RegistryValidation.Add(context, TrainingProviderRules.Validate(command.Input ?? new TrainingProviderInput(), registering: true).Errors));
}

/// <summary>Checks a provider change's fields.</summary>
public sealed class UpdateTrainingProviderValidator : AbstractValidator<UpdateTrainingProvider>
{
    /// <summary>Creates the validator.</summary>
    public UpdateTrainingProviderValidator() =>
        RuleFor(c => c).Custom((command, context) => RegistryValidation.Add(context, TrainingProviderRules.Validate(command.Input ?? new TrainingProviderInput(), registering: false).Errors));
}

/// <summary>Base designations within the caller's scope, filtered by level, status and the designated organization.</summary>
/// <param name="Level">Only this level.</param>
/// <param name="Status">Only this status.</param>
/// <param name="OrganizationId">Only this organization's designations.</param>
/// <param name="Page">Page number (from 1).</param>
/// <param name="PageSize">Rows per page (1–100).</param>
public sealed record ListEducationBases(string? Level, string? Status, Guid? OrganizationId, int Page = 1, int PageSize = 20) : IRequest<RegistryPage<EducationBaseView>>;

/// <summary>Checks paging and filters.</summary>
public sealed class ListEducationBasesValidator : AbstractValidator<ListEducationBases>
{
    /// <summary>Creates the validator.</summary>
    public ListEducationBasesValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithErrorCode("out_of_range").WithMessage("页码（page）应从 1 开始。");
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListProfessionalsValidator.MaxPageSize).WithErrorCode("out_of_range").WithMessage($"每页条数（pageSize）应在 1 至 {ListProfessionalsValidator.MaxPageSize} 之间。");
        RuleFor(q => q.Level).Must(l => RegistryLabels.TryParse(ProviderLabels.Levels, l, out _)).When(q => !string.IsNullOrWhiteSpace(q.Level))
            .WithErrorCode("level.invalid").WithMessage("基地级别（level）无效，应为 国家级、省级 或 市级。");
        RuleFor(q => q.Status).Must(s => RegistryLabels.TryParse(ProviderLabels.Statuses, s, out _)).When(q => !string.IsNullOrWhiteSpace(q.Status))
            .WithErrorCode("status.invalid").WithMessage("基地状态（status）无效。");
    }
}

/// <summary>One base designation within the caller's scope (404 otherwise).</summary>
/// <param name="Id">Id.</param>
public sealed record GetEducationBase(Guid Id) : IRequest<Versioned<EducationBaseView>>;

/// <summary>Designates a training provider as a base (program office only).</summary>
/// <param name="Input">The submitted fields.</param>
public sealed record CreateEducationBase(EducationBaseInput Input) : IRequest<Versioned<EducationBaseView>>;

/// <summary>Changes a designation's name, level, date and status (e.g. revokes it); not its organization. Needs <c>If-Match</c>.</summary>
/// <param name="Id">The designation.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Input">The new values (an organization in it is ignored).</param>
public sealed record UpdateEducationBase(Guid Id, string? IfMatch, EducationBaseInput Input) : IRequest<Versioned<EducationBaseView>>;

/// <summary>Checks a new designation's fields.</summary>
public sealed class CreateEducationBaseValidator : AbstractValidator<CreateEducationBase>
{
    /// <summary>Creates the validator.</summary>
    public CreateEducationBaseValidator(TimeProvider clock) =>
        RuleFor(c => c).Custom((command, context) => RegistryValidation.Add(context, EducationBaseRules.Validate(command.Input ?? new EducationBaseInput(), ProgramCalendar.Today(clock), designating: true).Errors));
}

/// <summary>Checks a designation change's fields.</summary>
public sealed class UpdateEducationBaseValidator : AbstractValidator<UpdateEducationBase>
{
    /// <summary>Creates the validator.</summary>
    public UpdateEducationBaseValidator(TimeProvider clock) =>
        RuleFor(c => c).Custom((command, context) => RegistryValidation.Add(context, EducationBaseRules.Validate(command.Input ?? new EducationBaseInput(), ProgramCalendar.Today(clock), designating: false).Errors));
}

/// <summary>Turns the registry's field errors into FluentValidation failures (field, code and Chinese message kept).</summary>
internal static class RegistryValidation
{
    public static void Add<T>(ValidationContext<T> context, IReadOnlyList<FieldError> errors)
    {
        foreach (var error in errors)
        {
            context.AddFailure(new ValidationFailure(error.Field, error.Message) { ErrorCode = error.Code });
        }
    }
}

/// <summary>
/// Handles the provider and base requests. Writes are the program office's (the endpoints require it; checked here
/// too).
/// </summary>
public sealed class ProviderAndBaseHandlers(PlatformDbContext db, ICurrentAccess access, TimeProvider clock)
    : IRequestHandler<ListTrainingProviders, RegistryPage<TrainingProviderView>>,
      IRequestHandler<GetTrainingProvider, Versioned<TrainingProviderView>>,
      IRequestHandler<CreateTrainingProvider, Versioned<TrainingProviderView>>,
      IRequestHandler<UpdateTrainingProvider, Versioned<TrainingProviderView>>,
      IRequestHandler<ListEducationBases, RegistryPage<EducationBaseView>>,
      IRequestHandler<GetEducationBase, Versioned<EducationBaseView>>,
      IRequestHandler<CreateEducationBase, Versioned<EducationBaseView>>,
      IRequestHandler<UpdateEducationBase, Versioned<EducationBaseView>>
{
    private const string Provider = "施教机构";
    private const string Base = "继续教育基地";
    private static readonly string[] ProgramOffice = [PlatformRoles.ProgramOfficeAdmin];

    /// <inheritdoc />
    public async Task<RegistryPage<TrainingProviderView>> Handle(ListTrainingProviders request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = db.TrainingProviders.AsNoTracking();
        if (request.Kind is { } kind)
        {
            query = query.Where(p => p.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(request.RegionCode))
        {
            var region = request.RegionCode.Trim();
            query = query.Where(p => p.RegionCode == region);
        }

        if (!string.IsNullOrWhiteSpace(request.DepartmentCode))
        {
            var department = request.DepartmentCode.Trim();
            query = query.Where(p => p.DepartmentCode == department);
        }

        if (!string.IsNullOrWhiteSpace(request.Name))
        {
            var name = request.Name.Trim();
            query = query.Where(p => p.Name.Contains(name));
        }

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new RegistryPage<TrainingProviderView>(request.Page, request.PageSize, total, [.. items.Select(TrainingProviderView.Of)]);
    }

    /// <inheritdoc />
    public Task<Versioned<TrainingProviderView>> Handle(GetTrainingProvider request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return GetProviderAsync(request.Id, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Versioned<TrainingProviderView>> Handle(CreateTrainingProvider request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RegistryWriters.EnsureRole(access, ProgramOffice, Provider);
        var (valid, errors) = TrainingProviderRules.Validate(request.Input, registering: true);
        if (valid is null)
        {
            throw new RequestValidationException(errors);
        }

        var code = valid.CreditCode!.Value;
        await RegistryLookups.EnsureRegionAndSectorAsync(db, valid.RegionCode, valid.DepartmentCode, cancellationToken).ConfigureAwait(false);
        await RegistryLookups.EnsureCreditCodeFreeAsync(db, code, cancellationToken).ConfigureAwait(false);
        var provider = new TrainingProvider
        {
            Code = code.Value,
            Name = valid.Name,
            Kind = valid.Kind,
            RegionCode = valid.RegionCode,
            DepartmentCode = valid.DepartmentCode,
            ParentId = await RegistryLookups.ParentForAsync(db, valid.RegionCode, cancellationToken).ConfigureAwait(false),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.TrainingProviders.Add(provider);
        await RegistryLookups.SaveNewOrganizationAsync(db, code, cancellationToken).ConfigureAwait(false);
        return await GetProviderAsync(provider.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Versioned<TrainingProviderView>> Handle(UpdateTrainingProvider request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RegistryWriters.EnsureRole(access, ProgramOffice, Provider);
        var (valid, errors) = TrainingProviderRules.Validate(request.Input, registering: false);
        if (valid is null)
        {
            throw new RequestValidationException(errors);
        }

        var provider = await db.TrainingProviders.FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException(Provider, request.Id);
        var read = Preconditions.Require(request.IfMatch, provider.ConcurrencyStamp);
        await RegistryLookups.EnsureRegionAndSectorAsync(db, valid.RegionCode, valid.DepartmentCode, cancellationToken).ConfigureAwait(false);
        if (provider.RegionCode != valid.RegionCode)
        {
            provider.ParentId = await RegistryLookups.ParentForAsync(db, valid.RegionCode, cancellationToken).ConfigureAwait(false);
        }

        provider.Name = valid.Name;
        provider.Kind = valid.Kind;
        provider.RegionCode = valid.RegionCode;
        provider.DepartmentCode = valid.DepartmentCode;
        db.Entry(provider).Property(p => p.ConcurrencyStamp).OriginalValue = read;
        provider.ConcurrencyStamp = Guid.NewGuid();
        await RegistryLookups.SaveVersionAsync(db, cancellationToken).ConfigureAwait(false);
        return await GetProviderAsync(provider.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<RegistryPage<EducationBaseView>> Handle(ListEducationBases request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = db.EducationBases.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Level) && RegistryLabels.TryParse(ProviderLabels.Levels, request.Level, out var level))
        {
            query = query.Where(b => b.Level == level);
        }

        if (!string.IsNullOrWhiteSpace(request.Status) && RegistryLabels.TryParse(ProviderLabels.Statuses, request.Status, out var status))
        {
            query = query.Where(b => b.Status == status);
        }

        if (request.OrganizationId is { } organization)
        {
            query = query.Where(b => b.OrganizationId == organization);
        }

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await ProjectBases(query.OrderBy(b => b.Name).ThenBy(b => b.Id).Skip((request.Page - 1) * request.PageSize).Take(request.PageSize))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new RegistryPage<EducationBaseView>(request.Page, request.PageSize, total, items);
    }

    /// <inheritdoc />
    public Task<Versioned<EducationBaseView>> Handle(GetEducationBase request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return GetBaseAsync(request.Id, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Versioned<EducationBaseView>> Handle(CreateEducationBase request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RegistryWriters.EnsureRole(access, ProgramOffice, Base);
        var (valid, errors) = EducationBaseRules.Validate(request.Input, ProgramCalendar.Today(clock), designating: true);
        if (valid is null)
        {
            throw new RequestValidationException(errors);
        }

        var organizationId = valid.OrganizationId!.Value;
        if (!await db.TrainingProviders.AnyAsync(p => p.Id == organizationId, cancellationToken).ConfigureAwait(false))
        {
            throw new RequestValidationException([new FieldError("organizationId", "provider.not_found", "依托机构不存在或不是已登记的施教机构，请先登记施教机构。")]);
        }

        var designation = new EducationBase { Name = valid.Name, OrganizationId = organizationId, Level = valid.Level, DesignatedOn = valid.DesignatedOn, Status = valid.Status };
        db.EducationBases.Add(designation);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await GetBaseAsync(designation.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Versioned<EducationBaseView>> Handle(UpdateEducationBase request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RegistryWriters.EnsureRole(access, ProgramOffice, Base);
        var (valid, errors) = EducationBaseRules.Validate(request.Input, ProgramCalendar.Today(clock), designating: false);
        if (valid is null)
        {
            throw new RequestValidationException(errors);
        }

        var designation = await db.EducationBases.FirstOrDefaultAsync(b => b.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException(Base, request.Id);
        var read = Preconditions.Require(request.IfMatch, designation.ConcurrencyStamp);
        designation.Name = valid.Name;
        designation.Level = valid.Level;
        designation.DesignatedOn = valid.DesignatedOn;
        designation.Status = valid.Status;
        db.Entry(designation).Property(b => b.ConcurrencyStamp).OriginalValue = read;
        designation.ConcurrencyStamp = Guid.NewGuid();
        await RegistryLookups.SaveVersionAsync(db, cancellationToken).ConfigureAwait(false);
        return await GetBaseAsync(designation.Id, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Versioned<TrainingProviderView>> GetProviderAsync(Guid id, CancellationToken cancellationToken)
    {
        var provider = await db.TrainingProviders.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException(Provider, id);
        return new Versioned<TrainingProviderView>(TrainingProviderView.Of(provider), provider.ConcurrencyStamp);
    }

    private IQueryable<EducationBaseView> ProjectBases(IQueryable<EducationBase> bases) =>
        bases.Select(b => new EducationBaseView(
            b.Id,
            b.Name,
            b.OrganizationId,
            db.Set<Organization>().Where(o => o.Id == b.OrganizationId).Select(o => o.Name).FirstOrDefault(),
            b.Level,
            b.DesignatedOn,
            b.Status));

    private async Task<Versioned<EducationBaseView>> GetBaseAsync(Guid id, CancellationToken cancellationToken)
    {
        var stamp = await db.EducationBases.AsNoTracking().Where(b => b.Id == id).Select(b => (Guid?)b.ConcurrencyStamp)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException(Base, id);
        var view = await ProjectBases(db.EducationBases.AsNoTracking().Where(b => b.Id == id)).FirstAsync(cancellationToken).ConfigureAwait(false);
        return new Versioned<EducationBaseView>(view, stamp);
    }
}
