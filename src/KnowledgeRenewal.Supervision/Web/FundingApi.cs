using System.Globalization;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Funding;
using KnowledgeRenewal.Supervision.UseCases.Funding;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Supervision.Web;

/// <summary>
/// Project funding under <c>/api/supervision/funding</c>: readers see a project's budget against its spending per
/// category and source with every line's ring-fence flags (within the project's scope, 404 outside); the host's staff
/// or the program office record spending with a voucher; the program office approves the category budget and
/// explains flags; the program office (city-wide), counties and departments (their own) list flagged lines. Bases
/// declare fee standards (以支定收) which the program office approves (then public under <c>/api/public/fee-standards</c>)
/// or returns; employers record their training funds against payroll. Every write is audited by the data layer.
/// </summary>
internal static class FundingApi
{
    private const string Tag = "项目经费 (funding)";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapFundingApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/supervision/funding").WithTags(Tag).RequireAuthorization(p => p.RequireRole(FundingAccess.Readers));

        group.MapGet("/projects", (string? search, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListFundingProjects(search, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct))
            .WithName("ListFundingProjects")
            .WithSummary("Approved projects (until archived) within the caller's scope with their total budget, spending and open flags; search by number or title; paged.")
            .Produces<Paged<FundingProjectRow>>();

        group.MapGet("/projects/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetProjectFunding(id), ct))
            .WithName("GetProjectFunding")
            .WithSummary("A project's funding: budget against spending per category (approved by the program office) and per source (the application's budget lines), every spending line with its flags and reasons. 404 outside the caller's scope.")
            .Produces<ProjectFundingView>();

        group.MapPut("/projects/{id:guid}/category-budget", ([FromBody] CategoryBudgetBody? body, Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new SetCategoryBudget(id, body ?? new CategoryBudgetBody(null)), ct))
            .RequireAuthorization(p => p.RequireRole(FundingAccess.Office))
            .WithName("SetCategoryBudget")
            .WithSummary("The program office approves a project's budget by category: { items: [{ category: Teaching|Materials|Venue|Accommodation|Organization|Subsidy, amountFen }] } replaces the previous one (a category not named is not approved). 400 supervision.category_budget_over_total when the amounts exceed the project's total budget.")
            .Produces<ProjectFundingView>();

        group.MapPost("/projects/{id:guid}/spending", async (Guid id, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var (input, voucher) = await ReadSpendingAsync(http.Request, ct).ConfigureAwait(false);
                var line = await mediator.Send(new RecordSpending(id, input, voucher), ct).ConfigureAwait(false);
                return http.Created($"/api/supervision/funding/spending/{line.Value.Id:D}", line);
            })
            .RequireAuthorization(p => p.RequireRole(FundingAccess.Recorders))
            .WithName("RecordSpending")
            .WithSummary("The project's host staff (or the program office) record a spending line (multipart/form-data): category, source (Central|Provincial|Municipal|SelfRaised|Employer|Individual), amountFen, spentOn (yyyy-MM-dd, not in the future), payee, purpose, and the voucher file (field voucher: PDF/JPG/PNG ≤ 10 MB). The ring-fence check flags it (outside the approved categories, category/source/total over budget, after the project ended); the flags and their Chinese reasons stay with the line. 201; 403 supervision.spending_not_host; 409 supervision.spending_project_not_running; 400 supervision.invalid_evidence (the voucher not a PDF/JPG/PNG by its bytes, empty or over 10 MB; the error names the field voucher).")
            .Produces<SpendingLineView>(StatusCodes.Status201Created);

        group.MapGet("/spending/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetSpendingLine(id), ct).ConfigureAwait(false)))
            .WithName("GetSpendingLine")
            .WithSummary("One spending line with its flags, reasons, explanation and ETag. 404 outside the caller's scope.")
            .Produces<SpendingLineView>();

        group.MapGet("/spending/{id:guid}/voucher", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var file = await mediator.Send(new GetSpendingVoucher(id), ct).ConfigureAwait(false);
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .WithName("GetSpendingVoucher")
            .WithSummary("The line's voucher file (PDF, JPEG or PNG). 404 outside the caller's scope.");

        group.MapPost("/spending/{id:guid}/explanation", async (Guid id, [FromBody] ExplainSpendingBody? body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new ExplainSpendingFlag(id, ifMatch, body ?? new ExplainSpendingBody(null)), ct).ConfigureAwait(false)))
            .RequireAuthorization(p => p.RequireRole(FundingAccess.Office))
            .WithName("ExplainSpendingFlag")
            .WithSummary("The program office marks a flagged line as explained: { reason } (4–1000 characters); the flags stay, the explanation, who and when are added. Needs If-Match (428/412). 409 supervision.spending_not_flagged.")
            .Produces<SpendingLineView>();

        group.MapGet("/flags", (FlagState? state, SpendingIssues? flag, SpendingCategory? category, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListFlaggedSpending(state, flag, category, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct))
            .RequireAuthorization(p => p.RequireRole(FundingAccess.FlagReaders))
            .WithName("ListFlaggedSpending")
            .WithSummary("Flagged spending lines, newest first: the program office city-wide, counties and departments within their scope. Filters: state (Open, the default; Explained; All), flag (one of OutsideCategory, CategoryOverBudget, SourceOverBudget, TotalOverBudget, AfterProjectEnd), category; paged.")
            .Produces<Paged<SpendingLineView>>();

        group.MapGet("/fee-standards", (int? year, FeeStandardStatus? status, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListFeeStandards(year, status), ct))
            .RequireAuthorization(p => p.RequireRole(FeeAccess.FeeReaders))
            .WithName("ListFeeStandards")
            .WithSummary("Bases' fee standards of a year (default: this year) within the caller's scope — the program office all, a county its region's bases, a base's staff their own; filter status (Submitted|Approved|Returned). Waiting ones first.")
            .Produces<FeeStandardList>();

        group.MapPost("/fee-standards", async ([FromBody] FeeStandardInput? body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var (standard, created) = await mediator.Send(new DeclareFeeStandard(ifMatch, body ?? new FeeStandardInput()), ct).ConfigureAwait(false);
                return created ? http.Created($"/api/supervision/funding/fee-standards/{standard.Value.Id:D}", standard) : Results.Ok(http.WithETag(standard));
            })
            .RequireAuthorization(p => p.RequireRole(FeeAccess.Declarers))
            .WithName("DeclareFeeStandard")
            .WithSummary("A base's staff (a training provider whose organization is an active base) declare their base's fee standard (以支定收) — or the program office for any base (baseId): { year, kind: CapacityBuilding|DigitalEngineer, feeFen, teachingFen, materialsFen, venueFen, accommodationFen, organizationFen, otherFen (cost per trainee by item), note }. 400 supervision.fee_over_cost when the fee exceeds the sum of the items (the error names feeFen); 403 supervision.fee_not_a_base; 409 supervision.fee_standard_exists while one is waiting or approved. A returned one is declared again with If-Match (200).")
            .Produces<FeeStandardView>(StatusCodes.Status201Created);

        group.MapGet("/fee-standards/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetFeeStandard(id), ct).ConfigureAwait(false)))
            .RequireAuthorization(p => p.RequireRole(FeeAccess.FeeReaders))
            .WithName("GetFeeStandard")
            .WithSummary("One fee standard with its cost breakdown, state, reason and ETag. 404 outside the caller's scope.")
            .Produces<FeeStandardView>();

        group.MapPost("/fee-standards/{id:guid}/decision", async (Guid id, [FromBody] FeeDecisionBody? body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new DecideFeeStandard(id, ifMatch, body ?? new FeeDecisionBody(null, null)), ct).ConfigureAwait(false)))
            .RequireAuthorization(p => p.RequireRole(FundingAccess.Office))
            .WithName("DecideFeeStandard")
            .WithSummary("The program office approves a waiting fee standard ({ decision: Approve }; it becomes public on /fees) or returns it ({ decision: Return, reason }). Needs If-Match (428/412). 409 supervision.fee_standard_not_submitted.")
            .Produces<FeeStandardView>();

        group.MapGet("/training-funds", (int? year, bool? belowFloor, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListTrainingFunds(year, belowFloor, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct))
            .RequireAuthorization(p => p.RequireRole(FeeAccess.FundReaders))
            .WithName("ListTrainingFunds")
            .WithSummary("Employers' training funds (职工教育经费) per year within the caller's scope — the program office all, counties and departments theirs, an employer's HR its own: payroll, training spending, the ratio and whether it is below the floor (configuration Supervision:Funding:TrainingFundRatioFloor). Filters year, belowFloor; paged.")
            .Produces<TrainingFundList>();

        group.MapPut("/training-funds", async ([FromBody] TrainingFundInput? body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, CancellationToken ct) =>
            {
                var (fund, created) = await mediator.Send(new RecordTrainingFund(ifMatch, body ?? new TrainingFundInput()), ct).ConfigureAwait(false);
                return created ? Results.Created($"/api/supervision/funding/training-funds?year={fund.Year}", fund) : Results.Ok(fund);
            })
            .RequireAuthorization(p => p.RequireRole(FeeAccess.FundRecorders))
            .WithName("RecordTrainingFund")
            .WithSummary("An employer's HR (its own employer) or the program office (employerId) records a year's payroll total and training spending: { employerId, year, payrollFen, trainingSpentFen }. 201 the first time; a recorded year changes with If-Match (the line's eTag; 428/412). 403 supervision.training_fund_not_own_employer; 400 supervision.training_fund_not_an_employer.")
            .Produces<TrainingFundView>();

        endpoints.MapGet("/api/public/fee-standards", (int? year, IMediator mediator, CancellationToken ct) => mediator.Send(new ListPublicFeeStandards(year), ct))
            .WithTags(Tag)
            .AllowAnonymous()
            .RequireRateLimiting(InspectionsApi.PublicPolicy)
            .WithName("ListPublicFeeStandards")
            .WithSummary("Approved fee standards (收费标准公示), no sign-in, rate-limited: each base's fee and cost per trainee by item for a year (or the latest years); no names of people.")
            .Produces<IReadOnlyList<PublicFeeStandard>>();

        return endpoints;
    }

    /// <summary>Reads the spending form: 415 without multipart; a field that does not parse is left empty (the validator names it).</summary>
    internal static async Task<(SpendingInput Input, UseCases.Inspections.EvidenceUpload? Voucher)> ReadSpendingAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            throw new PlatformException("supervision.multipart_required", StatusCodes.Status415UnsupportedMediaType, "请以表单提交",
                "请以 multipart/form-data 提交：各字段为表单字段，支出凭证（PDF、JPG 或 PNG）放在字段 voucher 中。");
        }

        var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        string? Text(string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;
        var input = new SpendingInput
        {
            Category = Enum.TryParse<SpendingCategory>(Text("category"), ignoreCase: true, out var category) && Enum.IsDefined(category) ? category : null,
            Source = Enum.TryParse<FundingSource>(Text("source"), ignoreCase: true, out var source) && Enum.IsDefined(source) ? source : null,
            AmountFen = long.TryParse(Text("amountFen"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) ? amount : null,
            SpentOn = DateOnly.TryParseExact(Text("spentOn"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null,
            Payee = Text("payee"),
            Purpose = Text("purpose"),
        };
        var files = await EvidenceForm.FilesAsync(form.Files.GetFiles("voucher"), cancellationToken).ConfigureAwait(false);
        return (input, files.Count > 0 ? files[0] : null);
    }
}
