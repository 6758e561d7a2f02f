using KnowledgeRenewal.Kernel.Changes;
using Microsoft.AspNetCore.Mvc;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.Web;

// The registry's OData feeds. Query options run in the database; the data layer's access-scope filter decides
// which rows the caller sees — also through $expand, $apply and $batch; a record outside the scope answers 404.
// The entity model (PlatformEdmModel) leaves out the ID number's ciphertext and hash, the phone's ciphertext, the
// account link, the birth date and the concurrency stamps, so they cannot be selected, filtered or ordered on.

/// <summary><c>/odata/Professionals</c>: professionals, masked. Readers: business roles and clients with <c>feeds.registry</c>.</summary>
[RegistryReaders(FeedScopes.Registry)]
public sealed class ProfessionalsController(PlatformDbContext db) : ODataController
{
    /// <summary>The visible professionals; with <c>Prefer: odata.track-changes</c> an <c>@odata.deltaLink</c>, and following it the changes since (ADR 0023).</summary>
    [ODataFeed]
    public Task<IActionResult> Get() => ChangeFeed.AnswerAsync(this, db, db.Professionals.AsNoTracking(), "Professionals");

    /// <summary>One visible professional by id.</summary>
    [ODataFeed]
    public SingleResult<Professional> Get(Guid key) => SingleResult.Create(db.Professionals.AsNoTracking().Where(p => p.Id == key));
}

/// <summary><c>/odata/Employments</c>: employment history. Readers: business roles and clients with <c>feeds.registry</c>.</summary>
[RegistryReaders(FeedScopes.Registry)]
public sealed class EmploymentsController(PlatformDbContext db) : ODataController
{
    /// <summary>The visible employment periods.</summary>
    [ODataFeed]
    public IQueryable<Employment> Get() => db.Employments.AsNoTracking();

    /// <summary>One visible employment period by id.</summary>
    [ODataFeed]
    public SingleResult<Employment> Get(Guid key) => SingleResult.Create(db.Employments.AsNoTracking().Where(e => e.Id == key));
}

/// <summary><c>/odata/Employers</c>: employers. Readers: business roles and clients with <c>feeds.organizations</c>.</summary>
[RegistryReaders(FeedScopes.Organizations)]
public sealed class EmployersController(PlatformDbContext db) : ODataController
{
    /// <summary>The visible employers; with <c>Prefer: odata.track-changes</c> an <c>@odata.deltaLink</c>, and following it the changes since (ADR 0023).</summary>
    [ODataFeed]
    public Task<IActionResult> Get() => ChangeFeed.AnswerAsync(this, db, db.Employers.AsNoTracking(), "Employers");

    /// <summary>One visible employer by id.</summary>
    [ODataFeed]
    public SingleResult<Employer> Get(Guid key) => SingleResult.Create(db.Employers.AsNoTracking().Where(e => e.Id == key));
}

/// <summary><c>/odata/TrainingProviders</c>: training providers. Readers: business roles and clients with <c>feeds.organizations</c>.</summary>
[RegistryReaders(FeedScopes.Organizations)]
public sealed class TrainingProvidersController(PlatformDbContext db) : ODataController
{
    /// <summary>The visible providers.</summary>
    [ODataFeed]
    public IQueryable<TrainingProvider> Get() => db.TrainingProviders.AsNoTracking();

    /// <summary>One visible provider by id.</summary>
    [ODataFeed]
    public SingleResult<TrainingProvider> Get(Guid key) => SingleResult.Create(db.TrainingProviders.AsNoTracking().Where(p => p.Id == key));
}

/// <summary><c>/odata/EducationBases</c>: base designations. Readers: business roles and clients with <c>feeds.organizations</c>.</summary>
[RegistryReaders(FeedScopes.Organizations)]
public sealed class EducationBasesController(PlatformDbContext db) : ODataController
{
    /// <summary>The visible designations.</summary>
    [ODataFeed]
    public IQueryable<EducationBase> Get() => db.EducationBases.AsNoTracking();

    /// <summary>One visible designation by id.</summary>
    [ODataFeed]
    public SingleResult<EducationBase> Get(Guid key) => SingleResult.Create(db.EducationBases.AsNoTracking().Where(b => b.Id == key));
}
