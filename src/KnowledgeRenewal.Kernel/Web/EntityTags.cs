using KnowledgeRenewal.Kernel.Application;

namespace KnowledgeRenewal.Kernel.Web;

/// <summary>
/// The one way endpoints answer with a record's version: the view as the body, its entity tag as the <c>ETag</c>
/// header (clients send it back in <c>If-Match</c>; see <see cref="Preconditions"/>).
/// </summary>
public static class EntityTags
{
    /// <summary>The <c>If-Match</c> header's name.</summary>
    public const string IfMatchHeader = "If-Match";

    /// <summary>Writes the <c>ETag</c> header and returns the view.</summary>
    public static T WithETag<T>(this HttpContext http, Versioned<T> versioned)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(versioned);
        http.Response.Headers.ETag = EntityTag.Format(versioned.Stamp);
        return versioned.Value;
    }

    /// <summary>201 Created at <paramref name="location"/> with the view as the body and its <c>ETag</c>.</summary>
    public static IResult Created<T>(this HttpContext http, string location, Versioned<T> versioned)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(versioned);
        http.Response.Headers.ETag = EntityTag.Format(versioned.Stamp);
        return Results.Created(location, versioned.Value);
    }
}
