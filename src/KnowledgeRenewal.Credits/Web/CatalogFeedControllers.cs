using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.Web;

// The catalog feeds are public reference data: anyone may read the modules and their subjects.

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
