using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Identity;
using KnowledgeRenewal.Identity.UseCases.SignIn;
using KnowledgeRenewal.Identity.Contracts;
namespace KnowledgeRenewal.Identity.Web;

/// <summary><c>GET /api/me</c>: who the caller is and what they may see.</summary>
internal static class MeApi
{
    public static void MapMeApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/me", async (ICurrentAccess access, PlatformDbContext db, CancellationToken ct) =>
            {
                if (access.UserId is not { } userId)
                {
                    return Results.Ok(new MeView(null, access.ClientId, null, null, [], null, access.Scope, false, null));
                }

                var me = await db.Users.AsNoTracking()
                    .Where(u => u.Id == userId)
                    .Join(db.Organizations, u => u.OrganizationId, o => o.Id, (u, o) => new { u.UserName, u.DisplayName, u.PhoneNumber, u.TwoFactorEnabled, Organization = o })
                    .FirstAsync(ct)
                    .ConfigureAwait(false);
                var organization = new OrganizationView(me.Organization.Id, me.Organization.Code, me.Organization.Name, me.Organization.Type.ToString(), me.Organization.RegionCode, me.Organization.DepartmentCode);
                return Results.Ok(new MeView(
                    userId, null, me.UserName, me.DisplayName, access.Roles, organization, access.Scope, me.TwoFactorEnabled,
                    me.PhoneNumber is null ? null : MobileNumber.Mask(me.PhoneNumber)));
            })
            .WithTags("账号 (account)")
            .WithName("GetMe")
            .WithSummary("The signed-in person or client: account, roles, organization and data scope (phone masked).");
    }

    /// <summary>The caller.</summary>
    public sealed record MeView(
        Guid? UserId,
        string? ClientId,
        string? UserName,
        string? DisplayName,
        IReadOnlyList<string> Roles,
        OrganizationView? Organization,
        AccessScope Scope,
        bool TwoFactorEnabled,
        string? Phone);

    /// <summary>An organization in brief.</summary>
    public sealed record OrganizationView(Guid Id, string Code, string Name, string Type, string RegionCode, string? DepartmentCode);
}
