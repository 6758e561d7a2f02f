using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Filings;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Supervision.Web;

/// <summary>
/// <c>Filings</c> (read-only, scoped like the filing pages): each base's December 10 filing of a year — status, the
/// year's execution figures, next year's planned classes, subjects, target trainees and budget (in fen), when it was
/// first and last submitted, whether late, when decided and the return reason — never who submitted or decided it.
/// The concurrency stamp is left out.
/// </summary>
internal sealed class FilingsEdm : IEdmModelPart
{
    /// <inheritdoc />
    public int Order => 98;

    /// <inheritdoc />
    public void Build(ODataConventionModelBuilder builder)
    {
        var filing = builder.EntitySet<BaseFiling>("Filings").EntityType;
        filing.HasKey(f => f.Id);
        filing.Ignore(f => f.SubmittedByName);
        filing.Ignore(f => f.DecidedByName);
        filing.Ignore(f => f.ConcurrencyStamp);
    }
}

/// <summary><c>/odata/Filings</c>: bases' filings within the caller's scope (integrators with feeds.organizations).</summary>
[RegistryReaders(FeedScopes.Organizations)]
public sealed class FilingsController(PlatformDbContext db) : ODataController
{
    /// <summary>The visible filings.</summary>
    [ODataFeed]
    public IQueryable<BaseFiling> Get() => db.Set<BaseFiling>().AsNoTracking();

    /// <summary>One visible filing by id.</summary>
    [ODataFeed]
    public SingleResult<BaseFiling> Get(Guid key) => SingleResult.Create(db.Set<BaseFiling>().AsNoTracking().Where(f => f.Id == key));
}
