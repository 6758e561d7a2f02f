using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Supervision.Domain.Bases;
using KnowledgeRenewal.Supervision.UseCases.Bases;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.RateLimiting;

namespace KnowledgeRenewal.Supervision.Pages.Notices;

/// <summary>
/// <c>/notices/bases</c>: the public list of continuing-education bases whose exit is in public notice (基地退出公示) —
/// no sign-in — and the objection form, as <c>GET /api/public/base-exits</c> and
/// <c>POST /api/public/base-exits/{id}/objections</c> (<see cref="FileBaseExitObjection"/>, Programs' notice rule,
/// rate-limited per client address like project objections). The contact is kept for the program office and never
/// shown here.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PublicNoticeTerms.ObjectionRateLimitPolicy)]
internal sealed class BasesModel(IMediator mediator, TimeProvider clock) : PlatformPageModel
{
    private const string ReceiptKey = "kr.base-exit.receipt";

    /// <summary>The exits in notice.</summary>
    public IReadOnlyList<PublicBaseExit> Exits { get; private set; } = [];

    /// <summary>The receipt of the objection just filed ("id|base").</summary>
    public string? Receipt { get; private set; }

    /// <summary>The form.</summary>
    [BindProperty]
    public BaseExitObjectionForm Input { get; set; } = new();

    /// <summary>The exits whose period is open today: the only ones the form offers.</summary>
    public IEnumerable<SelectListItem> OpenChoices =>
        Exits.Where(e => e.Phase == NoticePhase.Open).Select(e => new SelectListItem($"{e.BaseName}（{BaseStatusRules.Label(e.Level)}）", e.Id.ToString()));

    /// <summary>Why an objection to <paramref name="exit"/> is not taken today (the rule that refuses it), or null while open.</summary>
    public string? Refusal(PublicBaseExit exit)
    {
        ArgumentNullException.ThrowIfNull(exit);
        return PublicNoticeTerms.RefuseObjection(exit.NoticeStart, exit.NoticeEnd, ProgramCalendar.Today(clock), BaseExitViews.Subject)?.Detail;
    }

    /// <summary>The phase in words.</summary>
    public static string PhaseName(NoticePhase phase) => phase switch
    {
        NoticePhase.NotStarted => "待公示",
        NoticePhase.Open => "公示中",
        _ => "公示期满",
    };

    /// <summary>Lists the exits.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Receipt = TempData[ReceiptKey] as string;
        Exits = await mediator.Send(new ListPublicBaseExits(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Files an objection; on success back to the list with the receipt.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var noticeId = Guid.TryParse(Input.NoticeId, out var id) ? id : Guid.Empty;
        var (ok, receipt) = await TrySendAsync(new FileBaseExitObjection(noticeId, new BaseExitObjectionInput(Input.Reason, Input.ContactName, Input.ContactPhone)), cancellationToken)
            .ConfigureAwait(false);
        if (ok)
        {
            TempData[ReceiptKey] = $"{receipt!.Id}|{receipt.BaseName}";
            return RedirectToPage();
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Exits = await mediator.Send(new ListPublicBaseExits(), cancellationToken).ConfigureAwait(false);
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => ["Input.NoticeId", "Input.Reason", "Input.ContactName", "Input.ContactPhone"];
}

/// <summary>The objection form.</summary>
internal sealed class BaseExitObjectionForm
{
    /// <summary>异议的基地退出公示.</summary>
    public string? NoticeId { get; set; }

    /// <summary>异议内容.</summary>
    public string? Reason { get; set; }

    /// <summary>联系人.</summary>
    public string? ContactName { get; set; }

    /// <summary>联系电话.</summary>
    public string? ContactPhone { get; set; }
}
