using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OData;

namespace KnowledgeRenewal.Sdk;

/// <summary>
/// Put on an OData action that returns an <see cref="IQueryable{T}"/>: the query options run in the database
/// within the platform's <see cref="ODataLimits"/>, and bad or over-limit queries get a problem details 400.
/// Use it instead of <c>[EnableQuery]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class ODataFeedAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    /// <inheritdoc />
    public bool IsReusable => true;

    /// <inheritdoc />
    public int Order => 0;

    /// <inheritdoc />
    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new LimitedEnableQueryAttribute(serviceProvider.GetRequiredService<IOptions<ODataLimits>>().Value);
}

/// <summary>
/// <see cref="EnableQueryAttribute"/> with the platform's limits and problem-details errors: every refused query is
/// a 400 with a stable code and Chinese detail — also a number beyond its property's range — and never quotes the
/// framework's English text with its type names.
/// </summary>
internal sealed partial class LimitedEnableQueryAttribute : EnableQueryAttribute
{
    private readonly ODataLimits limits;

    public LimitedEnableQueryAttribute(ODataLimits limits)
    {
        this.limits = limits;
        MaxTop = limits.MaxTop;
        MaxSkip = limits.MaxSkip;
        PageSize = limits.PageSize;
        MaxExpansionDepth = limits.MaxExpansionDepth;
        MaxNodeCount = limits.MaxNodeCount;
        MaxOrderByNodeCount = limits.MaxOrderByNodeCount;
        EnsureStableOrdering = true;

        // $deltatoken is read by the feeds that track changes (ADR 0023); the others ignore it.
        AllowedQueryOptions |= AllowedQueryOptions.DeltaToken;
    }

    public override void OnActionExecuting(ActionExecutingContext actionExecutingContext)
    {
        ArgumentNullException.ThrowIfNull(actionExecutingContext);
        var tooLarge = CheckPaging(actionExecutingContext.HttpContext.Request)
            ?? (KeysetSkipTokens.Refusal(actionExecutingContext.HttpContext.Request) is { } refusal ? SkipTokenRefused(refusal) : null);
        if (tooLarge is not null)
        {
            actionExecutingContext.Result = tooLarge;
            return;
        }

        // $search works where the set's descriptive table names searchable properties, and is refused otherwise (ADR 0028).
        var (search, searchRefused) = ODataSearch.Read(actionExecutingContext.HttpContext);
        if (searchRefused is { } refused)
        {
            actionExecutingContext.Result = Problem(refused.Code, refused.Detail, null, null, refused.Technical);
            return;
        }

        if (search is not null)
        {
            ODataSearch.Remember(actionExecutingContext.HttpContext, search);
        }

        try
        {
            base.OnActionExecuting(actionExecutingContext);
            actionExecutingContext.Result = ToProblem(actionExecutingContext.Result);
        }
        catch (Exception exception) when (Refused(exception) is { } problem)
        {
            actionExecutingContext.Result = problem;
        }
    }

    public override void OnActionExecuted(ActionExecutedContext actionExecutedContext)
    {
        ArgumentNullException.ThrowIfNull(actionExecutedContext);
        try
        {
            base.OnActionExecuted(actionExecutedContext);
            actionExecutedContext.Result = ToProblem(actionExecutedContext.Result);
            AnswerPageSizePreference(actionExecutedContext);
        }
        catch (Exception exception) when (Refused(exception) is { } problem)
        {
            actionExecutedContext.Result = problem;
        }
    }

    // A tracked read (ADR 0023): says the preference was applied, and on the last page (no @odata.nextLink) adds the
    // removed entries of a delta read and the @odata.deltaLink. The payload is the framework's own, so every entity is
    // written exactly as the plain feed writes it (masking, left-out fields, $select).
    public override async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (ODataDeltaAnswer.Of(context.HttpContext) is not { } delta || context.Result is not ObjectResult { Value: not ProblemDetails } || context.HttpContext.Response.StatusCode >= 400)
        {
            await base.OnResultExecutionAsync(context, next).ConfigureAwait(false);
            return;
        }

