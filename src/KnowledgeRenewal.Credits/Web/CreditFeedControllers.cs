using KnowledgeRenewal.Kernel.Changes;
using Microsoft.AspNetCore.Mvc;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.Web;

// The credit-hour OData feeds (e.g. hours by region, category and year:
// /odata/CreditRecords?$apply=filter(Status eq 'Approved')/groupby((RegionCode,Category,CreditYear),aggregate(Hours with sum as Hours))).
// The data layer's scope filter decides the rows — a person's records follow the person; providers see their classes'.

/// <summary><c>/odata/CreditRecords</c>: the ledger. Readers: business roles and clients with <c>feeds.credits</c>.</summary>
[RegistryReaders(FeedScopes.Credits)]
public sealed class CreditRecordsController(PlatformDbContext db) : ODataController
{
    /// <summary>The visible records; with <c>Prefer: odata.track-changes</c> an <c>@odata.deltaLink</c>, and following it the changes since (ADR 0023).</summary>
    [ODataFeed]
    public Task<IActionResult> Get() => ChangeFeed.AnswerAsync(this, db, db.CreditRecords.AsNoTracking(), "CreditRecords");

    /// <summary>One visible record by id.</summary>
    [ODataFeed]
    public SingleResult<CreditRecord> Get(Guid key) => SingleResult.Create(db.CreditRecords.AsNoTracking().Where(r => r.Id == key));
}

/// <summary><c>/odata/Compliance</c>: compliance per person and cycle. Readers: business roles and clients with <c>feeds.credits</c>.</summary>
[RegistryReaders(FeedScopes.Credits)]
public sealed class ComplianceController(PlatformDbContext db) : ODataController
{
    /// <summary>The visible compliance rows; with <c>Prefer: odata.track-changes</c> an <c>@odata.deltaLink</c>, and following it the changes since (ADR 0023).</summary>
    [ODataFeed]
    public Task<IActionResult> Get() => ChangeFeed.AnswerAsync(this, db, db.Compliance.AsNoTracking(), "Compliance");

    /// <summary>One visible row by id.</summary>
    [ODataFeed]
    public SingleResult<CycleCompliance> Get(Guid key) => SingleResult.Create(db.Compliance.AsNoTracking().Where(c => c.Id == key));
}

/// <summary><c>/odata/Certificates</c>: certificate metadata (never the verification code or content). Readers: business roles and clients with <c>feeds.credits</c>.</summary>
[RegistryReaders(FeedScopes.Credits)]
public sealed class CertificatesController(PlatformDbContext db) : ODataController
{
    /// <summary>The visible certificates; with <c>Prefer: odata.track-changes</c> an <c>@odata.deltaLink</c>, and following it the changes since (ADR 0023).</summary>
    [ODataFeed]
    public Task<IActionResult> Get() => ChangeFeed.AnswerAsync(this, db, db.CreditCertificates.AsNoTracking(), "Certificates");

    /// <summary>One visible certificate by id.</summary>
    [ODataFeed]
    public SingleResult<CreditCertificate> Get(Guid key) => SingleResult.Create(db.CreditCertificates.AsNoTracking().Where(c => c.Id == key));
}
