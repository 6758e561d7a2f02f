using System.Security.Cryptography;
using System.Text.RegularExpressions;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Sdk;
using MediatR;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Identity.Web;
namespace KnowledgeRenewal.Identity.UseCases.Accounts;

/// <summary>An integrator client (OAuth 2.0 client credentials, read-only feed scopes).</summary>
/// <param name="ClientId">Client id.</param>
/// <param name="DisplayName">Shown name.</param>
/// <param name="Scopes">Feed scopes it may request (see <see cref="FeedScopes"/>).</param>
public sealed record ClientView(string ClientId, string? DisplayName, IReadOnlyList<string> Scopes);

/// <summary>A new client and its secret, which is shown this once and never again (only its hash is stored).</summary>
/// <param name="Client">The client.</param>
/// <param name="ClientSecret">The secret to hand to the integrator.</param>
public sealed record ClientWithSecret(ClientView Client, string ClientSecret);

/// <summary>Lists the integrator clients.</summary>
public sealed record ListClients : IRequest<IReadOnlyList<ClientView>>;

/// <summary>Registers an integrator client. Only these fields are read from the request.</summary>
public sealed record CreateClient : IRequest<ClientWithSecret>
{
    /// <summary>Client id: 3–64 lower-case letters, digits, '.', '-' or '_', a letter first.</summary>
    public string ClientId { get; init; } = "";

    /// <summary>Shown name, e.g. the integrating system's Chinese name.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>Feed scopes (a subset of <see cref="FeedScopes.All"/>).</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];
}

/// <summary>Removes an integrator client; its tokens stop working at once.</summary>
/// <param name="ClientId">Client id.</param>
public sealed record DeleteClient(string ClientId) : IRequest<Unit>;

/// <summary>Checks a new client.</summary>
public sealed partial class CreateClientValidator : AbstractValidator<CreateClient>
{
    /// <summary>Creates the validator.</summary>
    public CreateClientValidator()
    {
        RuleFor(c => c.ClientId).NotEmpty().WithErrorCode("required").WithMessage("客户端标识（clientId）不能为空。")
            .Must(id => ClientIdPattern().IsMatch(id ?? "")).When(c => !string.IsNullOrEmpty(c.ClientId))
            .WithErrorCode("invalid_client_id").WithMessage("客户端标识应为 3 至 64 个字符，以小写英文字母开头，只能包含小写英文字母、数字和 . - _。");
        RuleFor(c => c.DisplayName).NotEmpty().WithErrorCode("required").WithMessage("客户端名称（displayName）不能为空。")
            .MaximumLength(128).WithErrorCode("too_long").WithMessage("客户端名称不能超过 128 个字符。");
        RuleFor(c => c.Scopes).NotEmpty().WithErrorCode("required").WithMessage($"授权范围（scopes）至少选择一个：{string.Join("、", FeedScopes.All)}。");
        RuleForEach(c => c.Scopes).Must(s => s is not null && FeedScopes.All.Contains(s))
            .WithErrorCode("unknown_scope").WithMessage((_, scope) => $"授权范围“{scope}”不存在；可选：{string.Join("、", FeedScopes.All)}（均为只读）。");
    }

    [GeneratedRegex("^[a-z][a-z0-9._-]{2,63}$")]
    private static partial Regex ClientIdPattern();
}

/// <summary>
/// Handles the integrator clients: OpenIddict confidential applications allowed the token and revocation endpoints,
/// the client-credentials grant and their feed scopes. Every change is audited as <see cref="AuditActions.ClientChanged"/>.
/// </summary>
public sealed class IntegratorClientHandlers(
    IOpenIddictApplicationManager applications,
    IOpenIddictTokenManager tokens,
    IAuditTrail audit)
    : IRequestHandler<ListClients, IReadOnlyList<ClientView>>,
      IRequestHandler<CreateClient, ClientWithSecret>,
      IRequestHandler<DeleteClient, Unit>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ClientView>> Handle(ListClients request, CancellationToken cancellationToken)
    {
        var clients = new List<ClientView>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken).ConfigureAwait(false))
        {
            clients.Add(await ViewAsync(application, cancellationToken).ConfigureAwait(false));
        }

        return [.. clients.OrderBy(c => c.ClientId, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<ClientWithSecret> Handle(CreateClient request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await applications.FindByClientIdAsync(request.ClientId, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new PlatformException(AccountProblemCodes.ClientIdTaken, StatusCodes.Status409Conflict, "数据冲突", $"客户端标识“{request.ClientId}”已被使用，请换一个。");
        }

        var scopes = request.Scopes.Distinct(StringComparer.Ordinal).ToArray();
        var secret = Base64UrlSecret();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = request.ClientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = request.DisplayName.Trim(),
        };
        descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.GrantTypes.ClientCredentials]);
        descriptor.Permissions.UnionWith(scopes.Select(s => Permissions.Prefixes.Scope + s));
        var application = await applications.CreateAsync(descriptor, cancellationToken).ConfigureAwait(false);

        await audit.RecordAsync(
            new AuditEvent(AuditActions.ClientChanged, AuditOutcome.Success, "Client", request.ClientId, $"created; scopes={string.Join(",", scopes)}"),
            cancellationToken).ConfigureAwait(false);
        return new ClientWithSecret(await ViewAsync(application, cancellationToken).ConfigureAwait(false), secret);
    }

    /// <inheritdoc />
    public async Task<Unit> Handle(DeleteClient request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var application = await applications.FindByClientIdAsync(request.ClientId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("客户端", request.ClientId);
        var id = await applications.GetIdAsync(application, cancellationToken).ConfigureAwait(false);
        if (id is not null)
        {
            await tokens.RevokeByApplicationIdAsync(id, cancellationToken).ConfigureAwait(false);
        }

        await applications.DeleteAsync(application, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(new AuditEvent(AuditActions.ClientChanged, AuditOutcome.Success, "Client", request.ClientId, "deleted; tokens revoked"), cancellationToken).ConfigureAwait(false);
        return Unit.Value;
    }

    private async Task<ClientView> ViewAsync(object application, CancellationToken cancellationToken)
    {
        var permissions = await applications.GetPermissionsAsync(application, cancellationToken).ConfigureAwait(false);
        return new ClientView(
            await applications.GetClientIdAsync(application, cancellationToken).ConfigureAwait(false) ?? "",
            await applications.GetDisplayNameAsync(application, cancellationToken).ConfigureAwait(false),
            [.. permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal)).Select(p => p[Permissions.Prefixes.Scope.Length..]).Order(StringComparer.Ordinal)]);
    }

    // 256 random bits, URL-safe (the secret goes into form posts and Basic authentication headers).
    private static string Base64UrlSecret() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
