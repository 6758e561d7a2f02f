using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>The catalog entry of the caller's own organization (a provider's staff acting as an institution), with what waits for it.</summary>
internal sealed record GetOwnInstitution : IRequest<OwnInstitutionView?>;

/// <summary>The caller's institution and its work.</summary>
/// <param name="Institution">The catalog entry.</param>
/// <param name="Trainings">Training records it made (training institutions).</param>
/// <param name="PassedWithoutCertificate">Passed trainings whose training-qualified certificate is not issued yet.</param>
/// <param name="Evaluations">Evaluation results it recorded (evaluation institutions).</param>
/// <param name="PassedWithoutLevelCertificate">Passed evaluations whose level certificate is not issued yet.</param>
internal sealed record OwnInstitutionView(InstitutionView Institution, int Trainings, int PassedWithoutCertificate, int Evaluations, int PassedWithoutLevelCertificate);

/// <summary>
/// Handles <see cref="GetOwnInstitution"/>: the catalog is public, so the entry is found by the caller's organization
/// (none for a caller without one, or whose organization is not listed); the counts are read within the caller's scope.
/// </summary>
internal sealed class GetOwnInstitutionHandler(PlatformDbContext db, ICurrentAccess access, TimeProvider clock) : IRequestHandler<GetOwnInstitution, OwnInstitutionView?>
{
    /// <inheritdoc />
    public async Task<OwnInstitutionView?> Handle(GetOwnInstitution request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (access.OrganizationId is not { } organization || !access.Roles.Contains(PlatformRoles.ProviderStaff))
        {
            return null;
        }

        var institution = await db.DigitalInstitutions.AsNoTracking().Include(i => i.Scopes)
            .FirstOrDefaultAsync(i => i.OrganizationId == organization, cancellationToken).ConfigureAwait(false);
        if (institution is null)
        {
            return null;
        }

        var id = institution.Id;
        var certificates = db.DigitalCertificates;
        var trainings = await db.DigitalTrainings.CountAsync(t => t.InstitutionId == id, cancellationToken).ConfigureAwait(false);
        var uncertified = await db.DigitalTrainings
            .CountAsync(t => t.InstitutionId == id && t.Passed && !certificates.Any(c => c.TrainingId == t.Id && c.Kind == DigitalCertificateKind.TrainingQualified), cancellationToken)
            .ConfigureAwait(false);
        var evaluations = await db.DigitalEvaluations.CountAsync(e => e.InstitutionId == id, cancellationToken).ConfigureAwait(false);
        var unleveled = await db.DigitalEvaluations
            .CountAsync(e => e.InstitutionId == id && e.Passed && !certificates.Any(c => c.EvaluationId == e.Id && c.Kind == DigitalCertificateKind.ProfessionalLevel), cancellationToken)
            .ConfigureAwait(false);
        return new(DigitalEngineerViews.Institution(institution, ProgramCalendar.Today(clock)), trainings, uncertified, evaluations, unleveled);
    }
}
