using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Kernel.Changes;

/// <summary>
/// OData change tracking for a feed (ADR 0023). <c>Prefer: odata.track-changes</c> on a plain read (no
/// <c>$filter</c>, <c>$orderby</c>, <c>$apply</c>, <c>$expand</c>, <c>$search</c>, <c>$compute</c>, <c>$top</c>,
/// <c>$skip</c>; <c>$select</c> and <c>$count</c> are fine) answers with <c>Preference-Applied</c> and, on the last
/// page, an <c>@odata.deltaLink</c>; following it answers the rows of the caller's scope changed since, and
/// <c>@removed</c> entries for rows deleted or moved out of the caller's scope (tombstones seen by their OLD scope).
/// A delta token older than <see cref="ODataLimits.DeltaTokenLifetimeDays"/> is a 410.
/// </summary>
public static partial class ChangeFeed
{
    private const string TokenVersion = "d1";
    private static long lastPurge;

    // Declared as the entity's queryable, as if the action returned it: the OData formatter writes every shape the query
    // options make of it ($select, $apply's aggregates), where a bare Ok(value) would be typed by its runtime class and
    // an aggregate fall through to the plain JSON formatter.
    private static OkObjectResult Feed<T>(IQueryable<T> rows) => new(rows) { DeclaredType = typeof(IQueryable<T>) };

    /// <summary>Answers a feed's collection request, tracked when asked for.</summary>
    public static async Task<IActionResult> AnswerAsync<T>(ControllerBase controller, PlatformDbContext db, IQueryable<T> visible, string entitySet)
        where T : class, IChangeTracked
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(db);
        var http = controller.HttpContext;
        var request = http.Request;
        var cancellationToken = http.RequestAborted;
        var hasToken = request.Query.TryGetValue("$deltatoken", out var rawToken);
        var pageBaseline = ODataDeltaAnswer.BaselineOf(request);
        if (!hasToken && pageBaseline is null && !TrackChanges().IsMatch(string.Join(",", request.Headers["Prefer"].ToArray())))
        {
            return Feed(visible);
        }

        if (!Trackable(request))
        {
            return hasToken
                ? Problem(StatusCodes.Status400BadRequest, ProblemCodes.ODataDeltaTokenInvalid, "增量链接不能再附加 $filter、$orderby、$apply、$expand、$search、$compute、$top 或 $skip：请原样使用 @odata.deltaLink（可保留 $select）。")
                : Feed(visible); // the preference is not applied to a filtered or ordered read
        }

        var limits = http.RequestServices.GetRequiredService<IOptions<ODataLimits>>().Value;
        var clock = http.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        var now = clock.GetUtcNow();
        var lifetime = TimeSpan.FromDays(limits.DeltaTokenLifetimeDays);
        await PurgeAsync(db, now - lifetime, cancellationToken).ConfigureAwait(false);

        if (!hasToken)
        {
            var baseline = pageBaseline ?? await ChangeVersions.CurrentAsync(db, cancellationToken).ConfigureAwait(false);
            new ODataDeltaAnswer { EntitySet = entitySet, Baseline = baseline, DeltaLink = DeltaLink(request, entitySet, baseline, now) }.AttachTo(http);
            return Feed(visible);
        }

        if (DecodeToken(rawToken.ToString()) is not { } token || token.EntitySet != entitySet)
        {
            return Problem(StatusCodes.Status400BadRequest, ProblemCodes.ODataDeltaTokenInvalid, "$deltatoken 无法识别或不属于本数据集：请原样使用本数据集上一次返回的 @odata.deltaLink。");
        }

        if (now - token.IssuedAt > lifetime)
        {
            return Problem(StatusCodes.Status410Gone, ProblemCodes.ODataDeltaTokenExpired,
                string.Create(CultureInfo.InvariantCulture, $"增量链接已超过保留期（{limits.DeltaTokenLifetimeDays:0.##} 天），期间的删除记录已清理。请不带 $deltatoken 重新读取整个数据集（Prefer: odata.track-changes），并改用新的 @odata.deltaLink。"));
        }

        var since = token.Version;
        var upper = pageBaseline ?? await ChangeVersions.CurrentAsync(db, cancellationToken).ConfigureAwait(false);
        if (since > upper)
        {
            return Problem(StatusCodes.Status400BadRequest, ProblemCodes.ODataDeltaTokenInvalid, "$deltatoken 无法识别或不属于本数据集：请原样使用本数据集上一次返回的 @odata.deltaLink。");
        }

