using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Kernel.Web;

// Reference data is public: anyone may read the departments and regions.

/// <summary><c>/odata/Departments</c>: the line departments.</summary>
[AllowAnonymous]
public sealed class DepartmentsController(PlatformDbContext db) : ODataController
{
    /// <summary>All departments.</summary>
    [ODataFeed]
    public IQueryable<Department> Get() => db.Departments.AsNoTracking();

    /// <summary>One department by code.</summary>
    [ODataFeed]
    public SingleResult<Department> Get(string key) => SingleResult.Create(db.Departments.AsNoTracking().Where(d => d.Code == key));
}

/// <summary><c>/odata/Regions</c>: the city, its counties and functional zones.</summary>
[AllowAnonymous]
public sealed class RegionsController(PlatformDbContext db) : ODataController
{
    /// <summary>All regions.</summary>
    [ODataFeed]
    public IQueryable<Region> Get() => db.Regions.AsNoTracking();

    /// <summary>One region by code.</summary>
    [ODataFeed]
    public SingleResult<Region> Get(string key) => SingleResult.Create(db.Regions.AsNoTracking().Where(r => r.Code == key));
}
