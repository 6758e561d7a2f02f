using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.UseCases.Import;

/// <summary>
/// A job's errors as xlsx (row as Excel numbers it, column header, field, code, Chinese message), and a roster's
/// flags and warnings; 404 <see cref="ImportProblemCodes.NoReport"/> when it has none.
/// </summary>
/// <param name="Id">The job.</param>
internal sealed record GetImportReport(Guid Id) : IRequest<WorkbookFile>;

/// <summary>Handles <see cref="GetImportReport"/>.</summary>
internal sealed class GetImportReportHandler(PlatformDbContext db) : IRequestHandler<GetImportReport, WorkbookFile>
{
    /// <inheritdoc />
    public async Task<WorkbookFile> Handle(GetImportReport request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException(GetImport.What, request.Id);
        if (!ImportJobView.HasReport(job))
        {
            throw new PlatformException(ImportProblemCodes.NoReport, StatusCodes.Status404NotFound, "没有错误报告", "该导入任务没有发现错误（或尚未完成），没有错误报告。");
        }

        var stream = ImportWorkbooks.Report(job, ImportJobView.ErrorsOf(job), ImportJobView.WarningsOf(job));
        return new WorkbookFile(stream, $"导入错误报告-{Path.GetFileNameWithoutExtension(job.FileName)}.xlsx");
    }
}
