using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.DigitalEngineers;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace KnowledgeRenewal.Programs.Pages.Digital;

/// <summary>
/// <c>/my/digital</c> 数字技术工程师: the signed-in professional's trainings, evaluations, certificates and subsidy
/// claims — the API's list use cases (<c>GET /api/digital-engineers/…</c>), which the data layer cuts to the caller's
/// own rows — and, for a training-qualified certificate not claimed yet, the way to claim its subsidy.
/// </summary>
[Authorize(Policy = ProfessionalsPolicy)]
internal sealed class MyModel(IMediator mediator, TimeProvider clock) : DigitalPageModel
{
    private const int PageSize = 100;

    /// <summary>My training records.</summary>
    public Paged<TrainingView> Trainings { get; private set; } = null!;

    /// <summary>My evaluation results.</summary>
    public Paged<EvaluationView> Evaluations { get; private set; } = null!;

    /// <summary>My certificates.</summary>
    public Paged<DigitalCertificateView> Certificates { get; private set; } = null!;

    /// <summary>My subsidy claims.</summary>
    public Paged<SubsidyClaimView> Claims { get; private set; } = null!;

    /// <summary>The training institutions valid today (where to train, for the empty page).</summary>
    public IReadOnlyList<InstitutionView> TrainingInstitutions { get; private set; } = [];

    /// <summary>Whether there is nothing at all yet.</summary>
    public bool Empty => Trainings.Total == 0 && Evaluations.Total == 0 && Certificates.Total == 0 && Claims.Total == 0;

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = new PipelineFilter(null, null, null, null, null, 1, PageSize);
        Trainings = await mediator.Send(new ListTrainings(all), cancellationToken).ConfigureAwait(false);
        Evaluations = await mediator.Send(new ListEvaluations(all), cancellationToken).ConfigureAwait(false);
        Certificates = await mediator.Send(new ListDigitalCertificates(all), cancellationToken).ConfigureAwait(false);
        Claims = await mediator.Send(new ListSubsidyClaims(null, 1, PageSize), cancellationToken).ConfigureAwait(false);
        if (Empty)
        {
            TrainingInstitutions = await mediator.Send(new ListInstitutions(nameof(InstitutionKind.Training), null, null, ProgramCalendar.Today(clock)), cancellationToken).ConfigureAwait(false);
        }
    }
}
