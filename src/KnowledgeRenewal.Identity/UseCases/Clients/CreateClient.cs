using System.Security.Cryptography;
using System.Text.RegularExpressions;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KnowledgeRenewal.Identity.UseCases.Clients;

/// <summary>Registers an integrator client. Only these fields are read from the request.</summary>
internal sealed record CreateClient : IRequest<ClientWithSecret>
{
    /// <summary>Client id: 3–64 lower-case letters, digits, '.', '-' or '_', a letter first.</summary>
    public string ClientId { get; init; } = "";

    /// <summary>Shown name, e.g. the integrating system's Chinese name.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>Feed scopes (a subset of <see cref="FeedScopes.All"/>).</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];
}

/// <summary>A new client and its secret, which is shown this once and never again (only its hash is stored).</summary>
/// <param name="Client">The client.</param>
/// <param name="ClientSecret">The secret to hand to the integrator.</param>
internal sealed record ClientWithSecret(ClientView Client, string ClientSecret);

/// <summary>Checks a new client.</summary>
internal sealed partial class CreateClientValidator : AbstractValidator<CreateClient>
{
    /// <summary>Creates the validator.</summary>
    public CreateClientValidator()
    {
        RuleFor(c => c.ClientId).NotEmpty().WithErrorCode("required").WithMessage("请填写客户端标识（clientId）。")
            .Must(id => ClientIdPattern().IsMatch(id ?? "")).When(c => !string.IsNullOrEmpty(c.ClientId))
            .WithErrorCode("invalid_client_id").WithMessage("客户端标识应为 3 至 64 个字符，以小写英文字母开头，只能包含小写英文字母、数字和 . - _。");
        RuleFor(c => c.DisplayName).NotEmpty().WithErrorCode("required").WithMessage("请填写客户端名称（displayName）。")
            .MaximumLength(128).WithErrorCode("too_long").WithMessage("客户端名称最多 128 个字符。");
        RuleFor(c => c.Scopes).NotEmpty().WithErrorCode("required").WithMessage($"授权范围（scopes）至少选择一个：{string.Join("、", FeedScopes.All)}。");
        RuleForEach(c => c.Scopes).Must(s => s is not null && FeedScopes.All.Contains(s))
            .WithErrorCode("unknown_scope").WithMessage((_, scope) => $"授权范围“{scope}”不存在；可选：{string.Join("、", FeedScopes.All)}（均为只读）。");
    }

    [GeneratedRegex("^[a-z][a-z0-9._-]{2,63}$")]
    private static partial Regex ClientIdPattern();
}

/// <summary>
/// Handles <see cref="CreateClient"/>: a confidential OpenIddict application allowed the token and revocation
/// endpoints, the client-credentials grant and its feed scopes (409 when the client id is taken). Audited as
/// <see cref="AuditActions.ClientChanged"/>.
/// </summary>
internal sealed class CreateClientHandler(IOpenIddictApplicationManager applications, IAuditTrail audit) : IRequestHandler<CreateClient, ClientWithSecret>
{
    /// <inheritdoc />
    public async Task<ClientWithSecret> Handle(CreateClient request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await applications.FindByClientIdAsync(request.ClientId, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw AccountRules.ClientIdTaken(request.ClientId);
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
        return new ClientWithSecret(await ClientViews.ReadAsync(applications, application, cancellationToken).ConfigureAwait(false), secret);
    }

    // 256 random bits, URL-safe (the secret goes into form posts and Basic authentication headers).
    private static string Base64UrlSecret() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
