using System.Text.Json;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OData;

namespace KnowledgeRenewal.Kernel.Web;

/// <summary>
/// Turns exceptions into problem details: <see cref="PlatformException"/> with its own code, status and Chinese
/// text; malformed requests as 400 (a JSON value outside its enum as a field error); OData queries the parser or
/// the database refuses (a number beyond its property's range, an unreadable query, SQL the provider lacks) as 400
/// without the framework's English text, .NET type names or LINQ; anything else as a 500 that carries a trace id
/// and no stack trace.
/// </summary>
internal sealed partial class PlatformExceptionHandler(IProblemDetailsService problems, ILogger<PlatformExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!RequestKinds.IsApi(RequestKinds.RequestedPath(httpContext)))
        {
            // A page: the error page (/error) answers, in Chinese, with a way on.
            return false;
        }

        var problem = exception switch
        {
            PlatformException platform => FromPlatform(platform),
            _ when Untranslatable(exception) => Technical(Problem(400, ProblemCodes.ODataUnsupportedQuery, "查询无法在当前数据库上执行",
                "该查询在当前数据库上无法转换为 SQL（例如 SQLite 不支持 $expand 内的 $top/$skip），请简化或拆分查询。"),
                "The query cannot be translated to SQL by the database provider in use; simplify or split it."),
            OverflowException when IsOData(httpContext) => Technical(Problem(400, ProblemCodes.ODataValueOutOfRange, "查询参数无效", ODataValueOutOfRangeDetail),
                "A numeric literal is out of the range of its property's type."),
            ODataException odata => InvalidOData(odata),
            BadHttpRequestException bad => Malformed(bad),
            _ => Unexpected(httpContext, exception),
        };

        httpContext.Response.StatusCode = problem.Status ?? 500;
        if (exception is TooManyRequestsException limited)
        {
            httpContext.Response.Headers.RetryAfter = limited.RetryAfterSeconds;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem })
            .ConfigureAwait(false);
    }

    /// <summary>The detail of a number in an OData query beyond what its property holds (shared with the feed filter).</summary>
    internal const string ODataValueOutOfRangeDetail = "查询中的数值超出了该属性可表示的范围（例如 1e29、INF、NaN），请改用该属性范围内的有限数值。";

    // An address or key the OData libraries cannot read (Professionals(abc)): the Chinese detail, and the English
    // message without type names as the technical detail (ADR 0028).
    private static ProblemDetails InvalidOData(ODataException exception)
    {
        var (_, technical) = ODataQueryMessages.Describe(exception.Message);
        var problem = Problem(400, ProblemCodes.ODataInvalidQuery, "查询参数无效",
            "OData 请求无效：请对照 $metadata 检查地址、键值的类型（例如 Guid 键写作 Professionals(0190…)，不加引号）、属性名与查询写法。");
        problem.Extensions["technicalDetail"] = technical ?? "The OData request could not be read; check the address, key literal types, property names and query syntax against $metadata.";
        return problem;
    }

    // EF Core refuses some valid OData queries on some providers; that is the query's fault, not a server error.
    // Its message quotes the LINQ expression: the client gets only the Chinese explanation.
    private static bool Untranslatable(Exception exception)
    {
        var inner = exception is System.Reflection.TargetInvocationException { InnerException: { } wrapped } ? wrapped : exception;
        return inner is InvalidOperationException invalid
            && (invalid.Message.Contains("could not be translated", StringComparison.Ordinal)
                || invalid.Message.Contains("APPLY operation", StringComparison.Ordinal));
    }

    private static bool IsOData(HttpContext httpContext) => RequestKinds.RequestedPath(httpContext).StartsWithSegments("/odata", StringComparison.OrdinalIgnoreCase);

    // The minimal-API binder throws these (RouteHandlerOptions.ThrowOnBadRequest); name the JSON field when known.
    private static ProblemDetails Malformed(BadHttpRequestException exception)
    {
        if (exception.StatusCode != 400)
        {
            var (code, title) = ProblemDetailsConventions.ForStatus(exception.StatusCode);
            return Problem(exception.StatusCode, code, title, null);
        }

        if (exception.InnerException is UndefinedEnumValueException undefined)
        {
            // A well-formed value outside its enum: a validation failure of that field, like the validators'.
            var name = FieldOf(undefined.Path) ?? "body";
            var refused = Problem(400, ProblemCodes.ValidationFailed, "提交的数据未通过校验", "请按 errors 中列出的字段逐项修改后重新提交。");
            refused.Extensions["errors"] = new[] { new FieldError(name, EnumMembers.InvalidCode, EnumMembers.Message(name, undefined.EnumType, undefined.Value)) };
            return refused;
        }

        if (ChineseBindingMessages.FromMinimalApi(exception.Message) is { } parameter)
        {
            // A route, query or header value that is not of its type (?year=abc): a validation failure of that field.
            var refused = Problem(400, ProblemCodes.ValidationFailed, "提交的数据未通过校验", "请按 errors 中列出的字段逐项修改后重新提交。");
            refused.Extensions["errors"] = new[] { parameter };
            return refused;
        }

        var problem = Problem(400, ProblemCodes.MalformedRequest, "请求格式不正确", "请求无法解析，请检查 JSON 格式、字段类型和 Content-Type。");
        if (exception.InnerException is JsonException { Path: { } path } && FieldOf(path) is { } field)
        {
            problem.Extensions["errors"] = new[] { new FieldError(field, "invalid_json", $"字段“{field}”的值无法解析，请检查其类型和格式。") };
        }

        return problem;
    }

    // "$.targets[0].type" → "targets[0].type".
    private static string? FieldOf(string? jsonPath) => jsonPath?.TrimStart('$', '.') is { Length: > 0 } field ? field : null;

    private static ProblemDetails FromPlatform(PlatformException exception)
    {
        var problem = Problem(exception.Status, exception.Code, exception.Title, exception.Detail);
        if (exception.Errors.Count > 0)
        {
            problem.Extensions["errors"] = exception.Errors;
        }

        return problem;
    }

    private ProblemDetails Unexpected(HttpContext httpContext, Exception exception)
    {
        var path = RequestKinds.RequestedPath(httpContext).Value ?? "";
        UnhandledError(logger, path, exception);
        return Problem(500, ProblemCodes.Unexpected, "服务器内部错误", "服务器处理请求时发生错误，请稍后重试；如持续出现，请将 traceId 提供给运维人员。");
    }

    private static ProblemDetails Technical(ProblemDetails problem, string technicalDetail)
    {
        problem.Extensions["technicalDetail"] = technicalDetail;
        return problem;
    }

    private static ProblemDetails Problem(int status, string code, string title, string? detail)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        return problem;
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private static partial void UnhandledError(ILogger logger, string path, Exception exception);
}
