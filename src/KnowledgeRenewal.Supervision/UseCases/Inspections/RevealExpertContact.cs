using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Inspections;

/// <summary>The program office reads an expert's phone and ID number unmasked (to reach a drawn inspector); every read is audited.</summary>
/// <param name="Id">The expert.</param>
internal sealed record RevealExpertContact(Guid Id) : IRequest<ExpertContact>;

/// <summary>Handles <see cref="RevealExpertContact"/>: records <c>personal_data.viewed</c> before answering.</summary>
internal sealed class RevealExpertContactHandler(PlatformDbContext db, IAuditTrail audit) : IRequestHandler<RevealExpertContact, ExpertContact>
{
    /// <inheritdoc />
    public async Task<ExpertContact> Handle(RevealExpertContact request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var expert = await db.Set<Expert>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw InspectionRules.NotFound("专家", request.Id);
        await audit.RecordAsync(new AuditEvent(AuditActions.PersonalDataViewed, AuditOutcome.Success, nameof(Expert), expert.Id.ToString(), "expert contact unmasked"), cancellationToken).ConfigureAwait(false);
        return new(expert.Id, expert.Name, expert.Phone, expert.IdNumber);
    }
}
