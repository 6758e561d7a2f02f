using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Compliance;

/// <summary>Every stored cycle of a professional, oldest first (404 when the caller may not see the person).</summary>
/// <param name="ProfessionalId">The professional.</param>
internal sealed record ListComplianceCycles(Guid ProfessionalId) : IRequest<IReadOnlyList<ComplianceCycleView>>;

/// <summary>Handles <see cref="ListComplianceCycles"/>.</summary>
internal sealed class ListComplianceCyclesHandler(PlatformDbContext db, TypeAdapterConfig mapping) : IRequestHandler<ListComplianceCycles, IReadOnlyList<ComplianceCycleView>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ComplianceCycleView>> Handle(ListComplianceCycles request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.Professionals.AnyAsync(p => p.Id == request.ProfessionalId, cancellationToken).ConfigureAwait(false))
        {
            throw Professional.NotFound(request.ProfessionalId);
        }

        var rows = await db.Compliance.AsNoTracking()
            .Where(c => c.ProfessionalId == request.ProfessionalId)
            .OrderBy(c => c.CycleStart)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return rows.Adapt<List<ComplianceCycleView>>(mapping);
    }
}

/// <summary>Mapster mapping of stored compliance rows to their view.</summary>
internal sealed class ComplianceMappings : IRegister
{
    /// <inheritdoc />
    public void Register(TypeAdapterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.NewConfig<CycleCompliance, ComplianceCycleView>()
            .MapWith(c => new ComplianceCycleView(
                c.CycleStart,
                c.CycleEnd,
                new CycleWindow(c.CycleStart, c.CycleEnd - c.CycleStart + 1).ToString(),
                c.RuleScope,
                c.RuleSetTitle,
                c.Status,
                ComplianceLabels.Status(c.Status),
                c.Counted.Hours,
                c.Required.Hours,
                c.PublicCounted.Hours,
                c.ProfessionalCounted.Hours,
                c.Missing == null ? Array.Empty<string>() : c.Missing.Split(ComplianceRow.MissingSeparator, StringSplitOptions.RemoveEmptyEntries),
                c.ComputedAt));
    }
}
