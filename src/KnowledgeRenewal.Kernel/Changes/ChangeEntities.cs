using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeRenewal.Kernel.Changes;

/// <summary>The one change counter (a single row): the last change number taken.</summary>
public sealed class ChangeCounter
{
    /// <summary>Always 1.</summary>
    public int Id { get; set; }

    /// <summary>The last change number taken (committed with the rows that carry it).</summary>
    public long Value { get; set; }
}

/// <summary>
/// A row that left a tracked set for some callers: deleted, or moved out of a scope (its scope keys changed). Keeps
/// the row's OLD scope keys, so only callers who could have seen the row learn that it left (ADR 0023).
/// </summary>
public sealed class ChangeTombstone
{
    /// <summary>Reason of a deleted row.</summary>
    public const string Deleted = "deleted";

    /// <summary>Reason of a row whose scope keys changed.</summary>
    public const string Changed = "changed";

    /// <summary>Id of the tombstone.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The OData entity set (e.g. <c>CreditRecords</c>).</summary>
    public required string EntitySet { get; set; }

    /// <summary>The removed row's id.</summary>
    public Guid EntityId { get; set; }

    /// <summary>The change number of the removing transaction.</summary>
    public long ChangeVersion { get; set; }

    /// <summary><see cref="Deleted"/> or <see cref="Changed"/>.</summary>
    public required string Reason { get; set; }

    /// <summary>When (UTC); tombstones older than the delta-token lifetime are purged.</summary>
    public DateTime RemovedAt { get; set; }

    /// <summary>The feed scope whose clients read the set.</summary>
    public required string Feed { get; set; }

    /// <summary>Old county.</summary>
    public string? RegionCode { get; set; }

    /// <summary>Old sector.</summary>
    public string? DepartmentCode { get; set; }

    /// <summary>Old owning organization (employer, applicant, the employer itself).</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary>Old training provider.</summary>
    public Guid? ProviderId { get; set; }

    /// <summary>Old own account (the person).</summary>
    public Guid? UserId { get; set; }

    /// <summary>Sets the old scope keys.</summary>
    public ChangeTombstone With(ChangeScopeKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        RegionCode = keys.RegionCode;
        DepartmentCode = keys.DepartmentCode;
        OrganizationId = keys.OrganizationId;
        ProviderId = keys.ProviderId;
        UserId = keys.UserId;
        return this;
    }
}

/// <summary>What decides who sees a row: the keys the scope filters compare with the caller's scope.</summary>
/// <param name="RegionCode">County.</param>
/// <param name="DepartmentCode">Sector.</param>
/// <param name="OrganizationId">Owning organization.</param>
/// <param name="ProviderId">Training provider.</param>
/// <param name="UserId">The person's account.</param>
public sealed record ChangeScopeKeys(string? RegionCode, string? DepartmentCode, Guid? OrganizationId, Guid? ProviderId, Guid? UserId);

internal sealed class ChangeCounterConfiguration : IEntityTypeConfiguration<ChangeCounter>
{
    public void Configure(EntityTypeBuilder<ChangeCounter> builder)
    {
        builder.ToTable("ChangeCounters");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasData(new ChangeCounter { Id = 1, Value = 0 });
    }
}

internal sealed class ChangeTombstoneConfiguration : IEntityTypeConfiguration<ChangeTombstone>
{
    public void Configure(EntityTypeBuilder<ChangeTombstone> builder)
    {
        builder.ToTable("ChangeTombstones");
        builder.Property(t => t.EntitySet).HasMaxLength(40);
        builder.Property(t => t.Reason).HasMaxLength(8);
        builder.Property(t => t.Feed).HasMaxLength(40);
        builder.Property(t => t.RegionCode).HasMaxLength(16);
        builder.Property(t => t.DepartmentCode).HasMaxLength(32);
        builder.HasIndex(t => new { t.EntitySet, t.ChangeVersion });
        builder.HasIndex(t => t.RemovedAt);
    }
}
