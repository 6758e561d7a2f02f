namespace KnowledgeRenewal.Sdk;

/// <summary>
/// A class of credit a department distinguishes, e.g. health's class I (Ⅰ类学分, from approved CME projects)
/// and class II (Ⅱ类学分, self-study, papers, in-house activities). Rules can set minimums and maximums per class.
/// </summary>
/// <param name="Key">Stable key the rules refer to, e.g. <c>I</c>.</param>
/// <param name="Name">Chinese name, e.g. Ⅰ类学分.</param>
/// <param name="Description">What earns credit of this class, in Chinese.</param>
public sealed record CreditClassDefinition(string Key, string Name, string Description);
