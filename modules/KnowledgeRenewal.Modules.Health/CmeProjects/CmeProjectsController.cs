using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Modules.Health.CmeProjects;

/// <summary><c>/odata/health/CmeProjects</c>: the CME projects feed for integrators.</summary>
public sealed class CmeProjectsController(HealthDbContext db) : ODataController
{
    /// <summary>All CME projects, queryable with the platform's OData limits.</summary>
    [ODataFeed]
    public IQueryable<CmeProject> Get() => db.CmeProjects.AsNoTracking();
}
