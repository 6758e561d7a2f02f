using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain.Import;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.UseCases.Import;

/// <summary>
/// The import template of a kind (xlsx): Chinese headers, a sheet explaining each column and its allowed values, the
/// region and sector codes.
/// </summary>
/// <param name="Kind">Professionals or employers.</param>
internal sealed record GetImportTemplate(ImportKind Kind) : IRequest<WorkbookFile>;

/// <summary>Handles <see cref="GetImportTemplate"/>.</summary>
internal sealed class GetImportTemplateHandler(PlatformDbContext db) : IRequestHandler<GetImportTemplate, WorkbookFile>
{
    /// <inheritdoc />
    public async Task<WorkbookFile> Handle(GetImportTemplate request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var schema = ImportSchema.For(request.Kind);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.SortOrder).Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Code, d.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var stream = ImportWorkbooks.Template(schema, regions.Select(r => (r.Code, r.Name)), departments.Select(d => (d.Code, d.Name)));
        return new WorkbookFile(stream, $"{schema.SheetName}导入模板.xlsx");
    }
}
