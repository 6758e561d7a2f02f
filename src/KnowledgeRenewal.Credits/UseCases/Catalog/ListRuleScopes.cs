using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Catalog;

/// <summary>
/// The rule scopes the caller looks after — the program office: the platform's general standard and every enabled
/// module; a department administrator: their own department's module — with <paramref name="Selected"/> (or the first
/// of them when null) checked by the what-if's own access rule (<see cref="ComplianceAccess.EnsureMayTryRules"/>):
/// 403 for a scope the caller may not try, 404 for one that does not exist.
/// </summary>
/// <param name="Selected">The scope asked for (<c>platform</c> or an enabled module's key), or null for the caller's first.</param>
public sealed record ListRuleScopes(string? Selected = null) : IRequest<RuleScopes>;

/// <summary>A rule scope as offered.</summary>
/// <param name="Key"><c>platform</c> or the module's key.</param>
/// <param name="Name">In Chinese: the module's name, or 「通用标准」 for the platform.</param>
/// <param name="DepartmentCode">The department whose module it is (null for the platform).</param>
/// <param name="CreditClasses">The credit classes its rules may use (key → Chinese name, e.g. I → Ⅰ类学分); empty for most.</param>
public sealed record RuleScopeOption(string Key, string Name, string? DepartmentCode, IReadOnlyDictionary<string, string> CreditClasses)
{
    /// <summary>Whether this is a department's module (with its own professional-subject catalog).</summary>
    public bool IsModule => DepartmentCode is not null;
}

/// <summary>The scopes offered and the one selected.</summary>
/// <param name="Selected">The selected scope; null when the caller looks after none (a department without an enabled module).</param>
/// <param name="Options">Every scope the caller may choose, the platform first.</param>
public sealed record RuleScopes(RuleScopeOption? Selected, IReadOnlyList<RuleScopeOption> Options);

/// <summary>Handles <see cref="ListRuleScopes"/>.</summary>
public sealed class ListRuleScopesHandler(ComplianceRules rules, ModuleRegistry modules, ICurrentAccess access) : IRequestHandler<ListRuleScopes, RuleScopes>
{
    /// <summary>The platform's book as offered.</summary>
    public const string PlatformName = "通用标准";

    /// <inheritdoc />
    public Task<RuleScopes> Handle(ListRuleScopes request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var all = rules.All.Select(book => Option(book.Scope)).ToList();
        var options = all.Where(o => ComplianceAccess.MayTryRules(access, o.Key, o.DepartmentCode)).ToList();
        if (string.IsNullOrWhiteSpace(request.Selected))
        {
            return Task.FromResult(new RuleScopes(options.FirstOrDefault(o => o.IsModule) ?? options.FirstOrDefault(), options));
        }

        var key = request.Selected.Trim();
        var selected = all.FirstOrDefault(o => o.Key == key) ?? throw new NotFoundException("规则范围", key);
        ComplianceAccess.EnsureMayTryRules(access, selected.Key, rules.DepartmentOf(selected.Key));
        return Task.FromResult(new RuleScopes(selected, options));
    }

    private RuleScopeOption Option(string scope) =>
        scope == PlatformCreditRules.Scope
            ? new RuleScopeOption(scope, PlatformName, null, rules.ClassNames(scope))
            : new RuleScopeOption(scope, modules.FindEnabled(scope)?.Manifest.NameZh ?? scope, rules.DepartmentOf(scope), rules.ClassNames(scope));
}
