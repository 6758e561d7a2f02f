using Microsoft.AspNetCore.Http;

namespace KnowledgeRenewal.Sdk;

/// <summary>
/// What a feed attaches to its request when it answers with change tracking (ADR 0023): the feed filter then says
/// <c>Preference-Applied: odata.track-changes</c>, carries <see cref="Baseline"/> in every <c>@odata.nextLink</c>
/// (inside the opaque <c>$skiptoken</c>), and on the last page adds the <see cref="Removed"/> entries and the
/// <c>@odata.deltaLink</c>.
/// </summary>
public sealed class ODataDeltaAnswer
{
    private const string ItemKey = "KnowledgeRenewal.ODataDeltaAnswer";

    /// <summary>The entity set.</summary>
    public required string EntitySet { get; init; }

    /// <summary>The change number every page of this read is bound to (the delta token's number of an initial read; the upper bound of a delta read).</summary>
    public required long Baseline { get; init; }

    /// <summary>The absolute <c>@odata.deltaLink</c> of the last page.</summary>
    public required string DeltaLink { get; init; }

    /// <summary>Whether this answers a delta link (a <c>$delta</c> payload) rather than the initial read.</summary>
    public bool IsDelta { get; init; }

    /// <summary>The removed entries of a delta read: absolute <c>@id</c> and reason (<c>deleted</c> or <c>changed</c>).</summary>
    public Func<CancellationToken, Task<IReadOnlyList<(string Id, string Reason)>>>? Removed { get; init; }

    /// <summary>Attaches the answer to <paramref name="context"/>.</summary>
    public void AttachTo(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[ItemKey] = this;
    }

    /// <summary>The answer attached to <paramref name="context"/>, if any.</summary>
    public static ODataDeltaAnswer? Of(HttpContext? context) => context?.Items.TryGetValue(ItemKey, out var value) == true ? value as ODataDeltaAnswer : null;

    /// <summary>The change number a page link of a tracked read carries (null on a first page or an untracked read).</summary>
    public static long? BaselineOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query.TryGetValue("$skiptoken", out var raw) && KeysetSkipTokens.Decode(raw.ToString()) is { Baseline: { } baseline } ? baseline : null;
    }
}
