using System.Diagnostics;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Credits.Web;

/// <summary>
/// Compliance (达标) REST endpoints: a person's explained compliance and stored cycles, summaries of people, bulk
/// recomputation jobs and what-if runs of draft rules.
/// </summary>
internal static class ComplianceApi
{
    private const string Tag = "达标 (compliance)";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapComplianceApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var people = endpoints.MapGroup("/api/professionals/{id:guid}/compliance").WithTags(Tag)
            .RequireAuthorization(policy => policy.RequireRole(ComplianceAccess.PersonReaders));

        people.MapGet("/", (Guid id, int? year, IMediator mediator, CancellationToken ct) => mediator.Send(new ExplainCompliance(id, year), ct))
            .WithName("ExplainCompliance")
            .WithSummary("The person's compliance with the cycle containing `year` (default: this year, China time), evaluated now from every record of the cycle: status, the rule set applied (title, basis, unit, requirements, activities), counted/required in hours and in the unit, per category and credit class, what is missing (e.g. 专业科目还差 6 学时), and each record (date, title, hours, status) with its verdict — counted, capped or excluded — and why; plus the stored row. 404 when the caller may not see the person.")
            .Produces<ComplianceExplanation>();

        people.MapGet("/cycles", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ListComplianceCycles(id), ct))
            .WithName("ListComplianceCycles")
            .WithSummary("Every cycle stored for the person (from the compliance table), oldest first.")
            .Produces<IReadOnlyList<ComplianceCycleView>>();

        var compliance = endpoints.MapGroup("/api/compliance").WithTags(Tag);

        compliance.MapGet("/summary", (int? year, string? groupBy, IMediator mediator, CancellationToken ct) => mediator.Send(new GetComplianceSummary(year, groupBy), ct))
            .RequireAuthorization(policy => policy.RequireRole(ComplianceAccess.SummaryReaders))
            .WithName("ComplianceSummary")
            .WithSummary("Counts per status, people, counted hours and the share met of the caller's people (a county its region, a department its sector, an employer its staff) for the cycle containing `year`, grouped by `groupBy` = region (default), department, employer or ownership (公有制/非公有制 of the employer recorded on each row, stored with it: as OData's `Compliance?$apply=groupby((EmployerOwnership,Status),…)`, the groups add up to the total for every caller) — from the compliance table.")
            .Produces<ComplianceSummaryView>();

        compliance.MapGet("/people", (int? year, string? status, int? page, int? pageSize, Guid? employerId, string? department, string? region, string? sort, string? dir, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListStaffCompliance(year, status, page ?? 1, pageSize ?? Kernel.Application.Paging.DefaultPageSize, employerId, department, region, sort, IsDescending(dir)), ct))
            .RequireAuthorization(policy => policy.RequireRole(ComplianceAccess.SummaryReaders))
            .WithName("ListPeopleCompliance")
            .WithSummary("The caller's people (a county its region, a department its sector, an employer its staff) with their compliance for the cycle containing `year`: status, counted and required hours, what is missing — from the compliance table the summary counts; `status` = Met, NotMet, InProgress or NoRules (or 达标, 未达标, 进行中, 无适用规则); `employerId` (one employer — 404 for an employer the caller may not see, as the registry answers), `department` (a sector's code), `region` (a region code) narrow them further; `sort` = status (worst first, the default), name, shortfall or counted, `dir` = asc or desc; pageSize ≤ 100.")
            .Produces<Kernel.Application.Paged<StaffComplianceRow>>();

        compliance.MapGet("/people/export", async (int? year, string? status, Guid? employerId, string? department, string? region, string? sort, string? dir, IMediator mediator, CancellationToken ct) =>
            {
                var file = await mediator.Send(new ExportStaffCompliance(year, status, employerId, department, region, sort, IsDescending(dir)), ct).ConfigureAwait(false);
                return Results.File(file.Content, Registry.Contracts.ImportWorkbooks.XlsxContentType, file.FileName);
            })
            .RequireAuthorization(policy => policy.RequireRole(ComplianceAccess.SummaryReaders))
            .WithName("ExportPeopleCompliance")
            .WithSummary("The same rows as `/api/compliance/people` (every page) as xlsx, ID numbers masked; audited (data.exported).");

        compliance.MapPost("/recompute", async (int? year, string? module, IMediator mediator, CancellationToken ct) =>
            {
                var (job, created) = await mediator.Send(new StartRecompute(year, module), ct).ConfigureAwait(false);
                var location = $"/api/compliance/recompute/{job.Id:D}";
                return created ? Results.Accepted(location, job) : Results.Ok(job);
            })
            .RequireAuthorization(PlatformPolicies.ProgramOffice)
            .WithName("StartComplianceRecompute")
            .WithSummary("Recomputes compliance in bulk for the cycle containing `year` (default: this year) for everyone, or for `module` (a module key, or `platform` for the default rules) — as a background job: 202 + Location; 200 with the running job when one for the same year and scope is still queued or running. Program office only.")
            .Produces<RecomputeJobView>(StatusCodes.Status202Accepted);

        compliance.MapGet("/recompute", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetRecomputeJobs(), ct))
            .RequireAuthorization(PlatformPolicies.ProgramOffice)
            .WithName("ListComplianceRecomputes")
            .WithSummary("The recomputation jobs (stored: every queued or running one and the newest 50 finished ones), newest first.")
            .Produces<IReadOnlyList<RecomputeJobView>>();

        compliance.MapGet("/recompute/{id:guid}", GetJobAsync)
            .RequireAuthorization(PlatformPolicies.ProgramOffice)
            .WithName("GetComplianceRecompute")
            .WithSummary("A recomputation job: status, progress (processed of total person-cycles), counts, attempts (more than one: resumed from the start after a restart), the failure reason in Chinese. `wait` (seconds, at most 60) waits for it to end.")
            .Produces<RecomputeJobView>();

        compliance.MapPost("/what-if", (WhatIfBody body, IMediator mediator, CancellationToken ct) => mediator.Send(new RunWhatIf(body), ct))
            .RequireAuthorization(policy => policy.RequireRole(ComplianceAccess.WhatIfRunners))
            .WithName("ComplianceWhatIf")
            .WithSummary("Runs a draft rule set (`ruleSet`, shaped like a module's CreditRuleSet) over a past `year` for the people of `scope` (platform or a module key) and reports people evaluated, newly met, newly not met, statuses before and after and a masked sample of changes (`sample`, default 20). Nothing is written. The draft is checked first (400 with each field named, in Chinese). Program office: any scope; department administrators: their own module.")
            .Produces<WhatIfResult>();

        return endpoints;
    }

    private static bool IsDescending(string? direction) => string.Equals(direction?.Trim(), "desc", StringComparison.OrdinalIgnoreCase);

    // Answers at once, or (wait > 0) when the job ends or the wait is over: re-read when a job changes on this instance,
    // at least every second (a job run by another instance changes only in the database).
    private static async Task<IResult> GetJobAsync(Guid id, int? wait, IMediator mediator, RecomputeJobs jobs, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Math.Clamp(wait ?? 0, 0, 60) * (double)Stopwatch.Frequency);
        while (true)
        {
            var changed = jobs.Changed;
            var job = (await mediator.Send(new GetRecomputeJobs(id), ct).ConfigureAwait(false))[0];
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (!job.IsActive || left <= TimeSpan.Zero)
            {
                return Results.Ok(job);
            }

            await Task.WhenAny(changed, Task.Delay(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), ct)).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
        }
    }
}
