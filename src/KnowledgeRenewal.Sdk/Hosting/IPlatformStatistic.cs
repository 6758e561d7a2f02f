namespace KnowledgeRenewal.Sdk;

/// <summary>
/// A number shown on the platform's landing page (e.g. "继续医学教育项目 642 项"). Implementations in an enabled
/// module's assembly are found automatically and resolved per request.
/// </summary>
public interface IPlatformStatistic
{
    /// <summary>Chinese label, e.g. 继续医学教育项目.</summary>
    string Label { get; }

    /// <summary>Chinese unit word, e.g. 项, 人, 门.</summary>
    string Unit { get; }

    /// <summary>Sort position on the page (smaller first).</summary>
    int Order { get; }

    /// <summary>Counts, in the database.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);
}
