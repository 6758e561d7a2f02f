using KnowledgeRenewal.Core.Ledger;
using KnowledgeRenewal.Data;
using KnowledgeRenewal.Host.Registry;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Host.Rosters;

/// <summary><c>/odata/Classes</c>: training classes within the caller's scope.</summary>
[RegistryReaders(FeedScopes.Credits)]
public sealed class ClassesController(PlatformDbContext db) : ODataController
{
    /// <summary>The visible classes.</summary>
    [ODataFeed]
    public IQueryable<TrainingClass> Get() => db.TrainingClasses.AsNoTracking();

    /// <summary>One visible class by id.</summary>
    [ODataFeed]
    public SingleResult<TrainingClass> Get(Guid key) => SingleResult.Create(db.TrainingClasses.AsNoTracking().Where(c => c.Id == key));
}
