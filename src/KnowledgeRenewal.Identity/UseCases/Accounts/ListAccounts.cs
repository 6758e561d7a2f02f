using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Identity.UseCases.Accounts;

/// <summary>A page of accounts, filtered by organization, role, state and a search over user and display names.</summary>
/// <param name="OrganizationId">Only this organization's accounts.</param>
/// <param name="Role">Only accounts holding this role.</param>
/// <param name="Disabled">Only disabled (true) or enabled (false) accounts.</param>
/// <param name="Search">Part of the user name or display name.</param>
/// <param name="Page">Page number (from 1).</param>
/// <param name="PageSize">Accounts per page (1–100).</param>
internal sealed record ListAccounts(Guid? OrganizationId, string? Role, bool? Disabled, string? Search, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IRequest<Paged<AccountView>>;

/// <summary>Checks the filters and paging.</summary>
internal sealed class ListAccountsValidator : AbstractValidator<ListAccounts>
{
    /// <summary>Creates the validator.</summary>
    public ListAccountsValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
        RuleFor(q => q.Role).Must(r => r is null || PlatformRoles.All.Contains(r))
            .WithErrorCode("unknown_role").WithMessage(q => $"角色“{q.Role}”不存在。");
        RuleFor(q => q.Search).MaximumLength(64).WithErrorCode("too_long").WithMessage("搜索词（search）最多 64 个字符。");
    }
}

/// <summary>Accounts matching the filters, by user name (the role filter looks the role up in <paramref name="db"/>).</summary>
internal sealed class AccountsMatching : Specification<PlatformUser>
{
    /// <summary>Creates the specification.</summary>
    public AccountsMatching(ListAccounts filter, PlatformDbContext db)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var role = filter.Role?.ToUpperInvariant();
        var search = filter.Search?.Trim();
        var upper = search?.ToUpperInvariant();
        Query.Where(u => u.OrganizationId == filter.OrganizationId, filter.OrganizationId is not null)
            .Where(u => db.UserRoles.Any(link => link.UserId == u.Id && db.Roles.Any(r => r.Id == link.RoleId && r.NormalizedName == role)), role is not null)
            .Where(u => u.IsDisabled == filter.Disabled, filter.Disabled is not null)
            .Where(u => u.NormalizedUserName!.Contains(upper!) || u.DisplayName.Contains(search!), !string.IsNullOrEmpty(search))
            .OrderBy(u => u.NormalizedUserName).ThenBy(u => u.Id)
            .AsNoTracking();
    }
}

/// <summary>Handles <see cref="ListAccounts"/> (the data layer's scope shows security administrators every account).</summary>
internal sealed class ListAccountsHandler(PlatformDbContext db, TimeProvider clock) : IRequestHandler<ListAccounts, Paged<AccountView>>
{
    /// <inheritdoc />
    public async Task<Paged<AccountView>> Handle(ListAccounts request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = await db.Users.ToPagedAsync(new AccountsMatching(request, db), request.Page, request.PageSize, users => AccountViews.Rows(db, users), cancellationToken)
            .ConfigureAwait(false);
        var items = await AccountViews.ViewsAsync(db, page.Items, clock, cancellationToken).ConfigureAwait(false);
        return new Paged<AccountView>(page.Page, page.PageSize, page.Total, items);
    }
}
