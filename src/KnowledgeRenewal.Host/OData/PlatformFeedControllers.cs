using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Kernel.Access;

namespace KnowledgeRenewal.Host.OData;

// The catalog feeds are public reference data (anyone may read the catalogs and departments); every other feed needs a caller.

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

/// <summary><c>/odata/Modules</c>: the enabled department modules.</summary>
[AllowAnonymous]
public sealed class ModulesController(PlatformDbContext db) : ODataController
{
    /// <summary>All enabled modules.</summary>
    [ODataFeed]
    public IQueryable<InstalledModule> Get() => db.Modules.AsNoTracking();

    /// <summary>One enabled module by key.</summary>
    [ODataFeed]
    public SingleResult<InstalledModule> Get(string key) => SingleResult.Create(db.Modules.AsNoTracking().Where(m => m.Key == key));
}

/// <summary><c>/odata/Subjects</c>: public subjects and the enabled modules' professional subjects.</summary>
[AllowAnonymous]
public sealed class SubjectsController(PlatformDbContext db) : ODataController
{
    /// <summary>All visible subjects.</summary>
    [ODataFeed]
    public IQueryable<Subject> Get() => db.Subjects.AsNoTracking();

    /// <summary>One subject by key (<c>{scope}:{code}</c>).</summary>
    [ODataFeed]
    public SingleResult<Subject> Get(string key) => SingleResult.Create(db.Subjects.AsNoTracking().Where(s => s.Id == key));
}

/// <summary><c>/odata/Projects</c>: program projects, read-only, cut by the caller's scope. Readers: business roles and clients with <c>feeds.credits</c>.</summary>
[RegistryReaders(FeedScopes.Credits)]
public sealed class ProjectsController(PlatformDbContext db) : ODataController
{
    /// <summary>The visible projects.</summary>
    [ODataFeed]
    public IQueryable<Project> Get() => db.Projects.AsNoTracking();

    /// <summary>One visible project by id.</summary>
    [ODataFeed]
    public SingleResult<Project> Get(Guid key) => SingleResult.Create(db.Projects.AsNoTracking().Where(p => p.Id == key));
}

/// <summary><c>/odata/ProjectTransitions</c>: the applications history (every workflow step of the visible projects), read-only.</summary>
[RegistryReaders(FeedScopes.Credits)]
public sealed class ProjectTransitionsController(PlatformDbContext db) : ODataController
{
    /// <summary>The visible steps.</summary>
    [ODataFeed]
    public IQueryable<ProjectTransition> Get() => db.ProjectTransitions.AsNoTracking();

    /// <summary>One visible step by id.</summary>
    [ODataFeed]
    public SingleResult<ProjectTransition> Get(Guid key) => SingleResult.Create(db.ProjectTransitions.AsNoTracking().Where(t => t.Id == key));
}
