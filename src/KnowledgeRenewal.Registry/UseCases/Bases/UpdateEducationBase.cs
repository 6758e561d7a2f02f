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

/// <summary>Changes a designation's name, level, date and status (e.g. revokes it); not its organization. Needs <c>If-Match</c>.</summary>
/// <param name="Id">The designation.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Input">The new values (an organization in it is ignored).</param>
internal sealed record UpdateEducationBase(Guid Id, string? IfMatch, EducationBaseInput Input) : IRequest<Versioned<EducationBaseView>>;

/// <summary>Checks a designation change's fields with <see cref="EducationBaseRules.Validate"/>.</summary>
internal sealed class UpdateEducationBaseValidator : AbstractValidator<UpdateEducationBase>
{
    /// <summary>Creates the validator.</summary>
    public UpdateEducationBaseValidator(TimeProvider clock) =>
        RuleFor(c => c).Custom((command, context) => RegistryValidation.Add(context, EducationBaseRules.Validate(command.Input ?? new EducationBaseInput(), ProgramCalendar.Today(clock), designating: false).Errors));
}

/// <summary>Handles <see cref="UpdateEducationBase"/> (<see cref="RegistryWriters.ProviderWriters"/>).</summary>
internal sealed class UpdateEducationBaseHandler(PlatformDbContext db, ICurrentAccess access, TimeProvider clock)
    : IRequestHandler<UpdateEducationBase, Versioned<EducationBaseView>>
{
    /// <inheritdoc />
    public async Task<Versioned<EducationBaseView>> Handle(UpdateEducationBase request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RegistryWriters.EnsureRole(access, RegistryWriters.ProviderWriters, EducationBaseViews.What);
        var (valid, errors) = EducationBaseRules.Validate(request.Input, ProgramCalendar.Today(clock), designating: false);
        if (valid is null)
        {
            throw new RequestValidationException(errors);
        }

        var designation = await db.EducationBases.FirstOrDefaultAsync(b => b.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException(EducationBaseViews.What, request.Id);
        var read = Preconditions.Require(request.IfMatch, designation.ConcurrencyStamp);
        designation.Name = valid.Name;
        designation.Level = valid.Level;
        designation.DesignatedOn = valid.DesignatedOn;
        designation.Status = valid.Status;
        db.Entry(designation).Property(b => b.ConcurrencyStamp).OriginalValue = read;
        designation.ConcurrencyStamp = Guid.NewGuid();
        await RegistryWrites.SaveVersionAsync(db, cancellationToken).ConfigureAwait(false);
        return await EducationBaseViews.GetAsync(db, designation.Id, cancellationToken).ConfigureAwait(false);
    }
}
