using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Registry.UseCases.Employers;

/// <summary>
/// Registers an employer under its region's county bureau (the program office for city-level employers). The
/// credit code must be new among all organizations (409); a county administrator registers in its region, a
/// department administrator in its sector.
/// </summary>
/// <param name="Input">The submitted fields.</param>
internal sealed record CreateEmployer(EmployerInput Input) : IRequest<Versioned<EmployerView>>;

/// <summary>Checks the fields with <see cref="EmployerRules.Validate"/> — the rules the bulk import uses too.</summary>
internal sealed class CreateEmployerValidator : AbstractValidator<CreateEmployer>
{
    /// <summary>Creates the validator.</summary>
    public CreateEmployerValidator() =>
        RuleFor(c => c).Custom((command, context) => RegistryValidation.Add(context, EmployerRules.Validate(command.Input ?? new EmployerInput()).Errors));
}

/// <summary>Handles <see cref="CreateEmployer"/> (<see cref="RegistryWriters.EmployerWriters"/>, within their own scope).</summary>
internal sealed class CreateEmployerHandler(PlatformDbContext db, ICurrentAccess access, TimeProvider clock) : IRequestHandler<CreateEmployer, Versioned<EmployerView>>
{
    /// <inheritdoc />
    public async Task<Versioned<EmployerView>> Handle(CreateEmployer request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RegistryWriters.EnsureRole(access, RegistryWriters.EmployerWriters, EmployerViews.What);
        var (valid, errors) = EmployerRules.Validate(request.Input);
        if (valid is null)
        {
            throw new RequestValidationException(errors);
        }

        await RegistryWrites.EnsureRegionAndSectorAsync(db, valid.RegionCode, valid.DepartmentCode, cancellationToken).ConfigureAwait(false);
        RegistryWriters.EnsureInScope(access, valid.RegionCode, valid.DepartmentCode, null, "县（市、区）管理员只能登记本地区的用人单位，行业主管部门管理员只能登记本行业的用人单位。");
        await RegistryWrites.EnsureCreditCodeFreeAsync(db, valid.CreditCode, cancellationToken).ConfigureAwait(false);

        var employer = new Employer
        {
            Code = valid.CreditCode.Value,
            Name = valid.Name,
            Ownership = valid.Ownership,
            RegionCode = valid.RegionCode,
            DepartmentCode = valid.DepartmentCode,
            ParentId = await RegistryWrites.ParentForAsync(db, valid.RegionCode, cancellationToken).ConfigureAwait(false),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Employers.Add(employer);
        await RegistryWrites.SaveNewOrganizationAsync(db, valid.CreditCode, cancellationToken).ConfigureAwait(false);
        return await EmployerViews.GetAsync(db, employer.Id, cancellationToken).ConfigureAwait(false);
    }
}
