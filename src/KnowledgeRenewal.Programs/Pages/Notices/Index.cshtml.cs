using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.Projects;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace KnowledgeRenewal.Programs.Pages.Notices;

/// <summary>
/// <c>/notices</c>: the public list of projects in public notice (公示), their organizers and where each notice stands
/// (待公示, 公示中, 公示期满) — no sign-in. Anyone may file an objection with a contact name and phone (POST,
/// rate-limited per client address) against a project whose notice period is open (<see cref="PublicNoticePeriod"/>):
/// the form offers only those, and the handler refuses the others as the API does. The contact is kept for the
/// program office and never shown here.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ProjectObjectionLimits.Policy)]
public sealed class IndexModel(IMediator mediator, TimeProvider clock) : PageModel
{
    /// <summary>The projects in notice.</summary>
    public IReadOnlyList<PublicNotice> Notices { get; private set; } = [];

    /// <summary>The projects whose notice period is open today (the only ones an objection can be filed against).</summary>
    public IReadOnlyList<PublicNotice> Open => [.. Notices.Where(n => n.TakesObjections)];

    /// <summary>
    /// Why an objection to <paramref name="notice"/> is not taken today — the very rule that refuses it
    /// (<see cref="PublicNoticePeriod.RefuseObjection"/>: 公示期尚未开始 / 公示期已结束) — or null while its period is open.
    /// </summary>
    public string? Refusal(PublicNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return PublicNoticePeriod.RefuseObjection(notice.NoticeStart, notice.NoticeEnd, KnowledgeRenewal.Kernel.Time.ProgramCalendar.Today(clock))?.Detail;
    }

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
