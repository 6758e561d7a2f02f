namespace KnowledgeRenewal.Sdk;

/// <summary>
/// The limits every OData feed of the platform enforces (configuration section <c>OData</c>).
/// A query over a limit gets a 400 problem that names the limit.
/// </summary>
public sealed class ODataLimits
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "OData";

    /// <summary>Largest <c>$top</c>.</summary>
    public int MaxTop { get; set; } = 1000;

    /// <summary>Largest <c>$skip</c>.</summary>
    public int MaxSkip { get; set; } = 1_000_000;

    /// <summary>Rows per response page; more rows are reached through <c>@odata.nextLink</c>.</summary>
    public int PageSize { get; set; } = 200;

    /// <summary>Deepest <c>$expand</c> nesting.</summary>
    public int MaxExpansionDepth { get; set; } = 2;

    /// <summary>Most nodes in a <c>$filter</c> (or other) expression tree.</summary>
    public int MaxNodeCount { get; set; } = 100;

    /// <summary>Most <c>$orderby</c> clauses.</summary>
    public int MaxOrderByNodeCount { get; set; } = 5;

    /// <summary>
    /// Days an <c>@odata.deltaLink</c> stays usable; removal records (tombstones) are kept as long. An older link is
    /// answered 410: read the set again (ADR 0023).
    /// </summary>
    public double DeltaTokenLifetimeDays { get; set; } = 30;
}
