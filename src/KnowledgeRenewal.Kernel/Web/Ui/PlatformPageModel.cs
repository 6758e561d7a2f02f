using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeRenewal.Kernel.Web.Ui;

/// <summary>
/// What every page of the workbench does the same way: sends the use case's request through the mediator (the same
/// handler, rules, scope and audit as the API), puts a refusal next to the fields (<see cref="FormProblems"/>), shows
/// one success banner after a redirect (post → redirect → get), and writes dates in China time.
/// </summary>
public abstract class PlatformPageModel : PageModel
{
    private const string FlashKey = "kr.flash";

    /// <summary>The success banner carried over the redirect after a post (shown once, above the heading).</summary>
    public string? Flash => TempData.Peek(FlashKey) as string;

    /// <summary>Whether the form came back with problems (the title starts with 「错误：」).</summary>
    public bool HasErrors => !ModelState.IsValid;

    /// <summary>
    /// Sends <paramref name="request"/>; on a platform refusal, puts it onto the form and returns false (the caller
    /// shows the page again). The form's fields are the page's bound properties.
    /// </summary>
    protected async Task<(bool Ok, T? Result)> TrySendAsync<T>(IRequest<T> request, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var mediator = HttpContext.RequestServices.GetRequiredService<IMediator>();
        try
        {
            return (true, await mediator.Send(request, cancellationToken).ConfigureAwait(false));
        }
        catch (PlatformException problem) when (problem.Status is >= 400 and < 500 and not 401 and not 403 and not 404)
        {
            FormProblems.Apply(ModelState, problem, ModelState.Keys.Concat(FormFields()), fields);
            return (false, default);
        }
    }

    /// <summary>Redirects (302 Found; browsers follow a POST's redirect with a GET) to <paramref name="url"/> with <paramref name="message"/> as the next page's success banner.</summary>
    protected IActionResult DoneAndRedirect(string url, string message)
    {
        TempData[FlashKey] = message;
        return new RedirectResult(url, permanent: false, preserveMethod: false);
    }

    /// <summary>The form's field names (the bound properties' names as the form posts them), for mapping field errors.</summary>
    protected virtual IEnumerable<string> FormFields() => [];

    /// <summary>An instant in China time, <c>2026-12-08 14:05</c>.</summary>
    public static string Local(DateTime utc) => ChinaTime.Format(utc);

    /// <summary>A day, <c>2026-12-08</c>.</summary>
    public static string Day(DateOnly day) => ChinaTime.Format(day);
}