        var response = context.HttpContext.Response;
        if (!delta.IsDelta)
        {
            response.Headers.Append("Preference-Applied", "odata.track-changes");
        }

        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await base.OnResultExecutionAsync(context, next).ConfigureAwait(false);
        }
        finally
        {
            response.Body = original;
        }

        if (response.StatusCode != StatusCodes.Status200OK || JsonNode.Parse(buffer.ToArray()) is not JsonObject payload || payload["value"] is not JsonArray value)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.HttpContext.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (delta.IsDelta && payload["@odata.context"]?.GetValue<string>() is { } contextUrl && !contextUrl.EndsWith("/$delta", StringComparison.Ordinal))
        {
            payload["@odata.context"] = contextUrl + "/$delta";
        }

        if (!payload.ContainsKey("@odata.nextLink"))
        {
            if (delta.Removed is not null)
            {
                foreach (var (id, reason) in await delta.Removed(context.HttpContext.RequestAborted).ConfigureAwait(false))
                {
                    value.Add(new JsonObject { ["@id"] = id, ["@removed"] = new JsonObject { ["reason"] = reason } });
                }
            }

            payload["@odata.deltaLink"] = delta.DeltaLink;
        }

        response.ContentLength = null;
        await using var writer = new Utf8JsonWriter(original);
        payload.WriteTo(writer);
        await writer.FlushAsync(context.HttpContext.RequestAborted).ConfigureAwait(false);
    }

    // Prefer: odata.maxpagesize=N is honoured up to the platform's page size (the query layer pages by the smaller):
    // say so, as OData 4.01 §8.2.8.3 asks, so a client knows its pages are that size and follows @odata.nextLink.
    private void AnswerPageSizePreference(ActionExecutedContext context)
    {
        if (context.Result is ObjectResult { Value: ProblemDetails } || context.HttpContext.Response.StatusCode >= 400)
        {
            return;
        }

        var prefer = string.Join(",", context.HttpContext.Request.Headers["Prefer"].ToArray());
        if (MaxPageSize().Match(prefer) is { Success: true } match
            && int.TryParse(match.Groups["size"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var preferred) && preferred > 0)
        {
            context.HttpContext.Response.Headers.Append("Preference-Applied", string.Create(CultureInfo.InvariantCulture, $"odata.maxpagesize={Math.Min(preferred, PageSize)}"));
        }
    }

    /// <summary>Adds the <c>$search</c> condition to the (already scoped) query before the query options.</summary>
    public override IQueryable ApplyQuery(IQueryable queryable, ODataQueryOptions queryOptions)
    {
        ArgumentNullException.ThrowIfNull(queryOptions);
        return base.ApplyQuery(ODataSearch.Apply(queryOptions.Request.HttpContext, queryable), queryOptions);
    }

    public override void ValidateQuery(HttpRequest request, ODataQueryOptions queryOptions)
    {
        ArgumentNullException.ThrowIfNull(queryOptions);
        base.ValidateQuery(request, queryOptions);

        // INF and NaN compare with an integer property as a double: the parser accepts them, and the database
        // fails running the query (SQLite cannot bind NaN). No finite filter needs them.
        if (NonFiniteLiterals.In(queryOptions))
        {
            throw new OverflowException("A literal of the query is not a finite number.");
        }
    }

    // The URI parser converts a literal to its property's type while binding the query: a number beyond that type
    // (1e29, 1e400, INF, NaN for a decimal) throws OverflowException instead of an ODataException.
    private static ObjectResult? Refused(Exception exception) => exception switch
    {
        InvalidOperationException refused when refused.Message.Contains(KeysetSkipTokens.RefusedMarker, StringComparison.Ordinal)
            => SkipTokenRefused("$skiptoken 与本数据集的排序字段不符：请原样使用上一页 @odata.nextLink 中的地址。"),
        OverflowException => Problem(ProblemCodes.ODataValueOutOfRange, "查询中的数值超出了该属性可表示的范围（例如 1e29、INF、NaN），请改用该属性范围内的有限数值。", null, null,
            "A numeric literal is out of the range of its property's type."),
        ODataException odata => InvalidQuery(odata.Message),
        _ => null,
    };

    private ObjectResult? CheckPaging(HttpRequest request)
    {
        if (IsAbove(request, "$top", limits.MaxTop))
        {
            return Problem(ProblemCodes.ODataMaxTopExceeded, $"$top 超过上限 {limits.MaxTop}，请减小 $top 或按 @odata.nextLink 分页读取。", "MaxTop", limits.MaxTop,
                Invariant($"The value of $top exceeds the maximum of {limits.MaxTop}."));
        }

        if (IsAbove(request, "$skip", limits.MaxSkip))
        {
            return Problem(ProblemCodes.ODataMaxSkipExceeded, $"$skip 超过上限 {limits.MaxSkip}，请改用筛选条件缩小范围。", "MaxSkip", limits.MaxSkip,
                Invariant($"The value of $skip exceeds the maximum of {limits.MaxSkip}."));
        }

        return null;
    }

    private static bool IsAbove(HttpRequest request, string option, int limit) =>
        request.Query.TryGetValue(option, out var raw)
        && long.TryParse(raw.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
        && value > limit;

    private IActionResult? ToProblem(IActionResult? result)
    {
        if (result is not ObjectResult { StatusCode: 400 } badRequest || badRequest.Value is ProblemDetails)
        {
            return result;
        }

        var message = badRequest.Value switch
        {
            ODataError error => error.Message,
            SerializableError error when error.TryGetValue("Message", out var m) => m?.ToString(),
            _ => badRequest.Value?.ToString(),
        } ?? "";

        if (message.Contains(KeysetSkipTokens.RefusedMarker, StringComparison.Ordinal))
        {
            return SkipTokenRefused("$skiptoken 与本数据集的排序字段不符：请原样使用上一页 @odata.nextLink 中的地址。");
        }

        var technical = ODataQueryMessages.Describe(message).Reason;
        if (ExpansionDepth().IsMatch(message))
        {
            return Problem(ProblemCodes.ODataMaxExpansionDepthExceeded, $"$expand 嵌套层数超过上限 {limits.MaxExpansionDepth}。", "MaxExpansionDepth", limits.MaxExpansionDepth, technical);
        }

        if (NodeCount().IsMatch(message))
        {
            return Problem(ProblemCodes.ODataMaxNodeCountExceeded, $"查询表达式的节点数超过上限 {limits.MaxNodeCount}，请简化 $filter。", "MaxNodeCount", limits.MaxNodeCount, technical);
        }

        if (OrderByCount().IsMatch(message))
        {
            return Problem(ProblemCodes.ODataMaxOrderByExceeded, $"$orderby 的排序字段数超过上限 {limits.MaxOrderByNodeCount}。", "MaxOrderByNodeCount", limits.MaxOrderByNodeCount, technical);
        }

        if (TopLimit().IsMatch(message))
        {
            return Problem(ProblemCodes.ODataMaxTopExceeded, $"$top 超过上限 {limits.MaxTop}。", "MaxTop", limits.MaxTop, technical);
        }

        return InvalidQuery(message);
    }

    private static ObjectResult SkipTokenRefused(string detail) => Problem(ProblemCodes.ODataSkipTokenInvalid, detail, null, null,
        "The $skiptoken is not one issued by this service for this entity set and $orderby.");

    // The framework's English text names .NET types and namespaces: the client gets the Chinese detail and at most a cleaned reason.
    private static ObjectResult InvalidQuery(string message)
    {
        var (detail, reason) = ODataQueryMessages.Describe(message);
        return Problem(ProblemCodes.ODataInvalidQuery, detail, null, null, reason ?? "The query is not valid for this entity set; check property names, literal types and syntax against $metadata.");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // The Chinese detail is for people; technicalDetail carries the (cleaned) English text of the OData libraries or
    // the platform's own English sentence, for the integrator's logs (ADR 0028).
    private static ObjectResult Problem(string code, string detail, string? limit, int? value, string? technicalDetail = null)
    {
        var problem = new ProblemDetails
        {
            Status = 400,
            Title = "查询参数无效",
            Detail = detail,
            Type = "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.1",
        };
        problem.Extensions["code"] = code;
        if (limit is not null)
        {
            problem.Extensions["limit"] = limit;
            problem.Extensions["limitValue"] = value;
        }

        if (technicalDetail is not null)
        {
            problem.Extensions["technicalDetail"] = technicalDetail;
        }

        return new ObjectResult(problem)
        {
            StatusCode = 400,
            ContentTypes = { "application/problem+json" },
        };
    }

    [GeneratedRegex(@"(?:^|[,;\s])odata\.maxpagesize\s*=\s*(?<size>\d{1,9})", RegexOptions.IgnoreCase)]
    private static partial Regex MaxPageSize();

    [GeneratedRegex("expand.*(too deep|depth)", RegexOptions.IgnoreCase)]
    private static partial Regex ExpansionDepth();

    [GeneratedRegex("node count", RegexOptions.IgnoreCase)]
    private static partial Regex NodeCount();

    [GeneratedRegex("OrderBy.*(exceeded|limit)|limit.*OrderBy", RegexOptions.IgnoreCase)]
    private static partial Regex OrderByCount();

    [GeneratedRegex("limit of '\\d+' for Top", RegexOptions.IgnoreCase)]
    private static partial Regex TopLimit();
}
