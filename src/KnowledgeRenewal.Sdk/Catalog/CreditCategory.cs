namespace KnowledgeRenewal.Sdk;

/// <summary>The two kinds of continuing-education content.</summary>
public enum CreditCategory
{
    /// <summary>公需科目 — public subjects every professional takes (politics, ethics, digital skills …).</summary>
    Public = 1,

    /// <summary>专业科目 — professional subjects, catalogued per line department.</summary>
    Professional = 2,
}
