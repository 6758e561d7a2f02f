using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.DigitalEngineers;
using KnowledgeRenewal.Programs.UseCases.Plans;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Programs.Pages.Digital;

/// <summary>
/// <c>/digital/claims/{id}</c>: one subsidy claim within the caller's scope (404 otherwise) with its trail, and the one
/// step it waits for — approve or reject with a reason (<see cref="DecideSubsidyClaim"/>), then record the payment
/// with its voucher number (<see cref="PaySubsidyClaim"/>) — each after a confirmation, sent with the version the page
/// showed as <c>If-Match</c>, as the API's <c>POST …/decision</c> and <c>…/payment</c>.
/// </summary>
[Authorize(Roles = ClaimsModel.ApproverRoles)]
internal sealed class ClaimReviewModel(IMediator mediator, TimeProvider clock) : DigitalPageModel
{
    /// <summary>The form of the step.</summary>
    [BindProperty]
    public ClaimActionForm Input { get; set; } = new();

    /// <summary>The claim.</summary>
    public SubsidyClaimView Claim { get; private set; } = null!;

    /// <summary>The county the claim was filed in (its name).</summary>
    public string RegionName { get; private set; } = "";

    /// <summary>The step being confirmed: <c>approve</c>, <c>reject</c>, <c>pay</c> or none.</summary>
    public string? Confirming { get; private set; }

    /// <summary>Today in China time (the payment's day).</summary>
    public DateOnly Today => ProgramCalendar.Today(clock);

    /// <summary>Whether the caller filed the claim (nobody decides their own claim).</summary>
    public bool FiledByCaller => Claim.Steps.Count > 0 && string.Equals(Claim.Steps[0].By, User.Identity?.Name, StringComparison.Ordinal);

    /// <summary>Whether the claim waits for a decision the caller may take.</summary>
    public bool OffersDecision => Claim.Status == SubsidyClaimStatus.Submitted && !FiledByCaller;

    /// <summary>Whether the claim waits for its payment the caller may record.</summary>
    public bool OffersPayment => Claim.Status == SubsidyClaimStatus.Approved && !FiledByCaller;

    /// <summary>Shows the claim (and the confirmation of a step).</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, string? confirm, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        Confirming = confirm switch
        {
            "approve" or "reject" when OffersDecision => confirm,
            "pay" when OffersPayment => confirm,
            _ => null,
        };
        return Page();
    }

    /// <summary>Approves the claim.</summary>
    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "approve", new DecideSubsidyClaim(id, Input.Version, new ClaimDecisionBody("approve", Input.Comment)), "已核准该补贴申领，发放后请登记发放凭证号。", cancellationToken);

    /// <summary>Rejects the claim with a reason.</summary>
    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "reject", new DecideSubsidyClaim(id, Input.Version, new ClaimDecisionBody("reject", Input.Comment)), "已驳回该补贴申领，申领人可以看到驳回理由。", cancellationToken);

    /// <summary>Records the payment.</summary>
    public Task<IActionResult> OnPostPayAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "pay", new PaySubsidyClaim(id, Input.Version, new ClaimPaymentBody(Input.Reference)), "已登记补贴发放。", cancellationToken);

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => ["Input.Comment", "Input.Reference"];

    private async Task<IActionResult> ActAsync(Guid id, string step, IRequest<Versioned<SubsidyClaimView>> action, string done, CancellationToken cancellationToken)
    {
        bool ok;
        try
        {
            (ok, _) = await TrySendAsync(action, cancellationToken).ConfigureAwait(false);
        }
        catch (PlatformException problem) when (problem.Status == StatusCodes.Status403Forbidden)
        {
            // Not this caller's to decide (another county's claim, or their own): said on the page, not as a field error.
            ModelState.AddModelError(FormProblems.FormKey, FormProblems.Humanize($"{problem.Title}：{problem.Detail}"));
            ok = false;
        }

        if (ok)
        {
            return DoneAndRedirect($"/digital/claims/{id:D}", done);
        }

        var sent = Input.Version;
        if (!await LoadAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        // A refusal of the fields keeps the confirmation open with what was typed; a step no longer possible (someone
        // else acted first) shows the claim as it is now.
        var stale = sent != Input.Version;
        Confirming = !stale && (step == "pay" ? OffersPayment : OffersDecision) ? step : null;
        if (!stale)
        {
            Input.Version = sent;
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Versioned<SubsidyClaimView> claim;
        try
        {
            claim = await mediator.Send(new GetSubsidyClaim(id), cancellationToken).ConfigureAwait(false);
        }
        catch (PlatformException problem) when (problem.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }

        Claim = claim.Value;
        Input.Version = EntityTag.Format(claim.Stamp);
        var regions = (await mediator.Send(new ListPlanTargetChoices(), cancellationToken).ConfigureAwait(false)).Regions;
        RegionName = regions.FirstOrDefault(r => r.Key == Claim.RegionCode)?.Name ?? Claim.RegionCode;
        return true;
    }
}

/// <summary>The form of a claim's step.</summary>
internal sealed class ClaimActionForm
{
    /// <summary>The version shown (If-Match).</summary>
    public string? Version { get; set; }

    /// <summary>审核意见 / 驳回理由.</summary>
    [DataType(DataType.MultilineText)]
    public string? Comment { get; set; }

    /// <summary>发放凭证号.</summary>
    public string? Reference { get; set; }
}
