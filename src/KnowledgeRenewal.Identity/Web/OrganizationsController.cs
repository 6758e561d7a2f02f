using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Identity.Web;

/// <summary>
/// <c>/odata/Organizations</c>: the organization tree. The data layer's access-scope filter decides which rows the
/// caller sees — also through <c>$expand=Parent</c>, <c>$apply</c> and <c>$batch</c>; an organization outside the
/// scope answers 404. Readers: see <see cref="OrganizationReadersAttribute"/> (integrators need <c>feeds.organizations</c>).
/// </summary>
[OrganizationReaders]
public sealed class OrganizationsController(PlatformDbContext db) : ODataController
{
    /// <summary>The visible organizations.</summary>
    [ODataFeed]
    public IQueryable<Organization> Get() => db.Organizations.AsNoTracking();

    /// <summary>One visible organization by id.</summary>
    [ODataFeed]
    public SingleResult<Organization> Get(Guid key) => SingleResult.Create(db.Organizations.AsNoTracking().Where(o => o.Id == key));
}
