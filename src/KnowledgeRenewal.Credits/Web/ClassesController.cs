using KnowledgeRenewal.Kernel.Changes;
using Microsoft.AspNetCore.Mvc;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.UseCases.Classes;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.Web;

/// <summary><c>/odata/Classes</c>: training classes within the caller's scope.</summary>
[RegistryReaders(FeedScopes.Credits)]
public sealed class ClassesController(PlatformDbContext db) : ODataController
{
    /// <summary>The visible classes; with <c>Prefer: odata.track-changes</c> an <c>@odata.deltaLink</c>, and following it the changes since (ADR 0023).</summary>
    [ODataFeed]
    public Task<IActionResult> Get() => ChangeFeed.AnswerAsync(this, db, db.TrainingClasses.AsNoTracking(), "Classes");

    /// <summary>One visible class by id.</summary>
    [ODataFeed]
    public SingleResult<TrainingClass> Get(Guid key) => SingleResult.Create(db.TrainingClasses.AsNoTracking().Where(c => c.Id == key));
}
