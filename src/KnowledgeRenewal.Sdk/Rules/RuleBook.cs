namespace KnowledgeRenewal.Sdk;

/// <summary>The rule sets of one scope (the platform default or one module) in effective-date order.</summary>
public sealed class RuleBook
{
    /// <summary>Creates a rule book; the sets are ordered by <see cref="CreditRuleSet.EffectiveFrom"/>.</summary>
    public RuleBook(string scope, IEnumerable<CreditRuleSet> ruleSets)
    {
        Scope = scope;
        RuleSets = ruleSets.OrderBy(r => r.EffectiveFrom).ToArray();
    }

    /// <summary><c>platform</c> or a module key.</summary>
    public string Scope { get; }

    /// <summary>All sets, oldest first.</summary>
    public IReadOnlyList<CreditRuleSet> RuleSets { get; }

    /// <summary>The set in force on <paramref name="day"/>, or null when none applies.</summary>
    public CreditRuleSet? InForceOn(DateOnly day)
    {
        for (var i = RuleSets.Count - 1; i >= 0; i--)
        {
            var set = RuleSets[i];
            if (set.EffectiveFrom <= day)
            {
                return set.Covers(day) ? set : null;
            }
        }

        return null;
    }
}
