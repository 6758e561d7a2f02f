using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Supervision.Web;

/// <summary>
/// <c>Inspections</c> (read-only, the program office's): each drawn object of a plan — kind, object, organization, the
/// risk weighed, the day inspected, conclusion and summary — with its <c>Findings</c> (text, rectification, deadline,
/// closure day) expandable; never the inspectors (the expert pool holds personal data), evidence files or who recorded
/// anything. The public reads published results through <c>GET /api/public/inspection-results</c>, not this feed.
/// </summary>
internal sealed class InspectionsEdm : IEdmModelPart
{
    /// <inheritdoc />
    public int Order => 99;

    /// <inheritdoc />
    public void Build(ODataConventionModelBuilder builder)
    {
        var inspection = builder.EntitySet<Inspection>("Inspections").EntityType;
        inspection.HasKey(i => i.Id);
        inspection.Ignore(i => i.Inspectors);
        inspection.Ignore(i => i.RecordedByName);
        inspection.Ignore(i => i.ConcurrencyStamp);
        var finding = builder.EntityType<InspectionFinding>();
        finding.HasKey(f => f.Id);
        finding.Ignore(f => f.Evidence);
        finding.Ignore(f => f.ClosureNote);
        finding.Ignore(f => f.ClosedByName);
        finding.Ignore(f => f.RecordedByName);
        finding.Ignore(f => f.ConcurrencyStamp);
    }

    /// <inheritdoc />
    public void Describe(EdmDescriptions descriptions)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        descriptions.Set("Inspections", "双随机检查")
            .Properties(
                ("Inspection.PlanId", "检查计划标识"), ("Rank", "抽取顺序"), ("Inspection.Kind", "检查对象类型"), ("ObjectId", "检查对象标识"),
                ("ObjectName", "检查对象名称"), ("OrganizationName", "机构名称"), ("Risk", "风险分值"), ("InspectedOn", "检查日期"),
                ("Conclusion", "检查结论"), ("Inspection.Summary", "检查情况"), ("Findings", "发现的问题"), ("InspectionId", "检查标识"),
                ("Text", "问题描述"), ("Rectification", "整改状态"), ("DueOn", "整改期限"), ("ClosedOn", "整改完成日期"))
            .Enum<SupervisedObjectKind>(InspectionRules.KindName).Enum<InspectionConclusion>(c => InspectionRules.ConclusionName(c))
            .Enum<RectificationStatus>(InspectionRules.RectificationName)
            .Search("Inspections", "ObjectName", "OrganizationName")
            .Computed("Inspection.Rank", "Inspection.Risk");
    }
}

/// <summary><c>/odata/Inspections</c>: the double-random inspections with their findings, for the program office only.</summary>
[Authorize(Roles = PlatformRoles.ProgramOfficeAdmin)]
public sealed class InspectionsController(PlatformDbContext db) : ODataController
{
    /// <summary>Every inspection.</summary>
    [ODataFeed]
    public IQueryable<Inspection> Get() => db.Set<Inspection>().AsNoTracking();

    /// <summary>One inspection by id.</summary>
    [ODataFeed]
    public SingleResult<Inspection> Get(Guid key) => SingleResult.Create(db.Set<Inspection>().AsNoTracking().Where(i => i.Id == key));
}
