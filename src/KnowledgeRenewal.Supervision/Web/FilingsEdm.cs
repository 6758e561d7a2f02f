using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Filings;
using KnowledgeRenewal.Supervision.UseCases.Filings;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Supervision.Web;

/// <summary>
/// <c>Filings</c> (read-only, scoped like the filing pages): each base's December 10 filing of a year — status, the
/// year's execution figures, next year's planned classes, subjects, target trainees and budget (in fen), when it was
/// first and last submitted, whether late, when decided and the return reason — never who submitted or decided it.
/// The concurrency stamp is left out.
/// </summary>
internal sealed class FilingsEdm : IEdmModelPart
{
    /// <inheritdoc />
    public int Order => 98;

    /// <inheritdoc />
    public void Build(ODataConventionModelBuilder builder)
    {
        var filing = builder.EntitySet<BaseFiling>("Filings").EntityType;
        filing.HasKey(f => f.Id);
        filing.Ignore(f => f.SubmittedByName);
        filing.Ignore(f => f.DecidedByName);
        filing.Ignore(f => f.ConcurrencyStamp);
    }

    /// <inheritdoc />
    public void Describe(EdmDescriptions descriptions)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        descriptions.Set("Filings", "基地年度报送")
            .Properties(
                ("BaseFiling.Status", "报送状态"), ("Execution", "计划执行情况"), ("ClassesHeld", "已举办班次"), ("PeopleTrained", "已培训人数"),
                ("PlannedClasses", "下年度计划班次"), ("PlannedSubjects", "下年度计划科目"), ("TargetTrainees", "下年度目标人数"),
                ("BudgetFen", "下年度预算（分）"), ("FirstSubmittedAt", "首次报送时间"), ("FirstSubmittedOn", "首次报送日期"), ("Late", "是否逾期"),
                ("ReturnReason", "退回原因"))
            .Enum<BaseFilingStatus>(FilingDesk.StatusName)
            .Computed("BaseFiling.Late");
    }
}

/// <summary><c>/odata/Filings</c>: bases' filings within the caller's scope (integrators with feeds.organizations).</summary>
[RegistryReaders(FeedScopes.Organizations)]
public sealed class FilingsController(PlatformDbContext db) : ODataController
{
    /// <summary>The visible filings.</summary>
    [ODataFeed]
    public IQueryable<BaseFiling> Get() => db.Set<BaseFiling>().AsNoTracking();

    /// <summary>One visible filing by id.</summary>
    [ODataFeed]
    public SingleResult<BaseFiling> Get(Guid key) => SingleResult.Create(db.Set<BaseFiling>().AsNoTracking().Where(f => f.Id == key));
}
