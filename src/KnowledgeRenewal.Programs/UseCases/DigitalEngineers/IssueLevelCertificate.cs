using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>The evaluation institution issues the professional technical level certificate (专业技术等级证书) of a passed evaluation.</summary>
/// <param name="EvaluationId">The evaluation.</param>
internal sealed record IssueLevelCertificate(Guid EvaluationId) : IRequest<DigitalCertificateView>;

/// <summary>Handles <see cref="IssueLevelCertificate"/>: the caller acts for the evaluation's institution (404 outside the caller's scope).</summary>
internal sealed class IssueLevelCertificateHandler(PlatformDbContext db, ICurrentAccess access, IAuditActorProvider actors, TimeProvider clock)
    : IRequestHandler<IssueLevelCertificate, DigitalCertificateView>
{
    /// <inheritdoc />
    public async Task<DigitalCertificateView> Handle(IssueLevelCertificate request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var evaluation = await db.DigitalEvaluations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == request.EvaluationId, cancellationToken).ConfigureAwait(false)
            ?? throw DigitalEngineerViews.NotFound("评价结果", request.EvaluationId);
        var institution = await DigitalReaders.InstitutionAsync(db, evaluation.InstitutionId, cancellationToken).ConfigureAwait(false);
        if (institution is not null)
        {
            DigitalEngineerAccess.RequireStaffOf(access, institution, "颁发该机构的专业技术等级证书");
        }

        var training = await db.DigitalTrainings.IgnoreQueryFilters(DigitalReaders.AccessScope).AsNoTracking()
            .FirstAsync(t => t.Id == evaluation.TrainingId, cancellationToken).ConfigureAwait(false);
        var actor = DigitalReaders.Actor(access, actors);
        return await DigitalCertificateIssuer.IssueAsync(
            db,
            clock,
            DigitalCertificateKind.ProfessionalLevel,
            training,
            (holder, number, today, at) => DigitalEngineerRules.IssueLevelCertificate(training, evaluation, institution, holder, number, today, actor, at),
            cancellationToken).ConfigureAwait(false);
    }
}
