using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Kernel.Application;

/// <summary>How an <c>If-Match</c> header compares with a record's current entity tag.</summary>
public enum EntityTagMatch
{
    /// <summary>No usable entity tag was sent (missing header, or only <c>*</c> or weak tags): 428.</summary>
    Missing = 1,

    /// <summary>A tag was sent, but not the current one — someone changed the record since it was read: 412.</summary>
    Stale = 2,

    /// <summary>The current tag was sent.</summary>
    Current = 3,
}

/// <summary>
/// Entity tags (RFC 9110) of registry records: the record's concurrency stamp in quotes, e.g.
/// <c>"3f2c…"</c>. Updates must send the tag they read in <c>If-Match</c> (strong comparison; weak tags and
/// <c>*</c> do not count, so an update can never silently overwrite a change it has not seen).
/// </summary>
public static class EntityTag
{
    /// <summary>The entity tag of a record whose concurrency stamp is <paramref name="stamp"/>.</summary>
    public static string Format(Guid stamp) => "\"" + stamp.ToString("N") + "\"";

    /// <summary>Compares an <c>If-Match</c> header value with the record's <paramref name="current"/> stamp.</summary>
    /// <param name="ifMatch">The header value(s), possibly a comma-separated list.</param>
    /// <param name="current">The record's concurrency stamp now.</param>
    /// <param name="sent">The stamp the client sent (the first strong tag that is a stamp), when there is one.</param>
    public static EntityTagMatch Check(string? ifMatch, Guid current, out Guid? sent)
    {
        sent = null;
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return EntityTagMatch.Missing;
        }

        var any = false;
        foreach (var part in ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // Weak tags never match for If-Match (strong comparison); "*" names no version.
            if (part.StartsWith("W/", StringComparison.Ordinal) || part == "*")
            {
                continue;
            }

            var value = part.Length >= 2 && part[0] == '"' && part[^1] == '"' ? part[1..^1] : part;
            any = true;
            if (Guid.TryParse(value, out var stamp))
            {
                sent ??= stamp;
                if (stamp == current)
                {
                    sent = stamp;
                    return EntityTagMatch.Current;
                }
            }
        }

        return any ? EntityTagMatch.Stale : EntityTagMatch.Missing;
    }
}
