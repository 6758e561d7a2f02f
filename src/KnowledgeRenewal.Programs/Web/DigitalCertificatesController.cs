using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.Web;

// e.g. certificates by field, level, year and region:
// /odata/DigitalCertificates?$apply=groupby((Field,Level,Year,RegionCode),aggregate($count as Count))

/// <summary>
/// <c>/odata/DigitalCertificates</c>: digital-technology-engineer certificates, read-only, holders masked (no ID
/// number in the feed). Readers: business roles (each within their scope) and clients with <c>feeds.credits</c>.
/// </summary>
[RegistryReaders(FeedScopes.Credits)]
public sealed class DigitalCertificatesController(PlatformDbContext db) : ODataController
{
    /// <summary>The visible certificates.</summary>
    [ODataFeed]
    public IQueryable<DigitalCertificate> Get() => db.DigitalCertificates.AsNoTracking();

    /// <summary>One visible certificate by id.</summary>
    [ODataFeed]
    public SingleResult<DigitalCertificate> Get(Guid key) => SingleResult.Create(db.DigitalCertificates.AsNoTracking().Where(c => c.Id == key));
}