        var root = ServiceRoot(request, entitySet);
        new ODataDeltaAnswer
        {
            EntitySet = entitySet,
            Baseline = upper,
            IsDelta = true,
            DeltaLink = DeltaLink(request, entitySet, upper, now),
            Removed = async ct =>
            {
                var removed = await db.Set<ChangeTombstone>().AsNoTracking()
                    .Where(t => t.EntitySet == entitySet && t.ChangeVersion > since && t.ChangeVersion <= upper)
                    .Where(t => !visible.Any(e => e.Id == t.EntityId))
                    .OrderBy(t => t.ChangeVersion)
                    .Select(t => new { t.EntityId, t.Reason })
                    .ToListAsync(ct).ConfigureAwait(false);
                return [.. removed.GroupBy(t => t.EntityId).Select(g => (string.Create(CultureInfo.InvariantCulture, $"{root}{entitySet}({g.Key})"), g.Last().Reason))];
            },
        }.AttachTo(http);
        return Feed(visible.Where(e => e.ChangeVersion > since && e.ChangeVersion <= upper));
    }

    /// <summary>A delta token: the set, the change number it covers up to, and when it was issued.</summary>
    internal static string EncodeToken(string entitySet, long version, DateTimeOffset issuedAt) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{TokenVersion}|{entitySet}|{version}|{issuedAt.ToUnixTimeSeconds()}")));

    internal static (string EntitySet, long Version, DateTimeOffset IssuedAt)? DecodeToken(string raw)
    {
        if (string.IsNullOrEmpty(raw) || raw.Length > 512 || !Base64Url.IsValid(raw))
        {
            return null;
        }

        string[] parts;
        try
        {
            parts = new UTF8Encoding(false, true).GetString(Base64Url.DecodeFromChars(raw)).Split('|');
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            return null;
        }

        return parts.Length == 4 && parts[0] == TokenVersion
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var issued)
            && issued <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
                ? (parts[1], version, DateTimeOffset.FromUnixTimeSeconds(issued))
                : null;
    }

    private static bool Trackable(HttpRequest request) =>
        !request.Query.Keys.Any(k => k is "$filter" or "$orderby" or "$apply" or "$expand" or "$search" or "$compute" or "$top" or "$skip");

    // The link of this request without its paging, with the new token.
    private static string DeltaLink(HttpRequest request, string entitySet, long version, DateTimeOffset now)
    {
        var query = request.Query.Where(p => p.Key is not "$skiptoken" and not "$deltatoken")
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("$deltatoken", EncodeToken(entitySet, version, now)));
        return QueryHelpers.AddQueryString(UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path), query);
    }

    private static string ServiceRoot(HttpRequest request, string entitySet)
    {
        var path = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path);
        var at = path.LastIndexOf("/" + entitySet, StringComparison.Ordinal);
        return at < 0 ? path + "/" : path[..(at + 1)];
    }

    // Tombstones are kept as long as a delta token lives; older ones go (at most once an hour per process).
    private static async Task PurgeAsync(PlatformDbContext db, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var last = Interlocked.Read(ref lastPurge);
        var nowTicks = Environment.TickCount64;
        if ((last != 0 && nowTicks - last < 3_600_000) || Interlocked.CompareExchange(ref lastPurge, nowTicks, last) != last)
        {
            return;
        }

        var cutoff = before.UtcDateTime;
        await db.Set<ChangeTombstone>().IgnoreQueryFilters().Where(t => t.RemovedAt < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static ObjectResult Problem(int status, string code, string detail)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = status == StatusCodes.Status410Gone ? "增量链接已过期" : "查询参数无效",
            Detail = detail,
            Type = status == StatusCodes.Status410Gone ? "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.11" : "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.1",
        };
        problem.Extensions["code"] = code;
        return new ObjectResult(problem) { StatusCode = status, ContentTypes = { "application/problem+json" } };
    }

    [GeneratedRegex(@"(?:^|[,;\s])odata\.track-changes(?:$|[,;\s])", RegexOptions.IgnoreCase)]
    private static partial Regex TrackChanges();
}
