namespace KnowledgeRenewal.Supervision.Domain;

/// <summary>
/// One source of risk for the double-random inspection draw (overlap flags, complaints, late filings, low completion
/// …): for a year, a score per supervised object it knows about. The inspection plan weighs the signals by key (its
/// weights are data); each feature that knows a risk publishes one implementation, found by assembly scanning.
/// </summary>
public interface IRiskSignal
{
    /// <summary>The signal's stable key (e.g. <c>complaints</c>, <c>late_filings</c>), used by an inspection plan's weights.</summary>
    string Key { get; }

    /// <summary>The signal's name for people (Chinese).</summary>
    string Label { get; }

    /// <summary>The scores (0 = none; higher = riskier) of the objects of <paramref name="kind"/> in <paramref name="year"/>; objects absent score 0.</summary>
    Task<IReadOnlyDictionary<Guid, decimal>> ScoresAsync(SupervisedObjectKind kind, int year, CancellationToken cancellationToken);
}
