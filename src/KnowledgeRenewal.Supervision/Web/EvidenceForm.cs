using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using KnowledgeRenewal.Supervision.UseCases.Inspections;

namespace KnowledgeRenewal.Supervision.Web;

/// <summary>A multipart form with text fields and evidence files (field <c>evidence</c>, repeated), read in full (each file at most 10 MB).</summary>
internal sealed class EvidenceForm
{
    private readonly IFormCollection form;

    private EvidenceForm(IFormCollection form, IReadOnlyList<EvidenceUpload> files)
    {
        this.form = form;
        Files = files;
    }

    /// <summary>The evidence files.</summary>
    public IReadOnlyList<EvidenceUpload> Files { get; }

    /// <summary>A text field, or null.</summary>
    public string? Text(string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>Reads the form; 415 without multipart, 400 for a file over the limit.</summary>
    public static async Task<EvidenceForm> ReadAsync(HttpRequest request, CancellationToken cancellationToken, string field = "evidence")
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasFormContentType)
        {
            throw new PlatformException("supervision.multipart_required", StatusCodes.Status415UnsupportedMediaType, "请以表单提交",
                $"请以 multipart/form-data 提交：各字段为表单字段，文件（PDF、JPG 或 PNG）放在字段 {field} 中。");
        }

        var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        return new EvidenceForm(form, await FilesAsync(form.Files.GetFiles(field), cancellationToken, field).ConfigureAwait(false));
    }

    /// <summary>Reads uploaded files into memory, refusing one over the limit.</summary>
    public static async Task<IReadOnlyList<EvidenceUpload>> FilesAsync(IEnumerable<IFormFile> files, CancellationToken cancellationToken, string field = "evidence")
    {
        ArgumentNullException.ThrowIfNull(files);
        var uploads = new List<EvidenceUpload>();
        foreach (var file in files.Where(f => f.Length > 0).Take(11))
        {
            if (file.Length > InspectionRules.MaxEvidenceBytes)
            {
                throw InspectionRules.InvalidEvidence(file.FileName, field);
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            uploads.Add(new EvidenceUpload(file.FileName, buffer.ToArray()));
        }

        return uploads;
    }
}
