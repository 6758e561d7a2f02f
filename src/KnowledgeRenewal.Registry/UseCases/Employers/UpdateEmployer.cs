using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.UseCases.Employers;

/// <summary>Changes an employer's name, ownership and sector (never its credit code or region). Needs <c>If-Match</c>.</summary>
/// <param name="Id">The employer.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Details">The new values.</param>
internal sealed record UpdateEmployer(Guid Id, string? IfMatch, EmployerDetailsInput Details) : IRequest<Versioned<EmployerView>>;

/// <summary>Checks the fields with <see cref="EmployerRules.ValidateDetails"/>.</summary>
internal sealed class UpdateEmployerValidator : AbstractValidator<UpdateEmployer>
{
    /// <summary>Creates the validator.</summary>
    public UpdateEmployerValidator() =>
        RuleFor(c => c).Custom((command, context) => RegistryValidation.Add(context, EmployerRules.ValidateDetails(command.Details ?? new EmployerDetailsInput()).Errors));
}

/// <summary>Handles <see cref="UpdateEmployer"/>: the employer and its new sector within the caller's own scope.</summary>
internal sealed class UpdateEmployerHandler(PlatformDbContext db, ICurrentAccess access, IEnumerable<IEmployerOwnershipFollower> followers, IAuditActorProvider actors)
    : IRequestHandler<UpdateEmployer, Versioned<EmployerView>>
{
    /// <inheritdoc />
    public async Task<Versioned<EmployerView>> Handle(UpdateEmployer request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RegistryWriters.EnsureRole(access, RegistryWriters.EmployerWriters, EmployerViews.What);
        var (details, errors) = EmployerRules.ValidateDetails(request.Details);
        if (details is null)
        {
            throw new RequestValidationException(errors);
        }

        var employer = await db.Employers.FirstOrDefaultAsync(e => e.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException(EmployerViews.What, request.Id);
        RegistryWriters.EnsureInScope(access, employer.RegionCode, employer.DepartmentCode, null, "只能修改本地区或本行业的用人单位。");
        var read = Preconditions.Require(request.IfMatch, employer.ConcurrencyStamp);
        await RegistryWrites.EnsureRegionAndSectorAsync(db, employer.RegionCode, details.DepartmentCode, cancellationToken).ConfigureAwait(false);
        RegistryWriters.EnsureInScope(access, employer.RegionCode, details.DepartmentCode, null, "修改后的所属行业超出您的管理范围。");

        var ownershipChanged = employer.Ownership != details.Ownership;
        employer.Name = details.Name;
        employer.Ownership = details.Ownership;
        employer.DepartmentCode = details.DepartmentCode;
        db.Entry(employer).Property(e => e.ConcurrencyStamp).OriginalValue = read;
        employer.ConcurrencyStamp = Guid.NewGuid();
        if (ownershipChanged)
        {
            // The rows that carry the employer's ownership (compliance, ADR 0019) follow it in the same transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await RegistryWrites.SaveVersionAsync(db, cancellationToken).ConfigureAwait(false);
            var changed = new Dictionary<Guid, Ownership> { [employer.Id] = employer.Ownership };
            foreach (var follower in followers)
            {
                await follower.OwnershipChangedAsync(db, changed, actors.Current, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await RegistryWrites.SaveVersionAsync(db, cancellationToken).ConfigureAwait(false);
        }

        return await EmployerViews.GetAsync(db, employer.Id, cancellationToken).ConfigureAwait(false);
    }
}
