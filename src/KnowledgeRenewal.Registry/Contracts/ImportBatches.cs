using System.Threading.Channels;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.Registry.UseCases.Import;

namespace KnowledgeRenewal.Registry.Contracts;

/// <summary>The rows of an import file, read and checked on a thread of their own and handed over in batches.</summary>
public static class ImportBatches
{
    /// <summary>
    /// Reads and checks the rows on a thread of its own (parsing, field rules, hashing, encryption, duplicates) and
    /// hands over batches of checked rows, with the number of rows read so far, to the writer — which then has a core
    /// to itself on a two-core machine.
    /// </summary>
    public static async IAsyncEnumerable<(List<T> Items, int Processed)> CheckedAsync<T>(
        ImportWorkItem item, ImportOptions options, Func<ImportRow, T?> check, Func<T, bool> keep, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(keep);
        var size = options.BatchSize;
        var batches = Channel.CreateBounded<(List<T>, int)>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(
            async () =>
            {
                try
                {
                    var batch = new List<T>(size);
                    var read = 0;
                    foreach (var row in ImportFiles.ReadRows(item.FilePath, item.File, options))
                    {
                        read++;
                        if (check(row) is { } checkedRow && keep(checkedRow))
                        {
                            batch.Add(checkedRow);
                        }

                        if (read % size == 0)
                        {
                            await batches.Writer.WriteAsync((batch, read), stop.Token).ConfigureAwait(false);
                            batch = new List<T>(size);
                        }
                    }

                    await batches.Writer.WriteAsync((batch, read), stop.Token).ConfigureAwait(false);
                    batches.Writer.TryComplete();
                }
#pragma warning disable CA1031 // Handed to the writer, which rethrows it.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    batches.Writer.TryComplete(exception);
                }
            },
            CancellationToken.None);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return batch;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await reader.ConfigureAwait(false);
        }
    }
}
