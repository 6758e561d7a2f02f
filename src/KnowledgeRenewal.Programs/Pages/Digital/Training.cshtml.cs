using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.DigitalEngineers;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Programs.Pages.Digital;

/// <summary>
/// <c>/digital/trainings/{id}</c>: one training record within the caller's scope (404 otherwise) with the evaluations
/// and certificates that followed it; its institution (or the program office) issues the training-qualified
/// certificate after a confirmation — <c>POST /api/digital-engineers/trainings/{id}/certificate</c>'s use case.
/// </summary>
[Authorize(Policy = InstitutionsPolicy)]
internal sealed class TrainingModel(IMediator mediator) : DigitalPageModel
{
    /// <summary>The training and what followed it.</summary>
    public TrainingFileView Record { get; private set; } = null!;

    /// <summary>The caller's catalog entry (null: not an institution, or the program office).</summary>
    public OwnInstitutionView? Own { get; private set; }

    /// <summary>Whether the issue is being confirmed.</summary>
    public bool Confirming { get; private set; }

    /// <summary>
    /// Whether the page offers to issue the training-qualified certificate: a passed training without one, and a caller
    /// acting for its institution (the use case decides; the page does not offer what it would refuse).
    /// </summary>
    public bool OffersCertificate =>
        Record.Training.Passed
        && !Record.Certificates.Any(c => c.Kind == DigitalCertificateKind.TrainingQualified)
        && (IsProgramOffice || Own?.Institution.Id == Record.Training.InstitutionId);

    /// <summary>Shows the training.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, string? confirm, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        Confirming = confirm == "certificate" && OffersCertificate;
        return Page();
    }

    /// <summary>Issues the training-qualified certificate.</summary>
    public async Task<IActionResult> OnPostCertificateAsync(Guid id, CancellationToken cancellationToken)
    {
        var (ok, certificate) = await TrySendAsync(new IssueTrainingCertificate(id), cancellationToken).ConfigureAwait(false);
        if (ok)
        {
            return DoneAndRedirect($"/digital/trainings/{id:D}", $"已颁发培训合格证书（编号 {certificate!.Number}）。学员可以在平台查看证书并申领职业培训补贴。");
        }

        if (!await LoadAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Record = await mediator.Send(new GetTrainingFile(id), cancellationToken).ConfigureAwait(false);
        }
        catch (PlatformException problem) when (problem.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }

        Own = await mediator.Send(new GetOwnInstitution(), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
