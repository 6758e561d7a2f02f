using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>Where a credit record stands.</summary>
public enum CreditRecordStatus
{
    /// <summary>待审核 — declared or uploaded, not yet approved.</summary>
    Pending = 1,

    /// <summary>已认定 — counts.</summary>
    Approved = 2,

    /// <summary>已驳回.</summary>
    Rejected = 3,

    /// <summary>已撤销 — an approved record withdrawn (a correction is a revocation plus a new record).</summary>
    Revoked = 4,
}
