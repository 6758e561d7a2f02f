using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KnowledgeRenewal.Kernel.Web;

/// <summary>
/// Describes how a caller authenticates in the OpenAPI document: one OAuth 2.0 scheme with the two flows the token
/// endpoint serves — the password grant (people, with <c>totp_code</c> when their account has two factors) and client
/// credentials (integrator clients, with the feed scopes) — and, on every operation that requires a signed-in caller
/// (all but those marked anonymous: the platform's fallback policy requires an authenticated caller), a requirement of
/// that scheme. Swagger UI (<c>/api-docs</c>) shows its Authorize button from it.
/// </summary>
public static class OpenApiSecurity
{
    /// <summary>The scheme's name in <c>components.securitySchemes</c>.</summary>
    public const string SchemeName = "oauth2";

    /// <summary>The token endpoint, relative to the host.</summary>
    public const string TokenPath = "/connect/token";

    /// <summary>Adds the scheme and the operations' requirements to the document's options.</summary>
    public static void Apply(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
            document.Components.SecuritySchemes[SchemeName] = Scheme();
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (!metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
            }

            return Task.CompletedTask;
        });
    }

    private static OpenApiSecurityScheme Scheme() => new()
    {
        Type = SecuritySchemeType.OAuth2,
        Description = "访问令牌由 " + TokenPath + " 签发，有效期 10 分钟（Security:AccessTokenMinutes）。"
            + " 人员使用密码模式（启用双因素的账号另附 totp_code 字段；scope=offline_access 另得可轮换的刷新令牌）；"
            + " 对接系统使用客户端凭据模式，客户端由安全管理员创建，按 scope 取得只读数据源。"
            + " Tokens come from " + TokenPath + " (10 minutes): people use the password grant (plus totp_code when two"
            + " factors are enrolled), integrator clients the client-credentials grant with the feed scopes.",
        Flows = new OpenApiOAuthFlows
        {
            Password = new OpenApiOAuthFlow
            {
                TokenUrl = new Uri(TokenPath, UriKind.Relative),
                Scopes = new Dictionary<string, string>(StringComparer.Ordinal) { ["offline_access"] = "刷新令牌（可轮换） — a rotating refresh token" },
            },
            ClientCredentials = new OpenApiOAuthFlow
            {
                TokenUrl = new Uri(TokenPath, UriKind.Relative),
                Scopes = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [FeedScopes.Catalog] = "参考数据与目录：部门、区县、行业模块、科目、规则 — reference data and catalogs",
                    [FeedScopes.Organizations] = "机构登记：主管部门、培训机构、用人单位 — the organization registry",
                    [FeedScopes.Registry] = "专业技术人员登记（个人信息脱敏，不含身份证号） — professionals, masked",
                    [FeedScopes.Credits] = "学时记录、达标情况与学时证明元数据（个人信息脱敏） — credit records, compliance, certificates",
                },
            },
        },
    };
}
