using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.Registry.Persistence;

namespace KnowledgeRenewal.Registry.Contracts;

/// <summary>
/// What a job run by the import worker records of itself: its outcome — in the caller's transaction, so that a job
/// that writes its rows (a roster) commits them together with it — and its errors and warnings as the job stores them.
/// </summary>
public static class ImportJobs
{
    private static readonly JsonSerializerOptions ErrorJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>Errors or warnings as a job stores them (a JSON array).</summary>
    public static string Serialize(IReadOnlyList<ImportError> errors) => JsonSerializer.Serialize(errors, ErrorJson);

    /// <summary>Records how the job ended (in the caller's transaction, if any), whoever may see the job.</summary>
    public static Task<int> FinishAsync(PlatformDbContext db, Guid jobId, ImportOutcome outcome, DateTime now, CancellationToken cancellationToken) =>
        ImportJobStore.FinishAsync(db, jobId, outcome, now, cancellationToken);
}
