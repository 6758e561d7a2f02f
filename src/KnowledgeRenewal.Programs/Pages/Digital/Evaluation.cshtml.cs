using KnowledgeRenewal.Programs.UseCases.DigitalEngineers;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Programs.Pages.Digital;

/// <summary>
/// <c>/digital/evaluations/{id}</c>: one evaluation result within the caller's scope (404 otherwise) and its level
/// certificate; the evaluation institution (or the program office) issues it after a confirmation —
/// <c>POST /api/digital-engineers/evaluations/{id}/certificate</c>'s use case.
/// </summary>
[Authorize(Policy = InstitutionsPolicy)]
internal sealed class EvaluationModel(IMediator mediator) : DigitalPageModel
{
    /// <summary>The evaluation and its certificates.</summary>
    public EvaluationFileView Record { get; private set; } = null!;

    /// <summary>The caller's catalog entry.</summary>
    public OwnInstitutionView? Own { get; private set; }

    /// <summary>Whether the issue is being confirmed.</summary>
    public bool Confirming { get; private set; }

    /// <summary>Whether the page offers to issue the level certificate: a passed evaluation without one, by its institution.</summary>
    public bool OffersCertificate =>
        Record.Evaluation.Passed && Record.Certificates.Count == 0 && (IsProgramOffice || Own?.Institution.Id == Record.Evaluation.InstitutionId);

    /// <summary>Shows the evaluation.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, string? confirm, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        Confirming = confirm == "certificate" && OffersCertificate;
        return Page();
    }

    /// <summary>Issues the professional technical level certificate.</summary>
    public async Task<IActionResult> OnPostCertificateAsync(Guid id, CancellationToken cancellationToken)
    {
        var (ok, certificate) = await TrySendAsync(new IssueLevelCertificate(id), cancellationToken).ConfigureAwait(false);
        if (ok)
        {
            return DoneAndRedirect($"/digital/evaluations/{id:D}", $"已颁发专业技术等级证书（编号 {certificate!.Number}，{certificate.TitleLinkageName}）。");
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
            Record = await mediator.Send(new GetEvaluationFile(id), cancellationToken).ConfigureAwait(false);
        }
        catch (PlatformException problem) when (problem.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }

        Own = await mediator.Send(new GetOwnInstitution(), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
