using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.Web;

// The program feeds besides the projects: classes (scoped like /api/classes) and the annual plans' targets (city-level,
// no personal data). Readers: business roles and clients with feeds.credits, like the credit-hour and project feeds.

/// <summary><c>/odata/AnnualPlans</c>: the program office's yearly plans (<c>$expand=Targets</c>).</summary>
[RegistryReaders(FeedScopes.Credits)]
public sealed class AnnualPlansController(PlatformDbContext db) : ODataController
{
    /// <summary>Every plan.</summary>
    [ODataFeed]
    public IQueryable<AnnualPlan> Get() => db.AnnualPlans.AsNoTracking().IgnoreAutoIncludes();

    /// <summary>One plan by id.</summary>
    [ODataFeed]
    public SingleResult<AnnualPlan> Get(Guid key) => SingleResult.Create(db.AnnualPlans.AsNoTracking().IgnoreAutoIncludes().Where(p => p.Id == key));
}

/// <summary><c>/odata/PlanTargets</c>: every target of every plan, flat (year, kind, key, projects, trainees).</summary>
[RegistryReaders(FeedScopes.Credits)]
public sealed class PlanTargetsController(PlatformDbContext db) : ODataController
{
    /// <summary>Every target.</summary>
    [ODataFeed]
    public IQueryable<PlanTarget> Get() => db.PlanTargets.AsNoTracking();

    /// <summary>One target by id.</summary>
    [ODataFeed]
    public SingleResult<PlanTarget> Get(Guid key) => SingleResult.Create(db.PlanTargets.AsNoTracking().Where(t => t.Id == key));
}
