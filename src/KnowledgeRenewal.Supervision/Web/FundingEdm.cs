using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Supervision.Domain.Funding;
using KnowledgeRenewal.Supervision.UseCases.Funding;
using Microsoft.AspNetCore.Authorization;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Supervision.Web;

/// <summary>
/// <c>Spending</c> (read-only, scoped like projects): each spending line's project, category, source, amount, day,
/// ring-fence flags with their reasons (figures only) and whether they were explained — never the payee, the purpose,
/// the voucher's name or bytes, nor who recorded or explained it (free text and names of people). The concurrency
/// stamp is left out.
/// </summary>
internal sealed class FundingEdm : IEdmModelPart
{
    /// <inheritdoc />
    public int Order => 97;

    /// <inheritdoc />
    public void Build(ODataConventionModelBuilder builder)
    {
        var line = builder.EntitySet<SpendingLine>("Spending").EntityType;
        line.HasKey(l => l.Id);
        line.Ignore(l => l.Payee);
        line.Ignore(l => l.Purpose);
        line.Ignore(l => l.VoucherFileName);
        line.Ignore(l => l.VoucherContentType);
        line.Ignore(l => l.RecordedByName);
        line.Ignore(l => l.ExplainedByName);
        line.Ignore(l => l.Explanation);
        line.Ignore(l => l.OpenFlag);
        line.Ignore(l => l.ConcurrencyStamp);
    }
}

/// <summary><c>/odata/Spending</c>: projects' spending lines without payee or people's names, read-only, cut by the project's scope.</summary>
[Authorize(Roles = FundingAccess.ReaderRoles)]
public sealed class SpendingController(PlatformDbContext db) : ODataController
{
    /// <summary>The visible lines.</summary>
    [ODataFeed]
    public IQueryable<SpendingLine> Get() => db.Set<SpendingLine>().AsNoTracking();

    /// <summary>One visible line by id.</summary>
    [ODataFeed]
    public SingleResult<SpendingLine> Get(Guid key) => SingleResult.Create(db.Set<SpendingLine>().AsNoTracking().Where(l => l.Id == key));
}
