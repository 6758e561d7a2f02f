using System.Globalization;
using KnowledgeRenewal.Identity.Domain;

namespace KnowledgeRenewal.Registry.UseCases.Export;

/// <summary>What the registry's exports share: the audit record every export leaves (no record, no export).</summary>
internal static class Exports
{
    /// <summary>
    /// Records the export (<see cref="AuditActions.DataExported"/>: the format, the row count and the filters, never
    /// values); disposes <paramref name="stream"/> and rethrows when the record cannot be written.
    /// </summary>
    public static async Task RecordAsync(IAuditTrail audit, string entityType, List<string> filters, int count, Stream stream, CancellationToken cancellationToken)
    {
        try
        {
            var details = string.Create(CultureInfo.InvariantCulture, $"format=xlsx; rows={count}; filters={(filters.Count == 0 ? "(none)" : string.Join("&", filters))}");
            await audit.RecordAsync(new AuditEvent(AuditActions.DataExported, AuditOutcome.Success, entityType, null, details), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // No audit record, no export.
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
