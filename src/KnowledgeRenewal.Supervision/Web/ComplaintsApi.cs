using System.Threading.RateLimiting;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.UseCases.Complaints;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace KnowledgeRenewal.Supervision.Web;

/// <summary>
/// Complaints (投诉): filing and lookup by code under <c>/api/public/complaints</c> (no sign-in, rate-limited per client
/// address); handling under <c>/api/complaints</c> — the program office reads all and assigns or refers, county
/// bureaus and line departments read and resolve those assigned to them (404 outside the caller's scope). Changes
/// need the complaint's ETag in If-Match (428 without, 412 when stale); every write is audited by the data layer,
/// every unmasking of the filer's phone by the use case.
/// </summary>
internal static class ComplaintsApi
{
    private const string Tag = "投诉 (complaints)";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapComplaintsApi(this IEndpointRouteBuilder endpoints)
    {
        var open = endpoints.MapGroup("/api/public/complaints").WithTags(Tag).AllowAnonymous().RequireRateLimiting(ComplaintLimits.Policy);
        open.MapPost("", async ([FromBody] ComplaintInput? body, IMediator mediator, CancellationToken ct) =>
            {
                var receipt = await mediator.Send(new FileComplaint(body ?? ComplaintInput.Empty), ct).ConfigureAwait(false);
                return Results.Created($"/api/public/complaints/{Uri.EscapeDataString(receipt.Code)}", receipt);
            })
            .WithName("FileComplaint")
            .WithSummary("Public: anyone files a complaint against a project (number or title), class (title), provider or base (name): objectKind, objectReference, subject, content, contactName, contactPhone (kept private: stored encrypted, masked for everyone but entitled handlers). 201 with the lookup code and the day by which it is assigned; 400 supervision.complaint_object_unknown when the object is not found exactly once. Rate-limited per client address (Complaints:PublicRequestsPerMinute; 429 beyond).")
            .Produces<ComplaintReceipt>(StatusCodes.Status201Created);
        open.MapGet("/{code}", (string code, IMediator mediator, CancellationToken ct) => mediator.Send(new LookupComplaint(code), ct))
            .WithName("LookupComplaint")
            .WithSummary("Public: a complaint's state and public outcome by its lookup code (nothing else: no content, contact or assignee). 404 for an unknown code. Rate-limited like filing.")
            .Produces<PublicComplaintStatus>();

        var group = endpoints.MapGroup("/api/complaints").WithTags(Tag).RequireAuthorization(policy => policy.RequireRole(ComplaintAccess.Readers));
        group.MapGet("", (ComplaintStatus? status, bool? overdue, SupervisedObjectKind? kind, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListComplaints(status, overdue ?? false, kind, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct))
            .WithName("ListComplaints")
            .WithSummary("Complaints within the caller's scope, open ones by deadline (the most overdue first): filters status (Received/Assigned/Referred/Resolved), overdue=true (escalated: open and past the stage's deadline), kind (Project/Class/Provider/Base); paged. The filer's phone is masked.")
            .Produces<Paged<ComplaintView>>();
        group.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetComplaint(id), ct).ConfigureAwait(false)))
            .WithName("GetComplaint")
            .WithSummary("One complaint with its deadline, lateness and ETag; the filer's phone masked.")
            .Produces<ComplaintView>();
        group.MapPost("/{id:guid}/contact", ([FromBody] ContactBody? body, Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RevealComplaintContact(id, body?.Purpose), ct))
            .WithName("RevealComplaintContact")
            .WithSummary("The filer's full phone, for a handler holding the unmask permission, with a purpose (≥ 4 characters); every attempt audited (data.personal_viewed). 403 personal_data.unmask_forbidden without the permission.")
            .Produces<ComplaintContact>();
        group.MapPost("/{id:guid}/assign", async (Guid id, [FromBody] AssignComplaintBody? body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new AssignComplaint(id, ifMatch, body ?? AssignComplaintBody.Empty), ct).ConfigureAwait(false)))
            .WithName("AssignComplaint")
            .WithSummary("The program office assigns (or reassigns) an open complaint to a county bureau or line department: { organizationId, note }; the resolve deadline (Complaints:ResolveWithinWorkingDays working days) starts today. Needs If-Match. 403 for others; 409 supervision.complaint_closed; 400 supervision.complaint_assignee.")
            .Produces<ComplaintView>();
        group.MapPost("/{id:guid}/refer", async (Guid id, [FromBody] ReferComplaintBody? body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new ReferComplaint(id, ifMatch, body ?? ReferComplaintBody.Empty), ct).ConfigureAwait(false)))
            .WithName("ReferComplaint")
            .WithSummary("The program office refers a complaint not yet assigned to another authority: { authority, note } (the note is what the filer reads); closed here. Needs If-Match. 409 supervision.complaint_assigned / supervision.complaint_closed.")
            .Produces<ComplaintView>();
        group.MapPost("/{id:guid}/resolve", async (Guid id, [FromBody] ResolveComplaintBody? body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new ResolveComplaint(id, ifMatch, body ?? ResolveComplaintBody.Empty), ct).ConfigureAwait(false)))
            .WithName("ResolveComplaint")
            .WithSummary("The assignee (county bureau or line department) or the program office resolves an assigned complaint: { finding: Substantiated/PartlySubstantiated/NotSubstantiated, findingText, publicOutcome }; past the deadline it is still taken and the working days late are recorded (closedLateBy). Needs If-Match. 403 supervision.complaint_not_yours; 409 supervision.complaint_not_assigned / supervision.complaint_closed.")
            .Produces<ComplaintView>();
        group.MapGet("/assignees", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListComplaintAssignees(), ct))
            .WithName("ListComplaintAssignees")
            .WithSummary("The county bureaus and line departments a complaint can be assigned to.")
            .Produces<IReadOnlyList<ComplaintAssignee>>();
        return endpoints;
    }
}

/// <summary>The rate limit of the public complaint endpoints and pages: filings and code lookups per client address per minute (fixed window, no queue; 429 beyond).</summary>
internal static class ComplaintLimits
{
    /// <summary>The rate-limiter policy name.</summary>
    public const string Policy = "complaint-public";

    /// <summary>Adds the policy: POSTs and lookups with a code count; showing the empty forms costs nothing.</summary>
    public static void AddPolicy(RateLimiterOptions options, int perMinute)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method) || context.Request.Query.ContainsKey("code") || context.Request.Path.StartsWithSegments("/api/public/complaints")
            ? RateLimitPartition.GetFixedWindowLimiter(
                "complaint:" + (ClientAddress.Of(context) ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("read"));
    }
}
