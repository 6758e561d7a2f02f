using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Complaints;

/// <summary>Who a complaint can be assigned to: the active county bureaus, then the line departments, by code.</summary>
internal sealed record ListComplaintAssignees : IRequest<IReadOnlyList<ComplaintAssignee>>;

/// <summary>A possible assignee.</summary>
/// <param name="Id">The organization.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">县市区 or 行业主管部门.</param>
public sealed record ComplaintAssignee(Guid Id, string Name, string Kind);

/// <summary>Handles <see cref="ListComplaintAssignees"/> (reference data of the organization tree).</summary>
internal sealed class ListComplaintAssigneesHandler(PlatformDbContext db) : IRequestHandler<ListComplaintAssignees, IReadOnlyList<ComplaintAssignee>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ComplaintAssignee>> Handle(ListComplaintAssignees request, CancellationToken cancellationToken)
    {
        var rows = await db.Organizations.AsNoTracking()
            .Where(o => o.IsActive && (o.Type == OrganizationType.CountyBureau || (o.Type == OrganizationType.LineDepartment && o.DepartmentCode != null)))
            .Select(o => new { o.Id, o.Name, o.Type, o.Code }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderBy(o => o.Type).ThenBy(o => o.Code, StringComparer.Ordinal)
            .Select(o => new ComplaintAssignee(o.Id, o.Name, o.Type == OrganizationType.CountyBureau ? "县市区" : "行业主管部门"))];
    }
}
