using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Sdk;
using MediatR;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Host.Overview;

/// <summary>What the landing page shows: the platform, its enabled modules and its headline numbers.</summary>
public sealed record GetPlatformOverview : IRequest<PlatformOverview>;

/// <summary>The landing page's content.</summary>
/// <param name="PlatformName">The platform's Chinese name.</param>
/// <param name="Modules">Enabled modules.</param>
/// <param name="Statistics">Headline numbers, in display order.</param>
public sealed record PlatformOverview(string PlatformName, IReadOnlyList<ModuleSummary> Modules, IReadOnlyList<StatisticValue> Statistics);

/// <summary>One headline number.</summary>
/// <param name="Label">Chinese label.</param>
/// <param name="Value">The count.</param>
/// <param name="Unit">Chinese unit word.</param>
public sealed record StatisticValue(string Label, long Value, string Unit);

/// <summary>Handles <see cref="GetPlatformOverview"/>.</summary>
public sealed class GetPlatformOverviewHandler(IMediator mediator, IEnumerable<IPlatformStatistic> statistics)
    : IRequestHandler<GetPlatformOverview, PlatformOverview>
{
    /// <summary>The platform's name (seed 四(二)).</summary>
    public const string PlatformName = "济宁市专业技术人员继续教育管理服务平台";

    /// <inheritdoc />
    public async Task<PlatformOverview> Handle(GetPlatformOverview request, CancellationToken cancellationToken)
    {
        var modules = await mediator.Send(new ListModules(IncludeDisabled: false), cancellationToken).ConfigureAwait(false);
        var values = new List<StatisticValue>();
        foreach (var statistic in statistics.OrderBy(s => s.Order))
        {
            values.Add(new StatisticValue(statistic.Label, await statistic.CountAsync(cancellationToken).ConfigureAwait(false), statistic.Unit));
        }

        return new PlatformOverview(PlatformName, modules, values);
    }
}
