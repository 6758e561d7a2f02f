using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Registry.UseCases.Providers;

/// <summary>Registers a training provider (program office only) under its region's county bureau or the program office.</summary>
/// <param name="Input">The submitted fields.</param>
internal sealed record CreateTrainingProvider(TrainingProviderInput Input) : IRequest<Versioned<TrainingProviderView>>;

/// <summary>Checks a new provider's fields with <see cref="TrainingProviderRules.Validate"/>.</summary>
internal sealed class CreateTrainingProviderValidator : AbstractValidator<CreateTrainingProvider>
{
    /// <summary>Creates the validator.</summary>
    public CreateTrainingProviderValidator() =>
        RuleFor(c => c).Custom((command, context) => RegistryValidation.Add(context, TrainingProviderRules.Validate(command.Input ?? new TrainingProviderInput(), registering: true).Errors));
}

/// <summary>Handles <see cref="CreateTrainingProvider"/> (<see cref="RegistryWriters.ProviderWriters"/>; the endpoint requires it too).</summary>
internal sealed class CreateTrainingProviderHandler(PlatformDbContext db, ICurrentAccess access, TimeProvider clock)
    : IRequestHandler<CreateTrainingProvider, Versioned<TrainingProviderView>>
{
    /// <inheritdoc />
    public async Task<Versioned<TrainingProviderView>> Handle(CreateTrainingProvider request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RegistryWriters.EnsureRole(access, RegistryWriters.ProviderWriters, TrainingProviderViews.What);
        var (valid, errors) = TrainingProviderRules.Validate(request.Input, registering: true);
        if (valid is null)
        {
            throw new RequestValidationException(errors);
        }

        var code = valid.CreditCode!.Value;
        await RegistryWrites.EnsureRegionAndSectorAsync(db, valid.RegionCode, valid.DepartmentCode, cancellationToken).ConfigureAwait(false);
        await RegistryWrites.EnsureCreditCodeFreeAsync(db, code, cancellationToken).ConfigureAwait(false);
        var provider = new TrainingProvider
        {
            Code = code.Value,
            Name = valid.Name,
            Kind = valid.Kind,
            RegionCode = valid.RegionCode,
            DepartmentCode = valid.DepartmentCode,
            ParentId = await RegistryWrites.ParentForAsync(db, valid.RegionCode, cancellationToken).ConfigureAwait(false),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.TrainingProviders.Add(provider);
        await RegistryWrites.SaveNewOrganizationAsync(db, code, cancellationToken).ConfigureAwait(false);
        return await TrainingProviderViews.GetAsync(db, provider.Id, cancellationToken).ConfigureAwait(false);
    }
}
