using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel.Access;
namespace KnowledgeRenewal.Kernel.Application;

/// <summary>Optimistic concurrency of registry updates: <c>If-Match</c> with the entity tag read (see <see cref="EntityTag"/>).</summary>
public static class Preconditions
{
    /// <summary>An update did not send <c>If-Match</c> with the entity tag it read (428).</summary>
    public const string PreconditionRequiredCode = "concurrency.precondition_required";

    /// <summary>The record changed since the caller read it (412): read it again and repeat the change.</summary>
    public const string StaleCode = "concurrency.stale";

    /// <summary>
    /// The stamp the client read, when it is the current one; 428 when no entity tag was sent, 412 when it is stale.
    /// The caller sets it as the original value of the concurrency token, so a change committed in between still
    /// fails (412) in the database.
    /// </summary>
    public static Guid Require(string? ifMatch, Guid current) => EntityTag.Check(ifMatch, current, out var sent) switch
    {
        EntityTagMatch.Current => sent!.Value,
        EntityTagMatch.Stale => throw Stale(),
        _ => throw new PlatformException(
            PreconditionRequiredCode,
            StatusCodes.Status428PreconditionRequired,
            "缺少版本标识",
            "修改前请先读取该记录，并在 If-Match 请求头中带上读取时返回的 ETag，以免覆盖他人的修改。"),
    };

    /// <summary>412: the record changed since it was read.</summary>
    public static PlatformException Stale() => new(
        StaleCode,
        StatusCodes.Status412PreconditionFailed,
        "数据已被他人修改",
        "数据已被他人修改：该记录在您读取之后已被修改，请重新读取（刷新页面）后再提交。");
}

/// <summary>A view and the entity tag of the record it shows (the endpoint writes the <c>ETag</c> header).</summary>
/// <typeparam name="T">The view.</typeparam>
/// <param name="Value">The view.</param>
/// <param name="Stamp">The record's concurrency stamp.</param>
public sealed record Versioned<T>(T Value, Guid Stamp);
