namespace KnowledgeRenewal.Supervision.Domain.Inspections;

/// <summary>One earlier piece of work of an expert: the organization whose object the expert reviewed or inspected, and when.</summary>
/// <param name="OrganizationId">The organization of the object reviewed or inspected.</param>
/// <param name="On">The day (China time).</param>
public readonly record struct ExpertWork(Guid OrganizationId, DateOnly On);

/// <summary>
/// Conflicts of interest (回避) of an expert drawn for an object: the expert works for the object's organization, or
/// reviewed or inspected an object of the same organization within the last N months (N is configuration,
/// <c>Supervision:Inspections:ConflictMonths</c>). Checked whenever an expert is drawn.
/// </summary>
public static class ExpertConflicts
{
    /// <summary>Why <paramref name="expertOrganizationId"/>'s expert may not act on an object of <paramref name="objectOrganizationId"/>, or null.</summary>
    /// <param name="expertOrganizationId">The expert's organization, if registered.</param>
    /// <param name="objectOrganizationId">The object's organization (the provider, base or applicant).</param>
    /// <param name="work">The expert's earlier reviews and inspections.</param>
    /// <param name="today">Today (China time).</param>
    /// <param name="months">The co-work window in months.</param>
    public static string? Reason(Guid? expertOrganizationId, Guid objectOrganizationId, IEnumerable<ExpertWork> work, DateOnly today, int months)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (expertOrganizationId == objectOrganizationId)
        {
            return "本单位";
        }

        var since = today.AddMonths(-months);
        return work.Any(w => w.OrganizationId == objectOrganizationId && w.On > since && w.On <= today)
            ? $"近{months}个月内评审或检查过该单位"
            : null;
    }

    /// <summary>The organizations an expert may not act on today for co-work (reviewed or inspected within the window).</summary>
    public static IReadOnlySet<Guid> RecentOrganizations(IEnumerable<ExpertWork> work, DateOnly today, int months)
    {
        ArgumentNullException.ThrowIfNull(work);
        var since = today.AddMonths(-months);
        return work.Where(w => w.On > since && w.On <= today).Select(w => w.OrganizationId).ToHashSet();
    }
}
