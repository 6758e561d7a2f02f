using Microsoft.AspNetCore.Authorization;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeRenewal.Host.Pages;

/// <summary>
/// What a person sees instead of a bare status: the unknown address (404), no permission (403), too many attempts
/// (429), the platform's own fault (500) — in Chinese, with a way on. API and feed requests keep their problem details.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    /// <summary>The status shown.</summary>
    public int Status { get; private set; }

    /// <summary>The address that failed.</summary>
    public string? OriginalPath { get; private set; }

    /// <summary>What the platform said about the refusal (a platform exception's Chinese detail), if anything.</summary>
    public string? Detail { get; private set; }

    /// <summary>Shows the page for <paramref name="status"/> (or for the exception being handled), keeping that status.</summary>
    public void OnGet(int? status)
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Error;
        var handling = failure is not null || HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        Status = !handling && HttpMethods.IsPost(Request.Method) ? 400 // a form posted here directly: nothing to handle
            : status is >= 400 and < 600 ? status.Value
            : failure is PlatformException { Status: >= 400 and < 600 } platform ? platform.Status
            : handling ? 500
            : 404; // the error page visited directly: nothing went wrong
        if (failure is PlatformException { Status: < 500 } known)
        {
            Detail = known.Detail ?? known.Title;
        }

        OriginalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        Response.StatusCode = Status;
    }

    /// <summary>The same page for a form post that failed (the handling re-executes the post).</summary>
    public void OnPost(int? status) => OnGet(status);

    /// <summary>The heading for the status.</summary>
    public string Heading => Status switch
    {
        404 => "找不到该页面",
        403 => "没有权限访问该页面",
        429 => "操作过于频繁",
        >= 500 => "抱歉，平台出现了问题",
        _ => "无法完成请求",
    };
}
