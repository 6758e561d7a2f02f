using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.Web;

/// <summary><c>/odata/Courses</c>: the shared course catalog (every business user; integrators with the credits feed scope).</summary>
[RegistryReaders(FeedScopes.Credits)]
public sealed class CoursesController(PlatformDbContext db) : ODataController
{
    /// <summary>The courses.</summary>
    [ODataFeed]
    public IQueryable<Course> Get() => db.Courses.AsNoTracking();

    /// <summary>One course by id.</summary>
    [ODataFeed]
    public SingleResult<Course> Get(Guid key) => SingleResult.Create(db.Courses.AsNoTracking().Where(c => c.Id == key));
}
