using System.Globalization;
using System.Text;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace KnowledgeRenewal.Credits.Web;

/// <summary>
/// Reads a declaration sent as multipart/form-data: the text fields (<see cref="DeclarationFields"/>, by their
/// camelCase names) and the evidence files (field <c>evidence</c>, repeated). Limits hold while reading: a file
/// larger than <see cref="DeclarationOptions.MaxEvidenceBytes"/> stops the upload with 413, a file beyond
/// <see cref="DeclarationOptions.MaxEvidenceFiles"/> with 400; nothing larger than the limits is ever buffered.
/// </summary>
internal static class DeclarationUpload
{
    /// <summary>The multipart field of the evidence files.</summary>
    public const string EvidenceField = "evidence";

    private const int MaxTextBytes = 16 * 1024;
    private const int MaxSections = 64;

    /// <summary>Reads the form; throws <see cref="PlatformException"/> (415, 400, 413) when it cannot be accepted.</summary>
    public static async Task<(DeclarationFields Fields, IReadOnlyList<UploadedEvidence> Evidence)> ReadAsync(HttpRequest request, DeclarationOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !string.Equals(type.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new PlatformException(DeclarationProblemCodes.MultipartRequired, StatusCodes.Status415UnsupportedMediaType, "不支持的内容类型",
                "请以 multipart/form-data 提交申报：各字段为表单字段，证明材料（PDF、JPG 或 PNG）放在字段 evidence 中，可重复 1 至 "
                + options.MaxEvidenceFiles.ToString(CultureInfo.InvariantCulture) + " 次。");
        }

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200)
        {
            throw Malformed("multipart/form-data 请求缺少有效的 boundary。");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = (options.MaxEvidenceFiles * options.MaxEvidenceBytes) + (1024 * 1024);
        }

        var text = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var evidence = new List<UploadedEvidence>();
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            var sections = 0;
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                if (++sections > MaxSections)
                {
                    throw Malformed(string.Create(CultureInfo.InvariantCulture, $"表单字段过多（超过 {MaxSections} 个）。"));
                }

                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFormDisposition() && !disposition.IsFileDisposition())
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition())
                {
                    if (!string.Equals(name, EvidenceField, StringComparison.OrdinalIgnoreCase))
                    {
                        continue; // other files are not read (the reader skips their bytes)
                    }

                    if (evidence.Count >= options.MaxEvidenceFiles)
                    {
                        throw new PlatformException(DeclarationProblemCodes.EvidenceTooMany, StatusCodes.Status400BadRequest, "证明材料过多",
                            string.Create(CultureInfo.InvariantCulture, $"证明材料最多 {options.MaxEvidenceFiles} 个文件。"),
                            [new FieldError(EvidenceField, "evidence_too_many", string.Create(CultureInfo.InvariantCulture, $"证明材料（evidence）最多 {options.MaxEvidenceFiles} 个文件。"))]);
                    }

                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    var content = await ReadLimitedAsync(section.Body, options.MaxEvidenceBytes, cancellationToken).ConfigureAwait(false)
                        ?? throw TooLarge(evidence.Count, fileName, options);
                    evidence.Add(new UploadedEvidence(fileName, content));
                }
                else
                {
                    var bytes = await ReadLimitedAsync(section.Body, MaxTextBytes, cancellationToken).ConfigureAwait(false)
                        ?? throw new RequestValidationException([new FieldError(name, "too_long", $"字段“{name}”过长。")]);
                    text[name] = Encoding.UTF8.GetString(bytes);
                }
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new PlatformException(DeclarationProblemCodes.EvidenceTooLarge, StatusCodes.Status413PayloadTooLarge, "证明材料过大",
                string.Create(CultureInfo.InvariantCulture, $"请求超过了上限：证明材料最多 {options.MaxEvidenceFiles} 个文件，每个不超过 {Megabytes(options)} MB。"));
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException && exception is not FileNotFoundException)
        {
            throw Malformed("multipart/form-data 请求无法解析（可能上传中断）。");
        }

        var fields = new DeclarationFields
        {
            Activity = text.GetValueOrDefault("activity"),
            Title = text.GetValueOrDefault("title"),
            Organizer = text.GetValueOrDefault("organizer"),
            Description = text.GetValueOrDefault("description"),
            StartDate = text.GetValueOrDefault("startDate"),
            EndDate = text.GetValueOrDefault("endDate"),
            Category = text.GetValueOrDefault("category"),
            SubjectCode = text.GetValueOrDefault("subjectCode"),
            Items = text.GetValueOrDefault("items"),
            ClaimedAmount = text.GetValueOrDefault("claimedAmount"),
            ClaimedUnit = text.GetValueOrDefault("claimedUnit"),
        };
        return (fields, evidence);
    }

    // The whole body, or null as soon as it passes the limit.
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }

        return buffer.ToArray();
    }

    private static PlatformException TooLarge(int index, string? fileName, DeclarationOptions options)
    {
        var name = EvidenceContent.SafeFileName(fileName, EvidenceContent.Pdf)[..^4];
        var message = string.Create(CultureInfo.InvariantCulture, $"第 {index + 1} 个证明材料“{name}”超过了 {Megabytes(options)} MB 的上限，请压缩或拆分后上传。");
        return new PlatformException(DeclarationProblemCodes.EvidenceTooLarge, StatusCodes.Status413PayloadTooLarge, "证明材料过大", message,
            [new FieldError(string.Create(CultureInfo.InvariantCulture, $"{EvidenceField}[{index}]"), "evidence_too_large", message)]);
    }

    private static string Megabytes(DeclarationOptions options) =>
        (options.MaxEvidenceBytes / (1024m * 1024m)).ToString("0.##", CultureInfo.InvariantCulture);

    private static PlatformException Malformed(string detail) =>
        new(ProblemCodes.MalformedRequest, StatusCodes.Status400BadRequest, "请求格式不正确", detail);
}
