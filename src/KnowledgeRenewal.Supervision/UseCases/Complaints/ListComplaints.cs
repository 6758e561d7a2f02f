using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Contracts;
using KnowledgeRenewal.Supervision.Domain;
using MediatR;

namespace KnowledgeRenewal.Supervision.UseCases.Complaints;

/// <summary>The complaints within the caller's scope: overdue first (most days late), then by deadline; filters in the address.</summary>
/// <param name="Status">Received, Assigned, Referred or Resolved; none for all.</param>
/// <param name="Overdue">Only the open complaints past their deadline (escalated).</param>
/// <param name="Kind">Only complaints against Project, Class, Provider or Base.</param>
/// <param name="Page">1-based page.</param>
/// <param name="PageSize">Items per page (≤ 100).</param>
internal sealed record ListComplaints(ComplaintStatus? Status, bool Overdue, SupervisedObjectKind? Kind, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<Paged<ComplaintView>>;

/// <summary>Checks the page.</summary>
internal sealed class ListComplaintsValidator : AbstractValidator<ListComplaints>
{
    /// <summary>Creates the validator.</summary>
    public ListComplaintsValidator()
    {
        RuleFor(l => l.Page).ValidPage().OverridePropertyName("page");
        RuleFor(l => l.PageSize).ValidPageSize().OverridePropertyName("pageSize");
    }
}

/// <summary>Complaints matching the filters: open ones by deadline (earliest first, so the most overdue lead), then closed ones newest first.</summary>
internal sealed class ComplaintsMatching : Specification<Complaint>
{
    /// <summary>Creates the specification.</summary>
    public ComplaintsMatching(ComplaintStatus? status, bool overdueOn, DateOnly today, SupervisedObjectKind? kind)
    {
        Query.Where(c => c.Status == status, status is not null)
            .Where(c => (c.Status == ComplaintStatus.Received || c.Status == ComplaintStatus.Assigned) && c.DueOn < today, overdueOn)
            .Where(c => c.ObjectKind == kind, kind is not null)
            .OrderBy(c => c.DueOn == null).ThenBy(c => c.DueOn).ThenByDescending(c => c.FiledAt).ThenBy(c => c.Id)
            .AsNoTracking();
    }
}

/// <summary>Handles <see cref="ListComplaints"/>: counted and paged in the database, within the caller's scope.</summary>
internal sealed class ListComplaintsHandler(PlatformDbContext db, ComplaintStore store) : IRequestHandler<ListComplaints, Paged<ComplaintView>>
{
    /// <inheritdoc />
    public async Task<Paged<ComplaintView>> Handle(ListComplaints request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rows = await db.Complaints.ToPagedAsync(new ComplaintsMatching(request.Status, request.Overdue, store.Today, request.Kind), request.Page, request.PageSize, q => q, cancellationToken).ConfigureAwait(false);
        return new Paged<ComplaintView>(rows.Page, rows.PageSize, rows.Total, [.. rows.Items.Select(store.View)]);
    }
}
