using System.Diagnostics;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Kernel.Web;

/// <summary>
/// Gives every problem details response (RFC 9457) of the platform a stable machine <c>code</c>, a Chinese title
/// and a <c>traceId</c> — also the ones ASP.NET Core writes itself (404, 405, 415 …).
/// </summary>
internal static class ProblemDetailsConventions
{
    public static (string Code, string Title) ForStatus(int status) => status switch
    {
        400 => (ProblemCodes.MalformedRequest, "请求格式不正确"),
        401 => ("auth.unauthenticated", "未登录或登录已过期"),
        403 => ("auth.forbidden", "无权访问该资源"),
        404 => (ProblemCodes.RouteNotFound, "请求的地址不存在"),
        405 => (ProblemCodes.MethodNotAllowed, "该地址不支持此请求方法"),
        409 => (ProblemCodes.Conflict, "数据冲突"),
        412 => ("resource.precondition_failed", "数据已被他人修改，请刷新后重试"),
        415 => ("request.unsupported_media_type", "不支持的内容类型"),
        429 => (ProblemCodes.TooManyRequests, "请求过于频繁，请稍后再试"),
        >= 500 => (ProblemCodes.Unexpected, "服务器内部错误"),
        _ => ($"http.{status}", "请求未能完成"),
    };

    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (!problem.Extensions.ContainsKey("code"))
        {
            var (code, title) = ForStatus(problem.Status ?? context.HttpContext.Response.StatusCode);
            problem.Extensions["code"] = code;
            problem.Title = title;
            if (problem.Status == 404 && RequestKinds.RequestedPath(context.HttpContext).StartsWithSegments("/odata", StringComparison.OrdinalIgnoreCase))
            {
                // An unknown set or a record that does not exist or is out of scope: one answer for both.
                problem.Detail ??= "找不到请求的数据集或记录：可用的数据集见服务文档 /odata 与 $metadata；记录不存在或不在您的权限范围内。";
                problem.Extensions["technicalDetail"] = "No OData entity set or entity matches this address, or the entity is not visible to the caller.";
            }
        }

        problem.Instance ??= RequestKinds.RequestedPath(context.HttpContext);
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;

        // Never let exception details reach a client, whatever the environment.
        problem.Extensions.Remove("exception");
        problem.Extensions.Remove("errors.stackTrace");
    }
}
