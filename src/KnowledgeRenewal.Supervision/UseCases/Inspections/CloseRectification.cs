using KnowledgeRenewal.Kernel.Application;
using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Inspections;

/// <summary>The program office closes a finding's rectification with how it was rectified and at least one evidence file. Needs If-Match (the finding's).</summary>
/// <param name="FindingId">The finding.</param>
/// <param name="IfMatch">The finding's ETag.</param>
/// <param name="Note">How it was rectified.</param>
/// <param name="Evidence">PDF, JPEG or PNG files proving it.</param>
internal sealed record CloseRectification(Guid FindingId, string? IfMatch, [property: DataType(DataType.MultilineText)] string? Note, IReadOnlyList<EvidenceUpload> Evidence) : IRequest<Versioned<FindingView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(CloseRectification);
}

/// <summary>Checks the note and the evidence.</summary>
internal sealed class CloseRectificationValidator : AbstractValidator<CloseRectification>
{
    /// <summary>Creates the validator.</summary>
    public CloseRectificationValidator()
    {
        RuleFor(c => c.Note).NotEmpty().WithMessage("请写明整改情况。").MaximumLength(InspectionFinding.TextLength).WithMessage($"整改情况最多 {InspectionFinding.TextLength} 个字。").OverridePropertyName("note");
        RuleFor(c => c.Evidence).Must(e => e is { Count: > 0 and <= 10 }).WithMessage("请上传整改佐证材料（1 至 10 个文件）。").WithErrorCode("invalid_value").OverridePropertyName("evidence");
    }
}

/// <summary>Handles <see cref="CloseRectification"/>: an open rectification closes today (also after its results are published).</summary>
internal sealed class CloseRectificationHandler(PlatformDbContext db, IAuditActorProvider actors, TimeProvider clock) : IRequestHandler<CloseRectification, Versioned<FindingView>>
{
    /// <inheritdoc />
    public async Task<Versioned<FindingView>> Handle(CloseRectification request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var finding = await db.Set<InspectionFinding>().Include(f => f.Evidence).FirstOrDefaultAsync(f => f.Id == request.FindingId, cancellationToken).ConfigureAwait(false)
            ?? throw InspectionRules.NotFound("检查发现", request.FindingId);
        var read = Preconditions.Require(request.IfMatch, finding.ConcurrencyStamp);
        if (finding.Rectification != RectificationStatus.Open)
        {
            throw InspectionRules.RectificationNotOpen();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = ProgramCalendar.Today(clock);
        foreach (var upload in request.Evidence)
        {
            var evidence = upload.ToEvidence(finding.Id, forClosure: true, now);
            db.Add(evidence);
        }

        finding.Rectification = RectificationStatus.Closed;
        finding.ClosedOn = today;
        finding.ClosureNote = request.Note!.Trim();
        finding.ClosedByName = actors.Current.UserName;
        db.Entry(finding).Property(f => f.ConcurrencyStamp).OriginalValue = read;
        finding.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Preconditions.Stale();
        }

        return new(InspectionViews.Finding(finding, today), finding.ConcurrencyStamp);
    }
}
