using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.UseCases.Complaints;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Supervision.Pages.Complaints;

/// <summary>
/// <c>/supervision/complaints/{id}</c>: one complaint of the caller's scope (404 otherwise) with its deadline and how late
/// it is, the filer's phone masked (shown in full only to a holder of the unmask permission who states a purpose,
/// audited: <see cref="RevealComplaintContact"/>), and the step the caller may take — the program office assigns
/// (<see cref="AssignComplaint"/>) or refers (<see cref="ReferComplaint"/>), the assignee or the office resolves
/// (<see cref="ResolveComplaint"/>) — the irreversible ones after a confirmation, each with the version shown as If-Match.
/// </summary>
[Authorize(Roles = IndexModel.Roles)]
internal sealed class ShowModel(IMediator mediator) : PlatformPageModel
{
    /// <summary>The form of the step.</summary>
    [BindProperty]
    public ComplaintActionForm Input { get; set; } = new();

    /// <summary>The complaint.</summary>
    public ComplaintView Complaint { get; private set; } = null!;

    /// <summary>The possible assignees.</summary>
    public IReadOnlyList<ComplaintAssignee> Assignees { get; private set; } = [];

    /// <summary>The step being confirmed: <c>refer</c>, <c>resolve</c> or none.</summary>
    public string? Confirming { get; private set; }

    /// <summary>The phone in full, right after an unmasking.</summary>
    public ComplaintContact? Contact { get; private set; }

    /// <summary>Whether the caller is the program office.</summary>
    public bool IsProgramOffice => User.IsInRole(PlatformRoles.ProgramOfficeAdmin);

    /// <summary>Whether the office may assign or reassign now.</summary>
    public bool OffersAssign => IsProgramOffice && Complaint.Status is ComplaintStatus.Received or ComplaintStatus.Assigned;

    /// <summary>Whether the office may refer now.</summary>
    public bool OffersRefer => IsProgramOffice && Complaint.Status == ComplaintStatus.Received;

    /// <summary>Whether the caller may resolve now (the scope already limits a county or department to its own).</summary>
    public bool OffersResolve => Complaint.Status == ComplaintStatus.Assigned;

    /// <summary>The assignees as options.</summary>
    public IEnumerable<SelectListItem> AssigneeChoices =>
        [new("请选择", ""), .. Assignees.Select(a => new SelectListItem($"{a.Name}（{a.Kind}）", a.Id.ToString("D")))];

    /// <summary>The findings as options.</summary>
    public static IEnumerable<SelectListItem> Findings =>
        [new("请选择", ""), .. Enum.GetValues<ComplaintFinding>().Select(f => new SelectListItem(ComplaintLabels.Finding(f), f.ToString()))];

    /// <summary>Shows the complaint (and the confirmation of a step).</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, string? confirm, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        Confirming = confirm switch
        {
            "refer" when OffersRefer => confirm,
            "resolve" when OffersResolve => confirm,
            _ => null,
        };
        return Page();
    }

    /// <summary>Assigns the complaint.</summary>
    public Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, null, new AssignComplaint(id, Input.Version, new AssignComplaintBody(Guid.TryParse(Input.OrganizationId, out var org) ? org : null, Input.Note)),
            "已分派投诉，承办单位会在工作台看到并收到提醒。", cancellationToken);

    /// <summary>Refers the complaint.</summary>
    public Task<IActionResult> OnPostReferAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "refer", new ReferComplaint(id, Input.Version, new ReferComplaintBody(Input.Authority, Input.Note)), "已转办该投诉，投诉人凭查询码可以看到转办说明。", cancellationToken);

    /// <summary>Resolves the complaint.</summary>
    public Task<IActionResult> OnPostResolveAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "resolve",
            new ResolveComplaint(id, Input.Version, new ResolveComplaintBody(Enum.TryParse<ComplaintFinding>(Input.Finding, out var f) && Enum.IsDefined(f) && !int.TryParse(Input.Finding, out _) ? f : null, Input.FindingText, Input.PublicOutcome)),
            "已办结该投诉，投诉人凭查询码可以看到调查结论和答复。", cancellationToken);

    /// <summary>Shows the filer's phone in full (audited), on this response only.</summary>
    public async Task<IActionResult> OnPostContactAsync(Guid id, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        bool ok;
        ComplaintContact? contact;
        try
        {
            (ok, contact) = await TrySendAsync(new RevealComplaintContact(id, Input.Purpose), cancellationToken).ConfigureAwait(false);
        }
        catch (PlatformException problem) when (problem.Status == StatusCodes.Status403Forbidden)
        {
            ModelState.AddModelError(FormProblems.FormKey, FormProblems.Humanize($"{problem.Title}：{problem.Detail}"));
            (ok, contact) = (false, null);
        }

        if (!await LoadAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        Contact = ok ? contact : null;
        if (!ok)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() =>
        ["Input.OrganizationId", "Input.Note", "Input.Authority", "Input.Finding", "Input.FindingText", "Input.PublicOutcome", "Input.Purpose"];

    private async Task<IActionResult> ActAsync(Guid id, string? step, IRequest<Versioned<ComplaintView>> action, string done, CancellationToken cancellationToken)
    {
        bool ok;
        try
        {
            (ok, _) = await TrySendAsync(action, cancellationToken).ConfigureAwait(false);
        }
        catch (PlatformException problem) when (problem.Status == StatusCodes.Status403Forbidden)
        {
            ModelState.AddModelError(FormProblems.FormKey, FormProblems.Humanize($"{problem.Title}：{problem.Detail}"));
            ok = false;
        }

        if (ok)
        {
            return DoneAndRedirect($"/supervision/complaints/{id:D}", done);
        }

        var sent = Input.Version;
        if (!await LoadAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        // A refusal of the fields keeps the form open with what was typed; a step no longer possible shows the complaint as it is now.
        var stale = sent != Input.Version;
        Confirming = !stale && step switch { "refer" => OffersRefer, "resolve" => OffersResolve, _ => false } ? step : null;
        if (!stale)
        {
            Input.Version = sent;
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Versioned<ComplaintView> complaint;
        try
        {
            complaint = await mediator.Send(new GetComplaint(id), cancellationToken).ConfigureAwait(false);
        }
        catch (PlatformException problem) when (problem.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }

        Complaint = complaint.Value;
        Input.Version = EntityTag.Format(complaint.Stamp);
        if (OffersAssign)
        {
            Assignees = await mediator.Send(new ListComplaintAssignees(), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}

/// <summary>The form of a complaint's step.</summary>
internal sealed class ComplaintActionForm
{
    /// <summary>The version shown (If-Match).</summary>
    public string? Version { get; set; }

    /// <summary>承办单位.</summary>
    public string? OrganizationId { get; set; }

    /// <summary>分派意见 / 转办理由.</summary>
    [DataType(DataType.MultilineText)]
    public string? Note { get; set; }

    /// <summary>转办单位.</summary>
    public string? Authority { get; set; }

    /// <summary>调查结论.</summary>
    public string? Finding { get; set; }

    /// <summary>调查情况和处理措施.</summary>
    [DataType(DataType.MultilineText)]
    public string? FindingText { get; set; }

    /// <summary>答复投诉人.</summary>
    [DataType(DataType.MultilineText)]
    public string? PublicOutcome { get; set; }

    /// <summary>查看完整电话的用途.</summary>
    public string? Purpose { get; set; }
}
