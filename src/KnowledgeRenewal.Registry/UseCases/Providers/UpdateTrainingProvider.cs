using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.UseCases.Providers;

/// <summary>Changes a provider's name, kind, region and sector (never its credit code). Needs <c>If-Match</c>.</summary>
/// <param name="Id">The provider.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Input">The new values (a credit code in it is ignored).</param>
internal sealed record UpdateTrainingProvider(Guid Id, string? IfMatch, TrainingProviderInput Input) : IRequest<Versioned<TrainingProviderView>>;

/// <summary>Checks a provider change's fields with <see cref="TrainingProviderRules.Validate"/>.</summary>
internal sealed class UpdateTrainingProviderValidator : AbstractValidator<UpdateTrainingProvider>
{
    /// <summary>Creates the validator.</summary>
    public UpdateTrainingProviderValidator() =>
        RuleFor(c => c).Custom((command, context) => RegistryValidation.Add(context, TrainingProviderRules.Validate(command.Input ?? new TrainingProviderInput(), registering: false).Errors));
}

/// <summary>Handles <see cref="UpdateTrainingProvider"/> (<see cref="RegistryWriters.ProviderWriters"/>): a new region moves it under that region's bureau.</summary>
internal sealed class UpdateTrainingProviderHandler(PlatformDbContext db, ICurrentAccess access)
    : IRequestHandler<UpdateTrainingProvider, Versioned<TrainingProviderView>>
{
    /// <inheritdoc />
    public async Task<Versioned<TrainingProviderView>> Handle(UpdateTrainingProvider request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RegistryWriters.EnsureRole(access, RegistryWriters.ProviderWriters, TrainingProviderViews.What);
        var (valid, errors) = TrainingProviderRules.Validate(request.Input, registering: false);
        if (valid is null)
        {
            throw new RequestValidationException(errors);
        }

        var provider = await db.TrainingProviders.FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException(TrainingProviderViews.What, request.Id);
        var read = Preconditions.Require(request.IfMatch, provider.ConcurrencyStamp);
        await RegistryWrites.EnsureRegionAndSectorAsync(db, valid.RegionCode, valid.DepartmentCode, cancellationToken).ConfigureAwait(false);
        if (provider.RegionCode != valid.RegionCode)
        {
            provider.ParentId = await RegistryWrites.ParentForAsync(db, valid.RegionCode, cancellationToken).ConfigureAwait(false);
        }

        provider.Name = valid.Name;
        provider.Kind = valid.Kind;
        provider.RegionCode = valid.RegionCode;
        provider.DepartmentCode = valid.DepartmentCode;
        db.Entry(provider).Property(p => p.ConcurrencyStamp).OriginalValue = read;
        provider.ConcurrencyStamp = Guid.NewGuid();
        await RegistryWrites.SaveVersionAsync(db, cancellationToken).ConfigureAwait(false);
        return await TrainingProviderViews.GetAsync(db, provider.Id, cancellationToken).ConfigureAwait(false);
    }
}
