namespace KnowledgeRenewal.Sdk;

/// <summary>The unit a rule set counts in. Everything is recorded in credit hours; a rule set converts.</summary>
public enum CreditUnit
{
    /// <summary>学时 — credit hours.</summary>
    Hour = 1,

    /// <summary>学分 — credits (e.g. continuing medical education), converted with <see cref="CreditRuleSet.HoursPerUnit"/>.</summary>
    Credit = 2,
}
