using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Contracts;
using KnowledgeRenewal.Supervision.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.Web;

/// <summary><c>/odata/Complaints</c>: complaints without contact data, read-only, cut by the caller's scope (the program office all, county bureaus and line departments those assigned to them).</summary>
[Authorize(Roles = PlatformRoles.ProgramOfficeAdmin + "," + PlatformRoles.CountyAdmin + "," + PlatformRoles.DepartmentAdmin)]
public sealed class ComplaintsController(PlatformDbContext db) : ODataController
{
    /// <summary>The visible complaints.</summary>
    [ODataFeed]
    public IQueryable<Complaint> Get() => db.Complaints.AsNoTracking();

    /// <summary>One visible complaint by id.</summary>
    [ODataFeed]
    public SingleResult<Complaint> Get(Guid key) => SingleResult.Create(db.Complaints.AsNoTracking().Where(c => c.Id == key));
}
