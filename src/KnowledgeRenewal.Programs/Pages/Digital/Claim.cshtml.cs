using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.DigitalEngineers;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Programs.Pages.Digital;

/// <summary>
/// <c>/my/digital/claims/new?certificate={id}</c>: the holder claims the vocational-training subsidy of a
/// training-qualified certificate — <c>POST /api/digital-engineers/subsidy-claims</c>'s use case (<see cref="FileSubsidyClaim"/>),
/// which decides whether the certificate may be claimed; its answer is shown on the page.
/// </summary>
[Authorize(Policy = ProfessionalsPolicy)]
internal sealed class ClaimModel(IMediator mediator) : DigitalPageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public ClaimForm Input { get; set; } = new();

    /// <summary>The certificate claimed on.</summary>
    public DigitalCertificateView Certificate { get; private set; } = null!;

    /// <summary>The amount the claim will be for (the standard of the level).</summary>
    public decimal Amount => DigitalEngineerCatalog.SubsidyStandard(Certificate.Level);

    /// <summary>Shows the claim form.</summary>
    public async Task<IActionResult> OnGetAsync(Guid? certificate, CancellationToken cancellationToken)
    {
        if (certificate is not { } id || !await LoadAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        Input.Certificate = id;
        return Page();
    }

    /// <summary>Files the claim, or shows what stands in the way.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Certificate is not { } id || !await LoadAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        var (ok, claim) = await TrySendAsync(new FileSubsidyClaim(new ClaimBody(id, Input.Note)), cancellationToken).ConfigureAwait(false);
        if (ok)
        {
            return DoneAndRedirect("/my/digital", $"职业培训补贴申领已提交（证书 {claim!.Value.CertificateNumber}，{Yuan(claim.Value.Amount)}），等待所在县（市、区）人社部门审核。");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => ["Input.Note"];

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Certificate = await mediator.Send(new GetDigitalCertificate(id), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PlatformException problem) when (problem.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }
    }
}

/// <summary>The claim form.</summary>
internal sealed class ClaimForm
{
    /// <summary>The certificate.</summary>
    public Guid? Certificate { get; set; }

    /// <summary>申领说明 (optional).</summary>
    [DataType(DataType.MultilineText)]
    public string? Note { get; set; }
}
