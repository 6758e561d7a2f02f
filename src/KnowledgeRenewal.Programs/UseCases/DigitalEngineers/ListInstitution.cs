using FluentValidation;
using KnowledgeRenewal.Identity.Contracts;
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

/// <summary>The program office lists an organization as a training or evaluation institution.</summary>
/// <param name="Body">The listing.</param>
internal sealed record ListInstitution(InstitutionBody Body) : IRequest<Versioned<InstitutionView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(ListInstitution);
}

/// <summary>Checks a listing: the organization, the kind, the validity and the fields and levels.</summary>
internal sealed class ListInstitutionValidator : AbstractValidator<ListInstitution>
{
    /// <summary>Creates the validator.</summary>
    public ListInstitutionValidator()
    {
        RuleFor(l => l.Body.OrganizationId).NotNull().OverridePropertyName("organizationId").WithErrorCode("required").WithMessage("请选择单位（organizationId）。");
        RuleFor(l => l.Body.Kind).RequiredInstitutionKind();
        RuleFor(l => l.Body).Custom((body, context) => context.AddFailuresOf(InstitutionListingValidator.Instance, body));
    }
}

/// <summary>
/// Handles <see cref="ListInstitution"/>: the organization read by id (the program office sees every one), a provider
/// or base (<see cref="DigitalEngineerRules.CheckListable"/>), catalogued once (<see cref="DigitalEngineerRules.AlreadyListed"/>).
/// </summary>
internal sealed class ListInstitutionHandler(PlatformDbContext db, ICurrentAccess access, IAuditActorProvider actors, TimeProvider clock)
    : IRequestHandler<ListInstitution, Versioned<InstitutionView>>
{
    /// <inheritdoc />
    public async Task<Versioned<InstitutionView>> Handle(ListInstitution request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Body;
        var kind = DigitalInputRules.Kind(body.Kind)!.Value;
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == body.OrganizationId, cancellationToken).ConfigureAwait(false)
            ?? throw new RequestValidationException([new FieldError("organizationId", "not_found", $"单位（organizationId）“{body.OrganizationId:D}”不存在。")]);
        if (DigitalEngineerRules.CheckListable(organization.Type, organization.Name) is { } notListable)
        {
            throw notListable;
        }

        var existing = await db.DigitalInstitutions.AsNoTracking().FirstOrDefaultAsync(i => i.OrganizationId == organization.Id, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            throw DigitalEngineerRules.AlreadyListed(organization.Name, existing.Kind);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var actor = DigitalReaders.Actor(access, actors);
        var institution = new DigitalInstitution
        {
            OrganizationId = organization.Id,
            OrganizationCode = organization.Code,
            OrganizationName = organization.Name,
            RegionCode = organization.RegionCode,
            Kind = kind,
            ValidFrom = body.ValidFrom!.Value,
            ValidTo = body.ValidTo!.Value,
            ListedAt = now,
            ListedByName = actor.Name,
            UpdatedAt = now,
            UpdatedByName = actor.Name,
        };
        foreach (var (field, level) in body.ListedScopes())
        {
            institution.Scopes.Add(new DigitalInstitutionScope { InstitutionId = institution.Id, Field = field, Level = level });
        }

        db.DigitalInstitutions.Add(institution);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Listed by someone else in between (the unique organization index).
            db.ChangeTracker.Clear();
            if (await db.DigitalInstitutions.AsNoTracking().AnyAsync(i => i.OrganizationId == organization.Id, cancellationToken).ConfigureAwait(false))
            {
                throw DigitalEngineerRules.AlreadyListed(organization.Name, kind);
            }

            throw;
        }

        return new(DigitalEngineerViews.Institution(institution, ProgramCalendar.Today(clock)), institution.ConcurrencyStamp);
    }
}
