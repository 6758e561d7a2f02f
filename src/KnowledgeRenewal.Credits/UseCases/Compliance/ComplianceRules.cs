using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Credits.UseCases.CreditRules;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Credits.Web;
namespace KnowledgeRenewal.Credits.UseCases.Compliance;

/// <summary>
/// Which rule book governs whom: a professional's department's enabled module's book, or the platform default for
/// departments without one (<see cref="CreditRuleBooks.ForDepartment"/>); the credit-class names of each book (for
/// explanations); and the departments a book covers (for bulk work, one book at a time).
/// </summary>
public sealed class ComplianceRules(CreditRuleBooks books, ModuleRegistry modules)
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> classNames = modules.Enabled.ToDictionary(
        m => m.Key,
        m => (IReadOnlyDictionary<string, string>)m.Module.CreditClasses.ToDictionary(c => c.Key, c => c.Name, StringComparer.Ordinal),
        StringComparer.Ordinal);

    /// <summary>Every book in force: the platform's, then the enabled modules' by key.</summary>
    public IEnumerable<RuleBook> All => books.All;

    /// <summary>The book that governs a professional of <paramref name="departmentCode"/>.</summary>
    public RuleBook BookFor(string departmentCode) => books.ForDepartment(departmentCode);

    /// <summary>The book of a scope (<c>platform</c> or an enabled module's key), or null.</summary>
    public RuleBook? Book(string scope) =>
        scope == PlatformCreditRules.Scope ? books.Platform : books.ForModule(scope);

    /// <summary>The credit classes (key → Chinese name) of a book's scope; empty for books without classes.</summary>
    public IReadOnlyDictionary<string, string> ClassNames(string scope) =>
        classNames.GetValueOrDefault(scope) ?? new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The department a module book covers (null for the platform book, which covers every department without an enabled module).</summary>
    public string? DepartmentOf(string scope) =>
        scope == PlatformCreditRules.Scope ? null : modules.FindEnabled(scope)?.Manifest.DepartmentCode;

    /// <summary>The departments that have an enabled module (the platform book covers all others).</summary>
    public IReadOnlyList<string> ModuleDepartments => [.. modules.Enabled.Select(m => m.Manifest.DepartmentCode).Distinct(StringComparer.Ordinal)];

    /// <summary>The cycle of <paramref name="book"/> containing <paramref name="year"/>; a one-year window when no rule applies.</summary>
    public static CycleWindow CycleOf(RuleBook book, int year) => CreditEvaluator.CycleOf(book, year) ?? new CycleWindow(year, 1);

    /// <summary>Evaluates one person's cycle containing <paramref name="year"/> under their department's book.</summary>
    public ComplianceResult Evaluate(RuleBook book, int year, IEnumerable<CreditEntry> entries, DateOnly today) =>
        CreditEvaluator.Evaluate(book, year, entries, today, ClassNames(book.Scope));

    /// <summary>As <see cref="Evaluate"/> without the per-record verdicts: what the compliance table stores.</summary>
    public ComplianceResult Assess(RuleBook book, int year, IEnumerable<CreditEntry> entries, DateOnly today) =>
        CreditEvaluator.Evaluate(book, year, entries, today, ClassNames(book.Scope), explain: false);
}
