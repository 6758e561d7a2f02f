namespace KnowledgeRenewal.Sdk;

/// <summary>How one type of activity counts under a rule set. Activities without a rule do not count.</summary>
public sealed record ActivityRule
{
    /// <summary>The activity type.</summary>
    public ActivityType Activity { get; init; }

    /// <summary>The category the activity's credit goes to.</summary>
    public CreditCategory Category { get; init; } = CreditCategory.Professional;

    /// <summary>The credit class the activity's credit goes to, when the module distinguishes classes.</summary>
    public string? CreditClass { get; init; }

    /// <summary>Credit one item earns (one paper, one patent), in the rule set's unit; null when credited by hours attended.</summary>
    public decimal? CreditPerItem { get; init; }

    /// <summary>At most this much per year from this activity type, in the rule set's unit.</summary>
    public decimal? MaxPerYear { get; init; }
}
