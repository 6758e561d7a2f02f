using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>The program office changes a listing's validity and fields (If-Match).</summary>
/// <param name="Id">The entry.</param>
/// <param name="IfMatch">The If-Match header.</param>
/// <param name="Body">The new validity and fields.</param>
internal sealed record UpdateInstitution(Guid Id, string? IfMatch, InstitutionBody Body) : IRequest<Versioned<InstitutionView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(UpdateInstitution);
}

/// <summary>Checks the validity and the fields and levels.</summary>
internal sealed class UpdateInstitutionValidator : AbstractValidator<UpdateInstitution>
{
    /// <summary>Creates the validator.</summary>
    public UpdateInstitutionValidator() => RuleFor(u => u.Body).Custom((body, context) => context.AddFailuresOf(InstitutionListingValidator.Instance, body));
}

/// <summary>Handles <see cref="UpdateInstitution"/>: replaces the validity and the fields and levels against the ETag read (428/412).</summary>
internal sealed class UpdateInstitutionHandler(PlatformDbContext db, ICurrentAccess access, IAuditActorProvider actors, TimeProvider clock)
    : IRequestHandler<UpdateInstitution, Versioned<InstitutionView>>
{
    /// <inheritdoc />
    public async Task<Versioned<InstitutionView>> Handle(UpdateInstitution request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var institution = await db.DigitalInstitutions.Include(i => i.Scopes).FirstOrDefaultAsync(i => i.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw DigitalEngineerViews.NotFound("机构目录条目", request.Id);
        var read = Preconditions.Require(request.IfMatch, institution.ConcurrencyStamp);
        var scopes = request.Body.ListedScopes();

        institution.ValidFrom = request.Body.ValidFrom!.Value;
        institution.ValidTo = request.Body.ValidTo!.Value;
        foreach (var gone in institution.Scopes.Where(s => !scopes.Contains((s.Field, s.Level))).ToList())
        {
            institution.Scopes.Remove(gone);
        }

        foreach (var (field, level) in scopes.Where(s => !institution.Covers(s.Field, s.Level)))
        {
            institution.Scopes.Add(new DigitalInstitutionScope { InstitutionId = institution.Id, Field = field, Level = level });
        }

        institution.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        institution.UpdatedByName = DigitalReaders.Actor(access, actors).Name;
        db.Entry(institution).Property(i => i.ConcurrencyStamp).OriginalValue = read;
        institution.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Preconditions.Stale();
        }

        return new(DigitalEngineerViews.Institution(institution, ProgramCalendar.Today(clock)), institution.ConcurrencyStamp);
    }
}
