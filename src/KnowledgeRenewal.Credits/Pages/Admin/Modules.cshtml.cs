using KnowledgeRenewal.Credits.UseCases.Catalog;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace KnowledgeRenewal.Credits.Pages.Admin;

/// <summary>
/// <c>/admin/modules</c>: the system administrator's list of installed department modules — the same
/// <see cref="ListModules"/> (every installed one) and policy as <c>GET /api/admin/modules</c> — with when each last
/// started on this database (<see cref="ListModuleStarts"/>), and modules the database remembers that this instance
/// did not load.
/// </summary>
[Authorize(Policy = PlatformPolicies.SystemAdministration)]
internal sealed class ModulesModel(IMediator mediator) : PlatformPageModel
{
    /// <summary>The installed modules, as the API lists them.</summary>
    public IReadOnlyList<ModuleSummary> Modules { get; private set; } = [];

    /// <summary>What the database remembers, by key.</summary>
    public IReadOnlyDictionary<string, ModuleStart> Starts { get; private set; } = new Dictionary<string, ModuleStart>();

    /// <summary>Modules the database has seen that this instance did not load (removed from the deployment).</summary>
    public IReadOnlyList<ModuleStart> Missing { get; private set; } = [];

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Modules = await mediator.Send(new ListModules(IncludeDisabled: true), cancellationToken).ConfigureAwait(false);
        var starts = await mediator.Send(new ListModuleStarts(), cancellationToken).ConfigureAwait(false);
        Starts = starts.ToDictionary(s => s.Key, StringComparer.Ordinal);
        Missing = [.. starts.Where(s => Modules.All(m => m.Key != s.Key))];
    }

    /// <summary>Where a module came from, in words.</summary>
    public static string SourceText(string source) =>
        string.Equals(source, "referenced", StringComparison.Ordinal) ? "随平台发布（程序集引用）" : $"模块目录中的文件：{Path.GetFileName(source)}";
}
