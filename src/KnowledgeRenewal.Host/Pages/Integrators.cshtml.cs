using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OData.Routing;
using Microsoft.AspNetCore.OData.Routing.Template;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Host.Pages;

/// <summary>
/// The integrator guide (系统对接指南): how a downstream system gets a client, a token and the data. Its figures are
/// read from the running platform — the feeds and the scope each needs from the endpoints' own metadata, the token
/// lifetime and the paging limits from configuration — so the guide cannot drift from what the API does.
/// </summary>
[AllowAnonymous]
public sealed class IntegratorsModel(EndpointDataSource endpoints, IOptions<ODataLimits> limits, IOptions<SecurityOptions> security) : PageModel
{
    /// <summary>Every OData entity set the platform serves, with who may read it.</summary>
    public IReadOnlyList<FeedEntry> Feeds { get; private set; } = [];

    /// <summary>The paging and query limits in force.</summary>
    public ODataLimits Limits => limits.Value;

    /// <summary>How long an access token lives, in minutes.</summary>
    public int AccessTokenMinutes => security.Value.AccessTokenMinutes;

    /// <summary>The feed scopes an integrator client can be granted, with what each covers.</summary>
    public static IReadOnlyList<(string Scope, string Covers)> Scopes { get; } =
    [
        (FeedScopes.Catalog, "参考数据与目录：区县、行业主管部门、行业模块、科目、学时规则（这些数据集也对匿名调用开放）"),
        (FeedScopes.Organizations, "机构登记：主管部门、施教机构、用人单位"),
        (FeedScopes.Registry, "专业技术人员登记与任职经历（个人信息脱敏，不含身份证号）"),
        (FeedScopes.Credits, "学时记录、达标情况、学时证明元数据、项目、培训班、年度计划与基地（个人信息脱敏）"),
    ];

    /// <summary>Reads the feeds from the endpoints.</summary>
    public void OnGet()
    {
        Feeds = [.. endpoints.Endpoints
            .Select(FeedEntry.From)
            .OfType<FeedEntry>()
            .DistinctBy(f => f.Address)
            .OrderBy(f => f.Address.Count(c => c == '/'))
            .ThenBy(f => f.Address, StringComparer.Ordinal)];
    }

    /// <summary>One entity set: its address and who may read it.</summary>
    /// <param name="Address">The set's address, e.g. <c>/odata/CreditRecords</c>.</param>
    /// <param name="Readers">Who may read it, in words.</param>
    /// <param name="Scope">The feed scope an integrator client needs, or null when none can read it.</param>
    public sealed record FeedEntry(string Address, string Readers, string? Scope)
    {
        /// <summary>The entry for a GET of a whole entity set; null for anything else.</summary>
        public static FeedEntry? From(Endpoint endpoint)
        {
            ArgumentNullException.ThrowIfNull(endpoint);
            if (endpoint.Metadata.GetMetadata<IODataRoutingMetadata>() is not { } odata
                || odata.Template.Count != 1
                || odata.Template[0] is not EntitySetSegmentTemplate set
                || endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods && !methods.HttpMethods.Contains(HttpMethods.Get))
            {
                return null;
            }

            var address = $"/{odata.Prefix}/{set.EntitySet.Name}";
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                return new FeedEntry(address, "任何人（无需令牌）", null);
            }

            var readersAttributes = endpoint.Metadata.GetOrderedMetadata<RegistryReadersAttribute>();
            if (readersAttributes.Count > 0 && readersAttributes[^1] is { } readers)
            {
                return new FeedEntry(address, "业务角色（按管辖范围）与持有该权限范围的对接客户端", readers.FeedScope);
            }

            return new FeedEntry(address, "仅限指定管理员角色（对接客户端不可读取）", null);
        }
    }
}
