using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>A claim's body.</summary>
/// <param name="CertificateId">The training-qualified certificate.</param>
/// <param name="Note">A note, optional.</param>
internal sealed record ClaimBody(Guid? CertificateId, [property: DataType(DataType.MultilineText)] string? Note)
{
    /// <summary>A body with nothing in it (what an empty request sends).</summary>
    public static ClaimBody Empty { get; } = new(null, null);
}

/// <summary>The holder (or their county bureau, or the program office) claims the vocational-training subsidy of a training-qualified certificate.</summary>
/// <param name="Body">The claim.</param>
internal sealed record FileSubsidyClaim(ClaimBody Body) : IRequest<Versioned<SubsidyClaimView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(FileSubsidyClaim);
}

/// <summary>Checks a claim.</summary>
internal sealed class FileSubsidyClaimValidator : AbstractValidator<FileSubsidyClaim>
{
    /// <summary>Creates the validator.</summary>
    public FileSubsidyClaimValidator()
    {
        RuleFor(f => f.Body.CertificateId).RequiredId("certificateId", "培训合格证书（certificateId）");
        RuleFor(f => DigitalInputRules.Trim(f.Body.Note)).MaximumLength(SubsidyClaim.TextLength).OverridePropertyName("note")
            .WithErrorCode("too_long").WithMessage($"申领说明（note）最多 {SubsidyClaim.TextLength} 个字。");
    }
}

/// <summary>
/// Handles <see cref="FileSubsidyClaim"/>: the certificate within the caller's scope (404), a caller who may claim for
/// its holder (<see cref="DigitalEngineerAccess.RequireClaimant"/>), one claim per training-qualified certificate
/// (<see cref="DigitalEngineerRules.Claim"/>).
/// </summary>
internal sealed class FileSubsidyClaimHandler(PlatformDbContext db, ICurrentAccess access, IAuditActorProvider actors, TimeProvider clock)
    : IRequestHandler<FileSubsidyClaim, Versioned<SubsidyClaimView>>
{
    /// <inheritdoc />
    public async Task<Versioned<SubsidyClaimView>> Handle(FileSubsidyClaim request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var certificateId = request.Body.CertificateId!.Value;
        var certificate = await db.DigitalCertificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == certificateId, cancellationToken).ConfigureAwait(false)
            ?? throw DigitalEngineerViews.NotFound("证书", certificateId);
        var owner = await db.Professionals.IgnoreQueryFilters(DigitalReaders.AccessScope).AsNoTracking()
            .Where(p => p.Id == certificate.ProfessionalId)
            .Select(p => new { p.UserId, p.RegionCode })
            .FirstAsync(cancellationToken).ConfigureAwait(false);
        DigitalEngineerAccess.RequireClaimant(access, owner.UserId, owner.RegionCode);

        var claimed = await ClaimedAsync(certificate.Id, cancellationToken).ConfigureAwait(false);
        var claim = DigitalEngineerRules.Claim(certificate, claimed, DigitalInputRules.Trim(request.Body.Note), DigitalReaders.Actor(access, actors), clock.GetUtcNow().UtcDateTime);
        db.SubsidyClaims.Add(claim);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Filed by someone else in between: the unique certificate index refuses the second claim.
            db.ChangeTracker.Clear();
            if (await ClaimedAsync(certificate.Id, cancellationToken).ConfigureAwait(false))
            {
                throw DigitalEngineerRules.ClaimExists(certificate.Number);
            }

            throw;
        }

        return await SubsidyClaimStore.ViewAsync(db, claim.Id, cancellationToken).ConfigureAwait(false);
    }

    private Task<bool> ClaimedAsync(Guid certificateId, CancellationToken cancellationToken) =>
        db.SubsidyClaims.IgnoreQueryFilters(DigitalReaders.AccessScope).AnyAsync(c => c.CertificateId == certificateId, cancellationToken);
}
