using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Identity.Web;

/// <summary>
/// <c>/odata/audit/AuditRecords</c>: the audit log for audit administrators ($filter, $orderby, $apply, paging within
/// the platform's limits). The policy refuses everyone else; the data layer's access filter would show them nothing anyway.
/// </summary>
[Authorize(Policy = PlatformPolicies.AuditReading)]
public sealed class AuditRecordsController(PlatformDbContext db) : ODataController
{
    /// <summary>All audit records.</summary>
    [ODataFeed]
    public IQueryable<AuditRecord> Get() => db.AuditRecords.AsNoTracking();

    /// <summary>One audit record by sequence.</summary>
    [ODataFeed]
    public SingleResult<AuditRecord> Get(long key) => SingleResult.Create(db.AuditRecords.AsNoTracking().Where(r => r.Sequence == key));
}
