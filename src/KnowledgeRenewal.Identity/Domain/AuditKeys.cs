namespace KnowledgeRenewal.Identity.Domain;

/// <summary>
/// How an audit record names the objects it covers: a bulk write or a save of many rows is one record per entity
/// type and action, naming up to <see cref="MaxKeys"/> keys and marking the rest with "…" (its details carry the count).
/// </summary>
public static class AuditKeys
{
    /// <summary>Keys named per record; more are counted and marked with "…".</summary>
    public const int MaxKeys = 20;

    /// <summary>The record's entity key for <paramref name="keys"/>: the first <see cref="MaxKeys"/>, comma-separated, then "…" if there are more.</summary>
    public static string Join(IReadOnlyCollection<Guid> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return Join(keys, k => k.ToString("D"));
    }

    /// <summary>The record's entity key for <paramref name="keys"/>, each written by <paramref name="format"/>.</summary>
    public static string Join<T>(IReadOnlyCollection<T> keys, Func<T, string> format)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(format);
        return string.Join(",", keys.Take(MaxKeys).Select(format)) + (keys.Count > MaxKeys ? ",…" : "");
    }
}
