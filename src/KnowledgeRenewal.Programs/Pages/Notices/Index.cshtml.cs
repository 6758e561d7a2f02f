using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Demo;
using KnowledgeRenewal.Programs.UseCases.Projects;
using KnowledgeRenewal.Programs.Web;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace KnowledgeRenewal.Programs.Pages.Notices;

/// <summary>
/// <c>/notices</c>: the public list of projects in public notice (公示) and their organizers — no sign-in. Anyone may
/// file an objection with a contact name and phone (POST, rate-limited per client address); the contact is kept
/// for the program office and never shown here.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ProjectObjectionLimits.Policy)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    /// <summary>The projects in notice.</summary>
    public IReadOnlyList<PublicNotice> Notices { get; private set; } = [];

    /// <summary>The receipt of the objection just filed.</summary>
    public ObjectionReceipt? Receipt { get; private set; }

    /// <summary>Why the objection was refused.</summary>
    public PlatformException? Problem { get; private set; }

    /// <summary>The project the form was sent for.</summary>
    [BindProperty]
    public Guid ProjectId { get; set; }

    /// <summary>The objection's content.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The filer's name.</summary>
    [BindProperty]
    public string? ContactName { get; set; }

    /// <summary>The filer's phone.</summary>
    [BindProperty]
    public string? ContactPhone { get; set; }

    /// <summary>Lists the notices.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Notices = await mediator.Send(new ListNotices(), cancellationToken).ConfigureAwait(false);
        Response.Headers.CacheControl = "no-store";
    }

    /// <summary>Files an objection, then lists the notices again.</summary>
    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            Receipt = await mediator.Send(
                new FileObjection(ProjectId, new ObjectionInput(Reason, ContactName, ContactPhone), ClientAddress.Of(HttpContext)),
                cancellationToken).ConfigureAwait(false);
            Reason = ContactName = ContactPhone = null;
        }
        catch (PlatformException problem)
        {
            Problem = problem;
            Response.StatusCode = problem.Status;
        }

        Notices = await mediator.Send(new ListNotices(), cancellationToken).ConfigureAwait(false);
        Response.Headers.CacheControl = "no-store";
    }
}
