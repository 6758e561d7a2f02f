using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.UseCases.PersonalData;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.UseCases.Professionals;

/// <summary>
/// Registers a professional. Only the fields of <see cref="ProfessionalInput"/> are read; the ID number is stored
/// encrypted, with its keyed hash for look-ups and its masked form for display; the first employment starts today.
/// </summary>
/// <param name="Input">The submitted fields.</param>
internal sealed record CreateProfessional(ProfessionalInput Input) : IRequest<Versioned<ProfessionalView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(CreateProfessional); // never the ID number or phone in logs
}

/// <summary>Checks the fields with <see cref="ProfessionalRules.Validate"/> — the rules the bulk import uses too.</summary>
internal sealed class CreateProfessionalValidator : AbstractValidator<CreateProfessional>
{
    /// <summary>Creates the validator.</summary>
    public CreateProfessionalValidator(TimeProvider clock) =>
        RuleFor(c => c).Custom((command, context) =>
            RegistryValidation.Add(context, ProfessionalRules.Validate(command.Input ?? new ProfessionalInput(), ProgramCalendar.Today(clock)).Errors));
}

/// <summary>
/// Handles <see cref="CreateProfessional"/>. Region and sector come from the employer
/// (<see cref="ProfessionalOwnership"/>); a number registered outside the caller's scope is refused exactly like a
/// registration outside it (and audited), so registering is no way to learn whether someone is registered elsewhere.
/// </summary>
internal sealed class CreateProfessionalHandler(
    PlatformDbContext db,
    ICurrentAccess access,
    IdNumberHasher idNumbers,
    IdNumberLookups lookups,
    IPersonalDataProtector protector,
    TimeProvider clock) : IRequestHandler<CreateProfessional, Versioned<ProfessionalView>>
{
    /// <inheritdoc />
    public async Task<Versioned<ProfessionalView>> Handle(CreateProfessional request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ProfessionalWriter.EnsureWriter(access);
        var today = ProgramCalendar.Today(clock);
        var (valid, errors) = ProfessionalRules.Validate(request.Input, today);
        if (valid is null)
        {
            throw new RequestValidationException(errors);
        }

        var employer = await ProfessionalWriter.FindEmployerAsync(db, valid.EmployerCreditCode, cancellationToken).ConfigureAwait(false);
        var owners = await ProfessionalWriter.OwnersAsync(db, access, employer, valid.RegionCode, valid.DepartmentCode, null, cancellationToken).ConfigureAwait(false);
        var hash = idNumbers.Hash(valid.IdNumber);
        await EnsureNotRegisteredAsync(valid.IdNumber, hash, cancellationToken).ConfigureAwait(false);

        var now = clock.GetUtcNow().UtcDateTime;
        var professional = new Professional
        {
            IdNumberHash = hash,
            IdNumberCipher = protector.Protect(valid.IdNumber.Value),
            IdNumberMasked = valid.IdNumber.Masked,
            Name = valid.Name,
            Gender = valid.Gender,
            BirthDate = valid.BirthDate,
            PhoneCipher = valid.Phone is null ? null : protector.Protect(valid.Phone),
            PhoneMasked = valid.Phone is null ? null : MobileNumber.Mask(valid.Phone),
            EmployerId = employer.Id,
            RegionCode = owners.RegionCode,
            DepartmentCode = owners.DepartmentCode,
            TitleSeries = valid.TitleSeries,
            TitleLevel = valid.TitleLevel,
            Specialty = valid.Specialty,
            Education = valid.Education,
            Status = valid.Status,
            CreatedAt = now,
            UpdatedAt = now,
        };
        professional.Employments.Add(new Employment { ProfessionalId = professional.Id, EmployerId = employer.Id, StartedOn = today, RecordedAt = now });
        db.Professionals.Add(professional);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another request registered the same person between our check and our insert (unique hash).
            db.ChangeTracker.Clear();
            await EnsureNotRegisteredAsync(valid.IdNumber, hash, cancellationToken).ConfigureAwait(false);
            throw;
        }

        return await ProfessionalViews.GetAsync(db, professional.Id, cancellationToken).ConfigureAwait(false);
    }

    // A number registered already: 409 when the caller may see that record (it is theirs to find anyway); otherwise
    // the refusal of any registration outside the caller's scope — nothing says the person exists — and an audit record.
    private async Task EnsureNotRegisteredAsync(ResidentIdNumber number, string hash, CancellationToken cancellationToken)
    {
        if (!await db.Professionals.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AnyAsync(p => p.IdNumberHash == hash, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (await db.Professionals.AnyAsync(p => p.IdNumberHash == hash, cancellationToken).ConfigureAwait(false))
        {
            throw Professional.Duplicate();
        }

        await lookups.RegistrationRefusedAsync(number, hash, "登记专业技术人员", cancellationToken).ConfigureAwait(false);
        throw ProfessionalOwnership.Refusal();
    }
}
