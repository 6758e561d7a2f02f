using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Identity.Contracts;

/// <summary>Identity's tables on the platform context.</summary>
public static class IdentityData
{
    extension(PlatformDbContext db)
    {
        /// <summary>The organization tree.</summary>
        public DbSet<Organization> Organizations => db.Set<Organization>();

        /// <summary>The audit log (read it; records are written only by the audit trail).</summary>
        public DbSet<AuditRecord> AuditRecords => db.Set<AuditRecord>();

        /// <summary>The audit chain's head.</summary>
        public DbSet<AuditChainHead> AuditChainHeads => db.Set<AuditChainHead>();

        /// <summary>The settings of the previous start (to audit configuration changes).</summary>
        public DbSet<ConfigurationSetting> ConfigurationSettings => db.Set<ConfigurationSetting>();
    }
}
