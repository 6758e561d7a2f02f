using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Credits.UseCases.CreditRules;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>
/// The platform's default rule book, applied to anyone whose department has no enabled module. Its numbers are the
/// SDK's <see cref="PlatformDefaultRules"/> — the one definition the core and the modules that adopt the default share.
/// A deployment whose province sets other numbers supersedes it with data
/// (configuration <c>CreditRules:Overrides:platform</c>), never by changing code.
/// </summary>
public static class PlatformCreditRules
{
    /// <summary>Scope name of the platform default rule book.</summary>
    public const string Scope = PlatformDefaultRules.Scope;

    /// <summary>The built-in default rule sets.</summary>
    public static IReadOnlyList<CreditRuleSet> RuleSets => PlatformDefaultRules.RuleSets;
}
