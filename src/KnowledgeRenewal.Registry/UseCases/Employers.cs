using FluentValidation;
using FluentValidation.Results;
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

/// <summary>An employer as the registry shows it.</summary>
/// <param name="Id">Id.</param>
/// <param name="CreditCode">统一社会信用代码.</param>
/// <param name="Name">单位名称.</param>
/// <param name="Ownership">所有制.</param>
/// <param name="RegionCode">所属区域.</param>
/// <param name="DepartmentCode">所属行业, where one applies.</param>
/// <param name="IsActive">Whether it is active.</param>
/// <param name="CreatedAt">Registered (UTC).</param>
public sealed record EmployerView(Guid Id, string CreditCode, string Name, Ownership Ownership, string RegionCode, string? DepartmentCode, bool IsActive, DateTime CreatedAt);

/// <summary>A page of employers.</summary>
/// <param name="Page">Page number.</param>
/// <param name="PageSize">Rows per page.</param>
/// <param name="Total">Employers matching the filters (within the caller's scope).</param>
/// <param name="Items">This page, by name.</param>
public sealed record EmployerPage(int Page, int PageSize, int Total, IReadOnlyList<EmployerView> Items);

/// <summary>Employers within the caller's scope, filtered by region, sector, ownership, part of the name or the exact credit code.</summary>
/// <param name="RegionCode">Only this region.</param>
/// <param name="DepartmentCode">Only this sector.</param>
/// <param name="Ownership">Only this ownership (公有制 / 非公有制, or the English name).</param>
/// <param name="Name">Part of the name.</param>
/// <param name="CreditCode">Exactly this credit code.</param>
/// <param name="Page">Page number (from 1).</param>
/// <param name="PageSize">Rows per page (1–100).</param>
public sealed record ListEmployers(string? RegionCode, string? DepartmentCode, string? Ownership, string? Name, string? CreditCode, int Page = 1, int PageSize = 20) : IRequest<EmployerPage>;

/// <summary>Checks paging and filters.</summary>
public sealed class ListEmployersValidator : AbstractValidator<ListEmployers>
{
    /// <summary>Creates the validator.</summary>
    public ListEmployersValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithErrorCode("out_of_range").WithMessage("页码（page）应从 1 开始。");
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListProfessionalsValidator.MaxPageSize).WithErrorCode("out_of_range").WithMessage($"每页条数（pageSize）应在 1 至 {ListProfessionalsValidator.MaxPageSize} 之间。");
        RuleFor(q => q.Name).MaximumLength(EmployerRules.MaxNameLength).WithErrorCode("too_long").WithMessage("单位名称（name）过长。");
        RuleFor(q => q.Ownership).Must(o => RegistryLabels.TryParse(RegistryLabels.Ownerships, o, out _)).When(q => !string.IsNullOrWhiteSpace(q.Ownership))
            .WithErrorCode("ownership.invalid").WithMessage("所有制（ownership）无效，应为“公有制”或“非公有制”。");
        RuleFor(q => q.CreditCode).MaximumLength(32).WithErrorCode("too_long").WithMessage("统一社会信用代码（creditCode）过长。");
    }
}

/// <summary>One employer within the caller's scope (404 otherwise), with its entity tag.</summary>
/// <param name="Id">Id.</param>
public sealed record GetEmployer(Guid Id) : IRequest<Versioned<EmployerView>>;

/// <summary>
/// Registers an employer under its region's county bureau (the program office for city-level employers). The
/// credit code must be new among all organizations (409); a county administrator registers in its region, a
/// department administrator in its sector.
/// </summary>
/// <param name="Input">The submitted fields.</param>
public sealed record CreateEmployer(EmployerInput Input) : IRequest<Versioned<EmployerView>>;

/// <summary>Checks the fields with <see cref="EmployerRules.Validate"/> — the rules the bulk import uses too.</summary>
public sealed class CreateEmployerValidator : AbstractValidator<CreateEmployer>
{
    /// <summary>Creates the validator.</summary>
    public CreateEmployerValidator() =>
        RuleFor(c => c).Custom((command, context) =>
        {
            foreach (var error in EmployerRules.Validate(command.Input ?? new EmployerInput()).Errors)
            {
                context.AddFailure(new ValidationFailure(error.Field, error.Message) { ErrorCode = error.Code });
            }
        });
}

/// <summary>Changes an employer's name, ownership and sector (never its credit code or region). Needs <c>If-Match</c>.</summary>
/// <param name="Id">The employer.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Details">The new values.</param>
public sealed record UpdateEmployer(Guid Id, string? IfMatch, EmployerDetailsInput Details) : IRequest<Versioned<EmployerView>>;

/// <summary>Checks the fields with <see cref="EmployerRules.ValidateDetails"/>.</summary>
public sealed class UpdateEmployerValidator : AbstractValidator<UpdateEmployer>
{
    /// <summary>Creates the validator.</summary>
    public UpdateEmployerValidator() =>
        RuleFor(c => c).Custom((command, context) =>
        {
            foreach (var error in EmployerRules.ValidateDetails(command.Details ?? new EmployerDetailsInput()).Errors)
            {
                context.AddFailure(new ValidationFailure(error.Field, error.Message) { ErrorCode = error.Code });
            }
        });
}

