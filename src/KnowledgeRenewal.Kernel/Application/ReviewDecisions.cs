namespace KnowledgeRenewal.Kernel.Application;

/// <summary>Reads a decision (<c>approve</c>/<c>approved</c>/通过/同意, <c>reject</c>/<c>rejected</c>/驳回/不通过).</summary>
public static class ReviewDecisions
{
    /// <summary>True for approve, false for reject, null when not a decision.</summary>
    public static bool? Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "APPROVE" or "APPROVED" or "通过" or "同意" => true,
        "REJECT" or "REJECTED" or "驳回" or "不通过" => false,
        _ => null,
    };
}
