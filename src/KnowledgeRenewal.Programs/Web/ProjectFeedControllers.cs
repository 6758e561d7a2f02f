using KnowledgeRenewal.Kernel.Changes;
using Microsoft.AspNetCore.Mvc;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.Web;

// The program projects and their history, for business roles and clients granted the credits feed.

/// <summary><c>/odata/Projects</c>: program projects, read-only, cut by the caller's scope. Readers: business roles and clients with <c>feeds.credits</c>.</summary>
[RegistryReaders(FeedScopes.Credits)]
public sealed class ProjectsController(PlatformDbContext db) : ODataController
{
    /// <summary>The visible projects; with <c>Prefer: odata.track-changes</c> an <c>@odata.deltaLink</c>, and following it the changes since (ADR 0023).</summary>
    [ODataFeed]
    public Task<IActionResult> Get() => ChangeFeed.AnswerAsync(this, db, db.Projects.AsNoTracking(), "Projects");

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
