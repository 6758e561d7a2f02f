using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using MediatR;

namespace KnowledgeRenewal.Registry.UseCases.Employers;

/// <summary>Employers within the caller's scope, filtered by region, sector, ownership, part of the name or the exact credit code.</summary>
/// <param name="RegionCode">Only this region.</param>
/// <param name="DepartmentCode">Only this sector.</param>
/// <param name="Ownership">Only this ownership (公有制 / 非公有制, or the English name).</param>
/// <param name="Name">Part of the name.</param>
/// <param name="CreditCode">Exactly this credit code.</param>
/// <param name="Page">Page number (from 1).</param>
/// <param name="PageSize">Rows per page (1–100).</param>
internal sealed record ListEmployers(string? RegionCode, string? DepartmentCode, string? Ownership, string? Name, string? CreditCode, int Page = 1, int PageSize = Paging.DefaultPageSize, string? Sort = null, string? Dir = null)
    : IRequest<Paged<EmployerView>>;

/// <summary>Checks paging and filters.</summary>
internal sealed class ListEmployersValidator : AbstractValidator<ListEmployers>
{
    /// <summary>Creates the validator.</summary>
    public ListEmployersValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
        RuleFor(q => q.Sort).ValidSort(RegistrySorting.Employers);
        RuleFor(q => q.Dir).ValidDirection();
        RuleFor(q => q.Name).MaximumLength(EmployerRules.MaxNameLength).WithErrorCode("too_long").WithMessage("单位名称（name）过长。");
        RuleFor(q => q.Ownership).Must(o => RegistryLabels.TryParse(RegistryLabels.Ownerships, o, out _)).When(q => !string.IsNullOrWhiteSpace(q.Ownership))
            .WithErrorCode("ownership.invalid").WithMessage("所有制（ownership）无效，应为“公有制”或“非公有制”。");
        RuleFor(q => q.CreditCode).MaximumLength(32).WithErrorCode("too_long").WithMessage("统一社会信用代码（creditCode）过长。");
    }
}

/// <summary>Handles <see cref="ListEmployers"/>: filters (<see cref="EmployersMatching"/>), counts and pages in the database.</summary>
internal sealed class ListEmployersHandler(PlatformDbContext db) : IRequestHandler<ListEmployers, Paged<EmployerView>>
{
    /// <inheritdoc />
    public Task<Paged<EmployerView>> Handle(ListEmployers request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var specification = new EmployersMatching(
            request.RegionCode,
            request.DepartmentCode,
            RegistryLabels.TryParse(RegistryLabels.Ownerships, request.Ownership, out var ownership) ? ownership : null,
            request.Name,
            request.CreditCode,
            RegistrySorting.Key(request.Sort),
            RegistrySorting.IsDescending(request.Dir));
        return db.Employers.ToPagedAsync(specification, request.Page, request.PageSize, EmployerViews.Project, cancellationToken);
    }
}
