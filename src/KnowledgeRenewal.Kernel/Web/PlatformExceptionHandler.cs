using System.Text.Json;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Kernel.Web;

/// <summary>
/// Turns exceptions into problem details: <see cref="PlatformException"/> with its own code, status and Chinese
/// text; malformed requests as 400; anything else as a 500 that carries a trace id and no stack trace.
/// </summary>
internal sealed partial class PlatformExceptionHandler(IProblemDetailsService problems, ILogger<PlatformExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            PlatformException platform => FromPlatform(platform),
            _ when Untranslatable(exception) is { } reason => Problem(400, ProblemCodes.ODataUnsupportedQuery, "查询无法在当前数据库上执行",
                "该查询在当前数据库上无法转换为 SQL（例如 SQLite 不支持 $expand 内的 $top/$skip），请简化或拆分查询。原因：" + reason),
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

    // EF Core refuses some valid OData queries on some providers; that is the query's fault, not a server error.
    private static string? Untranslatable(Exception exception)
    {
        var inner = exception is System.Reflection.TargetInvocationException { InnerException: { } wrapped } ? wrapped : exception;
        return inner is InvalidOperationException invalid
            && (invalid.Message.Contains("could not be translated", StringComparison.Ordinal)
                || invalid.Message.Contains("APPLY operation", StringComparison.Ordinal))
            ? invalid.Message.Split('.')[0]
            : null;
    }

    // The minimal-API binder throws these (RouteHandlerOptions.ThrowOnBadRequest); name the JSON field when known.
    private static ProblemDetails Malformed(BadHttpRequestException exception)
    {
        if (exception.StatusCode != 400)
        {
            var (code, title) = ProblemDetailsConventions.ForStatus(exception.StatusCode);
            return Problem(exception.StatusCode, code, title, null);
        }

        var problem = Problem(400, ProblemCodes.MalformedRequest, "请求格式不正确", "请求无法解析，请检查 JSON 格式、字段类型和 Content-Type。");
        if (exception.InnerException is JsonException { Path: { } path } && path.TrimStart('$', '.') is { Length: > 0 } field)
        {
            problem.Extensions["errors"] = new[] { new FieldError(field, "invalid_json", $"字段“{field}”的值无法解析，请检查其类型和格式。") };
        }

        return problem;
    }

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
        var path = httpContext.Request.Path.Value ?? "";
        UnhandledError(logger, path, exception);
        return Problem(500, ProblemCodes.Unexpected, "服务器内部错误", "服务器处理请求时发生错误，请稍后重试；如持续出现，请将 traceId 提供给运维人员。");
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
