using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Catalog;

/// <summary>
/// Every module this database has seen — enabled or not, loaded or not — with when it first and last started here
/// (the <c>InstalledModules</c> rows the catalog synchronizer writes at each start), by key. The system administrator's
/// module page shows these next to <see cref="Kernel.Modules.ListModules"/> (what this instance loaded).
/// </summary>
internal sealed record ListModuleStarts : IRequest<IReadOnlyList<ModuleStart>>;

/// <summary>A module as this database remembers it.</summary>
/// <param name="Key">The module's key.</param>
/// <param name="Name">Its Chinese name when it last started.</param>
/// <param name="Version">The version that last started.</param>
/// <param name="FirstStartedAt">First start on this database (UTC).</param>
/// <param name="LastStartedAt">Last start on this database (UTC).</param>
internal sealed record ModuleStart(string Key, string Name, string Version, DateTime FirstStartedAt, DateTime LastStartedAt);

/// <summary>Handles <see cref="ListModuleStarts"/> (switched-off modules included: their rows stay).</summary>
internal sealed class ListModuleStartsHandler(PlatformDbContext db) : IRequestHandler<ListModuleStarts, IReadOnlyList<ModuleStart>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ModuleStart>> Handle(ListModuleStarts request, CancellationToken cancellationToken) =>
        await db.Modules.IgnoreQueryFilters([PlatformDbContext.EnabledModulesFilter]).AsNoTracking()
            .OrderBy(m => m.Key)
            .Select(m => new ModuleStart(m.Key, m.NameZh, m.Version, m.FirstStartedAt, m.LastStartedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
}
