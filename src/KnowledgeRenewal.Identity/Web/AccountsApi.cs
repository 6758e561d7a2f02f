using KnowledgeRenewal.Identity.UseCases.Accounts;
using KnowledgeRenewal.Identity.UseCases.Clients;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Identity.Web;

/// <summary>
/// Account and integrator-client administration under <c>/api/admin/accounts</c> and <c>/api/admin/clients</c>,
/// for security administrators only. Answers that carry a one-time password or client secret are never cached.
/// </summary>
internal static class AccountsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder endpoints)
    {
        var accounts = endpoints.MapGroup("/api/admin/accounts")
            .WithTags("账号管理 (accounts)")
            .RequireAuthorization(PlatformPolicies.SecurityAdministration);

        accounts.MapGet("/", (Guid? organizationId, string? role, bool? disabled, string? search, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListAccounts(organizationId, role, disabled, search, page ?? 1, pageSize ?? 20), ct))
            .WithName("ListAccounts")
            .WithSummary("Accounts by user name, filtered by organization, role, disabled state and a search over user and display names; phone numbers masked.");

        accounts.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetAccount(id), ct))
            .WithName("GetAccount")
            .WithSummary("One account (404 when there is none).");

        accounts.MapPost("/", async (CreateAccount command, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var created = await mediator.Send(command, ct).ConfigureAwait(false);
                NoStore(http);
                return Results.Created($"/api/admin/accounts/{created.Account.Id}", created);
            })
            .WithName("CreateAccount")
            .WithSummary("Creates an account (userName, displayName, organizationId, roles, phone?, idNumber?) and returns its one-time password once; it must be changed at the first sign-in. 400 roles.separation / roles.organization_mismatch, 409 when the user name or ID number is taken.");

        accounts.MapPut("/{id:guid}/roles", (Guid id, RolesBody body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ChangeAccountRoles(id, body?.Roles ?? []), ct))
            .WithName("ChangeAccountRoles")
            .WithSummary("Replaces the account's roles (same checks as creation; not your own account). Ends its sessions and tokens.");

        accounts.MapPut("/{id:guid}/permissions", (Guid id, PermissionsBody body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ChangeAccountPermissions(id, body?.Permissions ?? []), ct))
            .WithName("ChangeAccountPermissions")
            .WithSummary("Replaces the account's individual permissions (e.g. personal-data.unmask; [] revokes all). Not to system, security or audit administrators (400 permissions.separation), not your own account (403). Ends its sessions and tokens; audited (account.permissions_changed).");

        accounts.MapPost("/{id:guid}/disable", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new DisableAccount(id), ct))
            .WithName("DisableAccount")
            .WithSummary("Disables the account; its sessions and tokens stop working on the next request.");

        accounts.MapPost("/{id:guid}/enable", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new EnableAccount(id), ct))
            .WithName("EnableAccount")
            .WithSummary("Enables a disabled account.");

        accounts.MapPost("/{id:guid}/reset-password", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var reset = await mediator.Send(new ResetAccountPassword(id), ct).ConfigureAwait(false);
                NoStore(http);
                return reset;
            })
            .WithName("ResetAccountPassword")
            .WithSummary("Sets a new one-time password (returned once; must be changed at the next sign-in), lifts a lockout, ends sessions and tokens.");

        accounts.MapPost("/{id:guid}/reset-two-factor", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ResetAccountTwoFactor(id), ct))
            .WithName("ResetAccountTwoFactor")
            .WithSummary("Removes the authenticator (lost phone): the account enrolls a new one at its next sign-in. Ends sessions and tokens.");

        var clients = endpoints.MapGroup("/api/admin/clients")
            .WithTags("账号管理 (accounts)")
            .RequireAuthorization(PlatformPolicies.SecurityAdministration);

        clients.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListClients(), ct))
            .WithName("ListClients")
            .WithSummary("Integrator clients: client id, display name, feed scopes.");

        clients.MapPost("/", async (CreateClient command, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var created = await mediator.Send(command, ct).ConfigureAwait(false);
                NoStore(http);
                return Results.Created($"/api/admin/clients/{created.Client.ClientId}", created);
            })
            .WithName("CreateClient")
            .WithSummary("Registers an integrator client (client credentials, read-only feed scopes) and returns its secret once. 409 when the client id is taken.");

        clients.MapDelete("/{clientId}", async (string clientId, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteClient(clientId), ct).ConfigureAwait(false);
                return Results.NoContent();
            })
            .WithName("DeleteClient")
            .WithSummary("Revokes the client's tokens and removes it.");

        return endpoints;
    }

    private static void NoStore(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
    }
}
