using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.UseCases.Import;
using MediatR;

namespace KnowledgeRenewal.Registry.Web;

/// <summary>How the registry's endpoints answer with a workbook (templates, reports, exports).</summary>
internal static class WorkbookResults
{
    /// <summary>Sends <paramref name="request"/> and answers with its workbook as an xlsx download.</summary>
    public static async Task<IResult> SendForFileAsync(this IMediator mediator, IRequest<WorkbookFile> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mediator);
        var file = await mediator.Send(request, cancellationToken).ConfigureAwait(false);
        return Results.File(file.Content, ImportWorkbooks.XlsxContentType, file.FileName);
    }
}
