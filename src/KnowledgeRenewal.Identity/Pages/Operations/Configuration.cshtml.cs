using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Identity.Pages.Operations;

/// <summary>
/// <c>/admin/configuration</c>: the system administrator's history of configuration changes, newest first —
/// <see cref="ListConfigurationChanges"/>, as <c>GET /api/admin/configuration-changes</c>.
/// </summary>
[Authorize(Policy = PlatformPolicies.SystemAdministration)]
internal sealed class ConfigurationModel : PlatformPageModel
{
    /// <summary>Changes per page.</summary>
    public const int PageSize = 50;

    /// <summary>The page of changes (null when refused).</summary>
    public Paged<ConfigurationChange>? Result { get; private set; }

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        var (ok, result) = await TrySendAsync(new ListConfigurationChanges(Math.Max(page ?? 1, 1), PageSize), cancellationToken).ConfigureAwait(false);
        Result = ok ? result : null;
        ViewData["PageNote"] = Result is { Pages: > 1 } r ? $"（第 {r.Page} 页，共 {r.Pages} 页）" : null;
    }

    /// <summary>What kind of change, in words.</summary>
    public static string Kind(ConfigurationChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change switch
        {
            { IsModuleSwitch: true } => change.After == "true" ? "启用模块" : change.After == "false" ? "停用模块" : "模块开关",
            { Setting: null } => "初始配置",
            { Before: null } => "新增设置",
            { After: null } => "删除设置",
            _ => "修改设置",
        };
    }

    /// <summary>A value as shown (a secret only as its fingerprint).</summary>
    public static string Value(string? value) => value switch
    {
        null => "（未设置）",
        var v when v.StartsWith("sha256:", StringComparison.Ordinal) => $"（保密值，指纹 {v["sha256:".Length..]}）",
        var v => v,
    };
}
