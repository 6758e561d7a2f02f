using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Domain;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.Contracts;

/// <summary>Supervision's complaint table on the platform context (scoped: the program office all, assignees theirs).</summary>
public static class ComplaintsData
{
    extension(PlatformDbContext db)
    {
        /// <summary>Complaints (投诉).</summary>
        public DbSet<Complaint> Complaints => db.Set<Complaint>();
    }
}
