namespace KnowledgeRenewal.Kernel.Changes;

/// <summary>
/// An entity whose changes integrators follow with OData delta links (ADR 0023): every insert and update stamps it
/// with the platform-wide change number of its transaction (<see cref="ChangeVersion"/>).
/// </summary>
public interface IChangeTracked
{
    /// <summary>The row's id.</summary>
    Guid Id { get; }

    /// <summary>
    /// The change number of the transaction that last inserted or updated the row: from one counter, taken under its
    /// row lock in the writing transaction, so numbers commit in the order they are taken. Set by the platform.
    /// </summary>
    long ChangeVersion { get; set; }
}
