using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Formatter.Serialization;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OData.UriParser;

namespace KnowledgeRenewal.Sdk;

/// <summary>
/// Keyset paging for every OData feed (ADR 0023): a page's <c>@odata.nextLink</c> carries an opaque <c>$skiptoken</c>
/// that holds the entity set, the client's <c>$orderby</c> and the last row's values under the page's stable order
/// (the <c>$orderby</c> properties, then the key). The next page is read with <c>WHERE (order, key) &gt; (last)</c>
/// instead of <c>OFFSET</c>: rows inserted between pages are neither repeated nor lost, and page 10,000 costs what
/// page 1 costs. Aggregated answers (<c>$apply</c>) have no row key and keep <c>$skip</c> paging.
/// A token that is not one of ours, belongs to another set or another <c>$orderby</c> is a 400
/// <see cref="ProblemCodes.ODataSkipTokenInvalid"/>.
/// </summary>
public static class KeysetSkipTokens
{
    private const string Version = "k1";
    private const char Separator = '\u001f';

    /// <summary>Marker in the message of a refused token, recognized by the feed filter.</summary>
    internal const string RefusedMarker = "[skiptoken-refused]";

    /// <summary>Registers the keyset handler in an OData route's services.</summary>
    public static void AddTo(IServiceCollection routeServices) =>
        routeServices.AddSingleton<SkipTokenHandler, KeysetSkipTokenHandler>();

    /// <summary>Wraps the framework's token of the last row.</summary>
    internal static string Encode(string entitySet, string orderBy, string inner, long? baseline) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join(Separator,
            baseline is { } b ? [Version, entitySet, orderBy, inner, b.ToString(CultureInfo.InvariantCulture)] : new[] { Version, entitySet, orderBy, inner })));

    /// <summary>Reads a token; null when it is not one of ours.</summary>
    internal static (string EntitySet, string OrderBy, string Inner, long? Baseline)? Decode(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096 || !Base64Url.IsValid(token))
        {
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }

        var parts = text.Split(Separator);
        if (parts.Length is < 4 or > 5 || parts[0] != Version || parts[1].Length == 0 || parts[3].Length == 0)
        {
            return null;
        }

        if (parts.Length == 4)
        {
            return (parts[1], parts[2], parts[3], null);
        }

        return long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var baseline) ? (parts[1], parts[2], parts[3], baseline) : null;
    }

    /// <summary>Why the request's <c>$skiptoken</c> cannot be used, or null when it can (or there is none).</summary>
    internal static string? Refusal(HttpRequest request)
    {
        if (!request.Query.TryGetValue("$skiptoken", out var raw))
        {
            return null;
        }

        if (Decode(raw.ToString()) is not { } token)
        {
            return "$skiptoken 无法识别：请原样使用上一页 @odata.nextLink 中的地址，不要自行构造或修改。";
        }

        if (request.Query.ContainsKey("$apply"))
        {
            return "$skiptoken 不能与 $apply 同用：聚合结果按 @odata.nextLink 中的 $skip 分页。";
        }

        var set = EntitySetOf(request);
        if (set is null || !string.Equals(set, token.EntitySet, StringComparison.Ordinal))
        {
            return $"该 $skiptoken 属于数据集 {token.EntitySet}，不能用于本数据集。";
        }

        var orderBy = request.Query.TryGetValue("$orderby", out var o) ? o.ToString() : "";
        return string.Equals(orderBy, token.OrderBy, StringComparison.Ordinal)
            ? null
            : "该 $skiptoken 属于另一种排序（$orderby）；请保留上一页 @odata.nextLink 的全部参数。";
    }

    private static string? EntitySetOf(HttpRequest request) => request.ODataFeature().Path?.LastSegment switch
    {
        EntitySetSegment set => set.EntitySet.Name,
        NavigationPropertySegment navigation => navigation.NavigationSource?.Name,
        _ => null,
    };
}

/// <summary>
/// The framework's value-based skip token (order values and key, compared in the database), wrapped so a client
/// cannot tell it apart from any other opaque cursor and cannot carry it to another set or order.
/// </summary>
internal sealed class KeysetSkipTokenHandler : DefaultSkipTokenHandler
{
    public override Uri GenerateNextPageLink(Uri baseUri, int pageSize, object instance, ODataSerializerContext context)
    {
        var link = base.GenerateNextPageLink(baseUri, pageSize, instance, context);
        if (link is null || context?.NavigationSource is null)
        {
            return link!;
        }

        var query = QueryHelpers(link.Query);
        var inner = query.FirstOrDefault(p => p.Key == "$skiptoken");
        if (inner.Key is null)
        {
            return link; // $apply and other answers without a row key: $skip paging
        }

        var orderBy = query.FirstOrDefault(p => p.Key == "$orderby").Value ?? "";
        var token = KeysetSkipTokens.Encode(context.NavigationSource.Name, orderBy, inner.Value, ODataDeltaAnswer.Of(context.Request?.HttpContext)?.Baseline);
        var rebuilt = string.Join('&', query.Select(p => p.Key == "$skiptoken"
            ? "$skiptoken=" + Uri.EscapeDataString(token)
            : EscapeKey(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        return new UriBuilder(link) { Query = rebuilt }.Uri;
    }

    public override IQueryable<T> ApplyTo<T>(IQueryable<T> query, SkipTokenQueryOption skipTokenQueryOption, ODataQuerySettings querySettings, ODataQueryOptions queryOptions)
    {
        ArgumentNullException.ThrowIfNull(skipTokenQueryOption);
        return Guarded(() => base.ApplyTo(query, Unwrap(skipTokenQueryOption), querySettings, queryOptions));
    }

    public override IQueryable ApplyTo(IQueryable query, SkipTokenQueryOption skipTokenQueryOption, ODataQuerySettings querySettings, ODataQueryOptions queryOptions)
    {
        ArgumentNullException.ThrowIfNull(skipTokenQueryOption);
        return Guarded(() => base.ApplyTo(query, Unwrap(skipTokenQueryOption), querySettings, queryOptions));
    }

    private static SkipTokenQueryOption Unwrap(SkipTokenQueryOption option) =>
        KeysetSkipTokens.Decode(option.RawValue) is { } token
            ? new SkipTokenQueryOption(token.Inner, option.Context)
            : throw new InvalidOperationException(KeysetSkipTokens.RefusedMarker);

    // A well-formed wrapper around values that do not fit the set's order (edited by hand) is refused like any bad token.
    private static TResult Guarded<TResult>(Func<TResult> apply)
    {
        try
        {
            return apply();
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            throw new InvalidOperationException(KeysetSkipTokens.RefusedMarker, exception);
        }
    }

    private static string EscapeKey(string key) => key.StartsWith('$') ? "$" + Uri.EscapeDataString(key[1..]) : Uri.EscapeDataString(key);

    private static List<KeyValuePair<string, string>> QueryHelpers(string query) =>
        [.. Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? "")))];
}
