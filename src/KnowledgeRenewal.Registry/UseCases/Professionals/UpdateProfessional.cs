using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.UseCases.Professionals;

/// <summary>
/// Changes what may change of a professional — name, phone, title series and level, specialty, education,
/// status — and nothing else: the employer (a move), the ID number and the ownership fields are not part of the
/// body, whatever a client sends. Needs the entity tag read (<c>If-Match</c>).
/// </summary>
/// <param name="Id">The professional.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Details">The new values.</param>
internal sealed record UpdateProfessional(Guid Id, string? IfMatch, ProfessionalDetailsInput Details) : IRequest<Versioned<ProfessionalView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(UpdateProfessional);
}

/// <summary>Checks the fields with <see cref="ProfessionalRules.ValidateDetails"/>.</summary>
internal sealed class UpdateProfessionalValidator : AbstractValidator<UpdateProfessional>
{
    /// <summary>Creates the validator.</summary>
    public UpdateProfessionalValidator() =>
        RuleFor(c => c).Custom((command, context) =>
            RegistryValidation.Add(context, ProfessionalRules.ValidateDetails(command.Details ?? new ProfessionalDetailsInput()).Errors));
}

/// <summary>Handles <see cref="UpdateProfessional"/>: within the caller's own scope, against the entity tag read.</summary>
internal sealed class UpdateProfessionalHandler(
    PlatformDbContext db,
    ICurrentAccess access,
    IPersonalDataProtector protector,
    TimeProvider clock) : IRequestHandler<UpdateProfessional, Versioned<ProfessionalView>>
{
    /// <inheritdoc />
    public async Task<Versioned<ProfessionalView>> Handle(UpdateProfessional request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ProfessionalWriter.EnsureWriter(access);
        var (details, errors) = ProfessionalRules.ValidateDetails(request.Details);
        if (details is null)
        {
            throw new RequestValidationException(errors);
        }

        var professional = await db.Professionals.FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw Professional.NotFound(request.Id);
        ProfessionalWriter.EnsureCanChange(access, professional);
        var read = Preconditions.Require(request.IfMatch, professional.ConcurrencyStamp);
        if (!string.IsNullOrWhiteSpace(request.Details.Status) && details.Status != professional.Status)
        {
            throw new PlatformException(
                EmploymentHistory.StatusThroughLeaving,
                409,
                "人员状态不能在此修改",
                "离职或退休请办理“离职或退休”（同时结束当前任职）；修改人员信息时状态保持不变。");
        }

        professional.Name = details.Name;
        SetPhone(professional, details.Phone);
        professional.TitleSeries = details.TitleSeries;
        professional.TitleLevel = details.TitleLevel;
        professional.Specialty = details.Specialty;
        professional.Education = details.Education;
        await ProfessionalWriter.SaveNewVersionAsync(db, professional, read, clock.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        return await ProfessionalViews.GetAsync(db, professional.Id, cancellationToken).ConfigureAwait(false);
    }

    // The phone is re-encrypted only when it changed (the ciphertext differs on every encryption).
    private void SetPhone(Professional professional, string? phone)
    {
        var current = professional.PhoneCipher is null ? null : protector.Unprotect(professional.PhoneCipher);
        if (current == phone)
        {
            return;
        }

        professional.PhoneCipher = phone is null ? null : protector.Protect(phone);
        professional.PhoneMasked = phone is null ? null : MobileNumber.Mask(phone);
    }
}