/// <summary>Handles the employer requests.</summary>
public sealed class EmployerHandlers(PlatformDbContext db, ICurrentAccess access, TimeProvider clock)
    : IRequestHandler<ListEmployers, EmployerPage>,
      IRequestHandler<GetEmployer, Versioned<EmployerView>>,
      IRequestHandler<CreateEmployer, Versioned<EmployerView>>,
      IRequestHandler<UpdateEmployer, Versioned<EmployerView>>
{
    private const string What = "用人单位";

    /// <inheritdoc />
    public async Task<EmployerPage> Handle(ListEmployers request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = db.Employers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.RegionCode))
        {
            var region = request.RegionCode.Trim();
            query = query.Where(e => e.RegionCode == region);
        }

        if (!string.IsNullOrWhiteSpace(request.DepartmentCode))
        {
            var department = request.DepartmentCode.Trim();
            query = query.Where(e => e.DepartmentCode == department);
        }

        if (!string.IsNullOrWhiteSpace(request.Ownership) && RegistryLabels.TryParse(RegistryLabels.Ownerships, request.Ownership, out var ownership))
        {
            query = query.Where(e => e.Ownership == ownership);
        }

        if (!string.IsNullOrWhiteSpace(request.Name))
        {
            var name = request.Name.Trim();
            query = query.Where(e => e.Name.Contains(name));
        }

        if (!string.IsNullOrWhiteSpace(request.CreditCode))
        {
            var code = request.CreditCode.Trim().ToUpperInvariant();
            query = query.Where(e => e.Code == code);
        }

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await Project(query.OrderBy(e => e.Name).ThenBy(e => e.Id).Skip((request.Page - 1) * request.PageSize).Take(request.PageSize))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new EmployerPage(request.Page, request.PageSize, total, items);
    }

    /// <inheritdoc />
    public Task<Versioned<EmployerView>> Handle(GetEmployer request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return GetAsync(request.Id, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Versioned<EmployerView>> Handle(CreateEmployer request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RegistryWriters.EnsureRole(access, RegistryWriters.EmployerWriters, What);
        var (valid, errors) = EmployerRules.Validate(request.Input);
        if (valid is null)
        {
            throw new RequestValidationException(errors);
        }

        await RegistryLookups.EnsureRegionAndSectorAsync(db, valid.RegionCode, valid.DepartmentCode, cancellationToken).ConfigureAwait(false);
        RegistryWriters.EnsureInScope(access, valid.RegionCode, valid.DepartmentCode, null, "县（市、区）管理员只能登记本地区的用人单位，行业主管部门管理员只能登记本行业的用人单位。");
        await RegistryLookups.EnsureCreditCodeFreeAsync(db, valid.CreditCode, cancellationToken).ConfigureAwait(false);

        var employer = new Employer
        {
            Code = valid.CreditCode.Value,
            Name = valid.Name,
            Ownership = valid.Ownership,
            RegionCode = valid.RegionCode,
            DepartmentCode = valid.DepartmentCode,
            ParentId = await RegistryLookups.ParentForAsync(db, valid.RegionCode, cancellationToken).ConfigureAwait(false),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Employers.Add(employer);
        await RegistryLookups.SaveNewOrganizationAsync(db, valid.CreditCode, cancellationToken).ConfigureAwait(false);
        return await GetAsync(employer.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Versioned<EmployerView>> Handle(UpdateEmployer request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RegistryWriters.EnsureRole(access, RegistryWriters.EmployerWriters, What);
        var (details, errors) = EmployerRules.ValidateDetails(request.Details);
        if (details is null)
        {
            throw new RequestValidationException(errors);
        }

        var employer = await db.Employers.FirstOrDefaultAsync(e => e.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException(What, request.Id);
        RegistryWriters.EnsureInScope(access, employer.RegionCode, employer.DepartmentCode, null, "只能修改本地区或本行业的用人单位。");
        var read = Preconditions.Require(request.IfMatch, employer.ConcurrencyStamp);
        await RegistryLookups.EnsureRegionAndSectorAsync(db, employer.RegionCode, details.DepartmentCode, cancellationToken).ConfigureAwait(false);
        RegistryWriters.EnsureInScope(access, employer.RegionCode, details.DepartmentCode, null, "修改后的所属行业超出您的管理范围。");

        employer.Name = details.Name;
        employer.Ownership = details.Ownership;
        employer.DepartmentCode = details.DepartmentCode;
        db.Entry(employer).Property(e => e.ConcurrencyStamp).OriginalValue = read;
        employer.ConcurrencyStamp = Guid.NewGuid();
        await RegistryLookups.SaveVersionAsync(db, cancellationToken).ConfigureAwait(false);
        return await GetAsync(employer.Id, cancellationToken).ConfigureAwait(false);
    }

    private static IQueryable<EmployerView> Project(IQueryable<Employer> employers) =>
        employers.Select(e => new EmployerView(e.Id, e.Code, e.Name, e.Ownership, e.RegionCode, e.DepartmentCode, e.IsActive, e.CreatedAt));

    private async Task<Versioned<EmployerView>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.Employers.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { View = new EmployerView(e.Id, e.Code, e.Name, e.Ownership, e.RegionCode, e.DepartmentCode, e.IsActive, e.CreatedAt), e.ConcurrencyStamp })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException(What, id);
        return new Versioned<EmployerView>(row.View, row.ConcurrencyStamp);
    }
}
