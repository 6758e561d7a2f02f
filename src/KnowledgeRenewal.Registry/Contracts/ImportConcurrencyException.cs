namespace KnowledgeRenewal.Registry.Contracts;

/// <summary>A row's write was refused by the database because its record changed since it was read (another writer).</summary>
public sealed class ImportConcurrencyException(int row)
    : Exception($"Row {row}: the record changed while the import ran.")
{
    /// <summary>The row.</summary>
    public int Row { get; } = row;
}
