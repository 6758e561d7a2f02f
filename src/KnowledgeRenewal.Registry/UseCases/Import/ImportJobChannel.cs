using System.Threading.Channels;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain.Import;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Registry.UseCases.Import;

/// <summary>Accepted imports, in order; bounded (<see cref="ImportOptions.QueueCapacity"/>).</summary>
internal sealed class ImportJobChannel(IOptions<ImportOptions> options)
{
    private readonly Channel<ImportWorkItem> channel = Channel.CreateBounded<ImportWorkItem>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Queues an import; false when the queue is full.</summary>
    public bool TryEnqueue(ImportWorkItem item) => channel.Writer.TryWrite(item);

    /// <summary>The imports, as they come.</summary>
    public IAsyncEnumerable<ImportWorkItem> ReadAllAsync(CancellationToken cancellationToken) => channel.Reader.ReadAllAsync(cancellationToken);
}
