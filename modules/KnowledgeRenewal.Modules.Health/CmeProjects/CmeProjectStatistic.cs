using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Modules.Health.CmeProjects;

/// <summary>The landing page's count of registered CME projects.</summary>
public sealed class CmeProjectStatistic(HealthDbContext db) : IPlatformStatistic
{
    public string Label => "继续医学教育项目（卫生健康）";

    public string Unit => "项";

    public int Order => 100;

    public async Task<long> CountAsync(CancellationToken cancellationToken) =>
        await db.CmeProjects.LongCountAsync(cancellationToken).ConfigureAwait(false);
}
