using FluentValidation;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Identity.Web;
using KnowledgeRenewal.Identity.Contracts;
namespace KnowledgeRenewal.Identity.UseCases.Accounts;

/// <summary>A page of accounts, filtered by organization, role, state and a search over user and display names.</summary>
/// <param name="OrganizationId">Only this organization's accounts.</param>
/// <param name="Role">Only accounts holding this role.</param>
/// <param name="Disabled">Only disabled (true) or enabled (false) accounts.</param>
/// <param name="Search">Part of the user name or display name.</param>
/// <param name="Page">Page number (from 1).</param>
/// <param name="PageSize">Accounts per page (1–100).</param>
public sealed record ListAccounts(Guid? OrganizationId, string? Role, bool? Disabled, string? Search, int Page = 1, int PageSize = 20) : IRequest<AccountPage>;

/// <summary>Checks the filters and paging.</summary>
public sealed class ListAccountsValidator : AbstractValidator<ListAccounts>
{
    /// <summary>Creates the validator.</summary>
    public ListAccountsValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithErrorCode("out_of_range").WithMessage("页码（page）应从 1 开始。");
        RuleFor(q => q.PageSize).InclusiveBetween(1, 100).WithErrorCode("out_of_range").WithMessage("每页条数（pageSize）应在 1 至 100 之间。");
        RuleFor(q => q.Role).Must(r => r is null || PlatformRoles.All.Contains(r))
            .WithErrorCode("unknown_role").WithMessage(q => $"角色“{q.Role}”不存在。");
        RuleFor(q => q.Search).MaximumLength(64).WithErrorCode("too_long").WithMessage("搜索词（search）不能超过 64 个字符。");
    }
}

/// <summary>Handles <see cref="ListAccounts"/> (the data layer's scope shows security administrators every account).</summary>
public sealed class ListAccountsHandler(PlatformDbContext db, TimeProvider clock) : IRequestHandler<ListAccounts, AccountPage>
{
    /// <inheritdoc />
    public async Task<AccountPage> Handle(ListAccounts request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var users = db.Users.AsNoTracking();
        if (request.OrganizationId is { } organization)
        {
            users = users.Where(u => u.OrganizationId == organization);
        }

        if (request.Role is { } role)
        {
            var normalized = role.ToUpperInvariant();
            users = users.Where(u => db.UserRoles.Any(link => link.UserId == u.Id && db.Roles.Any(r => r.Id == link.RoleId && r.NormalizedName == normalized)));
        }

        if (request.Disabled is { } disabled)
        {
            users = users.Where(u => u.IsDisabled == disabled);
        }

        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var search = request.Search.Trim();
            var upper = search.ToUpperInvariant();
            users = users.Where(u => u.NormalizedUserName!.Contains(upper) || u.DisplayName.Contains(search));
        }

        var total = await users.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = users.OrderBy(u => u.NormalizedUserName).ThenBy(u => u.Id)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize);
        var items = await AccountViews.ReadAsync(db, page, clock, cancellationToken).ConfigureAwait(false);
        return new AccountPage(request.Page, request.PageSize, total, items);
    }
}

/// <summary>One account by id (404 when there is none).</summary>
/// <param name="Id">Account id.</param>
public sealed record GetAccount(Guid Id) : IRequest<AccountView>;

/// <summary>Handles <see cref="GetAccount"/>.</summary>
public sealed class GetAccountHandler(PlatformDbContext db, TimeProvider clock) : IRequestHandler<GetAccount, AccountView>
{
    /// <inheritdoc />
    public Task<AccountView> Handle(GetAccount request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AccountViews.GetAsync(db, request.Id, clock, cancellationToken);
    }
}
