using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.UseCases.Bases;

/// <summary>Designates a training provider as a base (program office only).</summary>
/// <param name="Input">The submitted fields.</param>
internal sealed record CreateEducationBase(EducationBaseInput Input) : IRequest<Versioned<EducationBaseView>>;

/// <summary>Checks a new designation's fields with <see cref="EducationBaseRules.Validate"/>.</summary>
internal sealed class CreateEducationBaseValidator : AbstractValidator<CreateEducationBase>
{
    /// <summary>Creates the validator.</summary>
    public CreateEducationBaseValidator(TimeProvider clock) =>
        RuleFor(c => c).Custom((command, context) => RegistryValidation.Add(context, EducationBaseRules.Validate(command.Input ?? new EducationBaseInput(), ProgramCalendar.Today(clock), designating: true).Errors));
}

/// <summary>Handles <see cref="CreateEducationBase"/> (<see cref="RegistryWriters.ProviderWriters"/>): the organization must be a registered provider.</summary>
internal sealed class CreateEducationBaseHandler(PlatformDbContext db, ICurrentAccess access, TimeProvider clock)
    : IRequestHandler<CreateEducationBase, Versioned<EducationBaseView>>
{
    /// <inheritdoc />
    public async Task<Versioned<EducationBaseView>> Handle(CreateEducationBase request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RegistryWriters.EnsureRole(access, RegistryWriters.ProviderWriters, EducationBaseViews.What);
        var (valid, errors) = EducationBaseRules.Validate(request.Input, ProgramCalendar.Today(clock), designating: true);
        if (valid is null)
        {
            throw new RequestValidationException(errors);
        }

        var organizationId = valid.OrganizationId!.Value;
        if (!await db.TrainingProviders.AnyAsync(p => p.Id == organizationId, cancellationToken).ConfigureAwait(false))
        {
            throw new RequestValidationException([new FieldError("organizationId", "provider.not_found", "依托机构不存在或不是已登记的施教机构，请先登记施教机构。")]);
        }

        var designation = new EducationBase { Name = valid.Name, OrganizationId = organizationId, Level = valid.Level, DesignatedOn = valid.DesignatedOn, Status = valid.Status };
        db.EducationBases.Add(designation);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await EducationBaseViews.GetAsync(db, designation.Id, cancellationToken).ConfigureAwait(false);
    }
}
