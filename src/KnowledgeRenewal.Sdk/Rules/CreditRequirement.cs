namespace KnowledgeRenewal.Sdk;

/// <summary>
/// A minimum and/or maximum for one bucket of a cycle: a category (public/professional) or a module's
/// credit class (e.g. health's class I). Set exactly one of <see cref="Category"/> and <see cref="CreditClass"/>.
/// </summary>
public sealed record CreditRequirement
{
    /// <summary>The category this requirement counts, or null when it counts a class.</summary>
    public CreditCategory? Category { get; init; }

    /// <summary>The credit class key (see <see cref="DepartmentModule.CreditClasses"/>), or null when it counts a category.</summary>
    public string? CreditClass { get; init; }

    /// <summary>At least this much, in the rule set's unit.</summary>
    public decimal? Minimum { get; init; }

    /// <summary>At least this share of the rule set's required total.</summary>
    public Share? MinimumShare { get; init; }

    /// <summary>At most this much counts, in the rule set's unit; anything above is capped.</summary>
    public decimal? Maximum { get; init; }

    /// <summary>The bucket's key as shown in explanations: the category name or the class key.</summary>
    public string Bucket => CreditClass ?? Category?.ToString() ?? "";

    /// <summary>The effective minimum in the rule set's unit (the larger of the absolute and the share minimum).</summary>
    public decimal EffectiveMinimum(CreditRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var byShare = MinimumShare?.Of(ruleSet.RequiredTotal) ?? 0m;
        return Math.Max(Minimum ?? 0m, byShare);
    }
}
