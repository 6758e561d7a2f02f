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
/// stamp is left out. <c>FeeStandards</c> and <c>TrainingFunds</c> (read-only, scoped like their pages) leave out
/// notes, reasons and people's names.
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

        var fee = builder.EntitySet<FeeStandard>("FeeStandards").EntityType;
        fee.HasKey(f => f.Id);
        fee.Ignore(f => f.Note);
        fee.Ignore(f => f.ReturnReason);
        fee.Ignore(f => f.SubmittedByName);
        fee.Ignore(f => f.DecidedByName);
        fee.Ignore(f => f.ConcurrencyStamp);

        var fund = builder.EntitySet<EmployerTrainingFund>("TrainingFunds").EntityType;
        fund.HasKey(f => f.Id);
        fund.Ignore(f => f.RecordedByName);
        fund.Ignore(f => f.ConcurrencyStamp);
    }

    /// <inheritdoc />
    public void Describe(EdmDescriptions descriptions)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        descriptions.Set("Spending", "项目经费支出").Set("FeeStandards", "收费标准").Set("TrainingFunds", "职工教育经费")
            .Properties(
                ("SpendingLine.Category", "支出科目"), ("SpendingLine.Source", "经费来源"), ("AmountFen", "金额（分）"), ("SpentOn", "支出日期"),
                ("VoucherSize", "凭证文件大小（字节）"), ("Flags", "预警标记"), ("FlagReasons", "预警原因"), ("RecordedByOrganizationId", "记录单位标识"),
                ("BaseName", "基地名称"), ("FeeStandard.Kind", "培训类别"), ("FeeFen", "每人收费（分）"), ("TeachingFen", "师资费（分）"),
                ("MaterialsFen", "资料费（分）"), ("VenueFen", "场地费（分）"), ("AccommodationFen", "食宿费（分）"), ("OrganizationFen", "组织费（分）"),
                ("OtherFen", "其他（分）"), ("CostFen", "每人成本合计（分）"), ("FeeStandard.Status", "审核状态"),
                ("PayrollFen", "工资总额（分）"), ("TrainingSpentFen", "教育培训支出（分）"))
            .Enum<SpendingCategory>(FundingLabels.Category).Enum<FundingSource>(FundingLabels.Source)
            .Enum<SpendingIssues>(flag => flag == SpendingIssues.None ? "无预警" : FundingLabels.Flag(flag))
            .Enum<FeeTrainingKind>(FeeRules.KindName).Enum<FeeStandardStatus>(FeeRules.StatusName)
            .Search("FeeStandards", "BaseName")
            .Computed("SpendingLine.Flags", "SpendingLine.FlagReasons", "FeeStandard.CostFen");
    }
}

/// <summary><c>/odata/FeeStandards</c>: bases' fee standards with their cost breakdown and state, without people's names or free text, read-only, cut by scope (the approved ones are public through <c>/api/public/fee-standards</c>).</summary>
[Authorize(Roles = FeeAccess.FeeReaderRoles)]
public sealed class FeeStandardsController(PlatformDbContext db) : ODataController
{
    /// <summary>The visible standards.</summary>
    [ODataFeed]
    public IQueryable<FeeStandard> Get() => db.Set<FeeStandard>().AsNoTracking();

    /// <summary>One visible standard by id.</summary>
    [ODataFeed]
    public SingleResult<FeeStandard> Get(Guid key) => SingleResult.Create(db.Set<FeeStandard>().AsNoTracking().Where(f => f.Id == key));
}

/// <summary><c>/odata/TrainingFunds</c>: employers' payroll and training spending per year, read-only, cut by the employer's scope.</summary>
[Authorize(Roles = FeeAccess.FundReaderRoles)]
public sealed class TrainingFundsController(PlatformDbContext db) : ODataController
{
    /// <summary>The visible lines.</summary>
    [ODataFeed]
    public IQueryable<EmployerTrainingFund> Get() => db.Set<EmployerTrainingFund>().AsNoTracking();

    /// <summary>One visible line by id.</summary>
    [ODataFeed]
    public SingleResult<EmployerTrainingFund> Get(Guid key) => SingleResult.Create(db.Set<EmployerTrainingFund>().AsNoTracking().Where(f => f.Id == key));
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
