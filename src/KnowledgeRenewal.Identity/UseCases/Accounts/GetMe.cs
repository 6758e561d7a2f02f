using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Identity.UseCases.Accounts;

/// <summary>Who the caller is and what they may see: account, roles, organization and data scope.</summary>
internal sealed record GetMe : IRequest<MeView>;

/// <summary>The caller: a person (account, organization) or an integrator client (client id only).</summary>
/// <param name="UserId">The account, for a person.</param>
/// <param name="ClientId">The client id, for an integrator client.</param>
/// <param name="UserName">User name.</param>
/// <param name="DisplayName">Shown name.</param>
/// <param name="Roles">Roles.</param>
/// <param name="Organization">The account's organization.</param>
/// <param name="Scope">The data scope.</param>
/// <param name="TwoFactorEnabled">Whether an authenticator is enrolled.</param>
/// <param name="Phone">Mobile number, masked.</param>
internal sealed record MeView(
    Guid? UserId,
    string? ClientId,
    string? UserName,
    string? DisplayName,
    IReadOnlyList<string> Roles,
    MeOrganization? Organization,
    AccessScope Scope,
    bool TwoFactorEnabled,
    string? Phone);

/// <summary>An organization in brief.</summary>
/// <param name="Id">Id.</param>
/// <param name="Code">Code.</param>
/// <param name="Name">Chinese name.</param>
/// <param name="Type">Type.</param>
/// <param name="RegionCode">Region.</param>
/// <param name="DepartmentCode">Sector, where one applies.</param>
internal sealed record MeOrganization(Guid Id, string Code, string Name, string Type, string RegionCode, string? DepartmentCode);

/// <summary>Handles <see cref="GetMe"/> (the phone number masked).</summary>
internal sealed class GetMeHandler(ICurrentAccess access, PlatformDbContext db) : IRequestHandler<GetMe, MeView>
{
    /// <inheritdoc />
    public async Task<MeView> Handle(GetMe request, CancellationToken cancellationToken)
    {
        if (access.UserId is not { } userId)
        {
            return new MeView(null, access.ClientId, null, null, [], null, access.Scope, false, null);
        }

        var me = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Join(db.Organizations, u => u.OrganizationId, o => o.Id, (u, o) => new { u.UserName, u.DisplayName, u.PhoneNumber, u.TwoFactorEnabled, Organization = o })
            .FirstAsync(cancellationToken)
            .ConfigureAwait(false);
        var organization = new MeOrganization(me.Organization.Id, me.Organization.Code, me.Organization.Name, me.Organization.Type.ToString(), me.Organization.RegionCode, me.Organization.DepartmentCode);
        return new MeView(
            userId, null, me.UserName, me.DisplayName, access.Roles, organization, access.Scope, me.TwoFactorEnabled,
            me.PhoneNumber is null ? null : MobileNumber.Mask(me.PhoneNumber));
    }
}
