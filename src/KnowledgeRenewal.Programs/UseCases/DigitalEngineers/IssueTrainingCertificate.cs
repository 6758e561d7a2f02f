using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>The training institution issues the training-qualified certificate (培训合格证书) of a passed training.</summary>
/// <param name="TrainingId">The training.</param>
internal sealed record IssueTrainingCertificate(Guid TrainingId) : IRequest<DigitalCertificateView>;

/// <summary>Handles <see cref="IssueTrainingCertificate"/>: the caller acts for the training's institution (404 outside the caller's scope).</summary>
internal sealed class IssueTrainingCertificateHandler(PlatformDbContext db, ICurrentAccess access, IAuditActorProvider actors, TimeProvider clock)
    : IRequestHandler<IssueTrainingCertificate, DigitalCertificateView>
{
    /// <inheritdoc />
    public async Task<DigitalCertificateView> Handle(IssueTrainingCertificate request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var training = await db.DigitalTrainings.AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.TrainingId, cancellationToken).ConfigureAwait(false)
            ?? throw DigitalEngineerViews.NotFound("培训记录", request.TrainingId);
        var institution = await DigitalReaders.InstitutionAsync(db, training.InstitutionId, cancellationToken).ConfigureAwait(false);
        if (institution is not null)
        {
            DigitalEngineerAccess.RequireStaffOf(access, institution, "颁发该机构的培训合格证书");
        }

        var actor = DigitalReaders.Actor(access, actors);
        return await DigitalCertificateIssuer.IssueAsync(
            db,
            clock,
            DigitalCertificateKind.TrainingQualified,
            training,
            (holder, number, today, at) => DigitalEngineerRules.IssueTrainingCertificate(training, institution, holder, number, today, actor, at),
            cancellationToken).ConfigureAwait(false);
    }
}
