using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Bases;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.Web;

/// <summary><c>/odata/BaseScorecards</c>: assessed scorecards (bases within the caller's scope; integrators with feeds.credits).</summary>
[RegistryReaders(FeedScopes.Credits)]
public sealed class BaseScorecardsController(PlatformDbContext db) : ODataController
{
    /// <summary>Every scorecard.</summary>
    [ODataFeed]
    public IQueryable<BaseAssessment> Get() => db.Set<BaseAssessment>().AsNoTracking();

    /// <summary>One by id.</summary>
    [ODataFeed]
    public SingleResult<BaseAssessment> Get(Guid key) => SingleResult.Create(db.Set<BaseAssessment>().AsNoTracking().Where(a => a.Id == key));
}

/// <summary><c>/odata/ClassEvaluations</c>: evaluation aggregates per class (classes within the caller's scope).</summary>
[RegistryReaders(FeedScopes.Credits)]
public sealed class ClassEvaluationsController(PlatformDbContext db) : ODataController
{
    /// <summary>Every class's aggregates.</summary>
    [ODataFeed]
    public IQueryable<ClassEvaluationSummary> Get() => db.Set<ClassEvaluationSummary>().AsNoTracking();

    /// <summary>One class's aggregates.</summary>
    [ODataFeed]
    public SingleResult<ClassEvaluationSummary> Get(Guid key) => SingleResult.Create(db.Set<ClassEvaluationSummary>().AsNoTracking().Where(s => s.ClassId == key));
}

/// <summary><c>/odata/BaseExchanges</c>: exchanges and cooperation between bases (those involving a base within the caller's scope).</summary>
[RegistryReaders(FeedScopes.Credits)]
public sealed class BaseExchangesController(PlatformDbContext db) : ODataController
{
    /// <summary>Every exchange.</summary>
    [ODataFeed]
    public IQueryable<BaseExchange> Get() => db.Set<BaseExchange>().AsNoTracking();

    /// <summary>One by id.</summary>
    [ODataFeed]
    public SingleResult<BaseExchange> Get(Guid key) => SingleResult.Create(db.Set<BaseExchange>().AsNoTracking().Where(e => e.Id == key));
}
