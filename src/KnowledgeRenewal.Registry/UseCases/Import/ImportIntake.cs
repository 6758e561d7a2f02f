using System.Globalization;
using System.Security.Cryptography;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KnowledgeRenewal.Registry.UseCases.Import;

/// <summary>
/// Accepts an import request: reads the multipart upload into the work folder (size-capped, hashed on the way),
/// answers a repeated <c>Idempotency-Key</c> with the first job, inspects the file (400 for anything that cannot be
/// imported), records the job and queues it with a snapshot of the requester's scope.
/// </summary>
internal sealed class ImportIntake(
    PlatformDbContext db,
    ICurrentAccess access,
    IAuditActorProvider actors,
    ImportJobChannel queue,
    ImportProgress progress,
    ImportWorkFolder folder,
    IOptions<ImportOptions> options,
    TimeProvider clock) : IImportIntake
{
    /// <summary>Header of the idempotency key.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <inheritdoc />
    public async Task<IResult> AcceptAsync(ImportKind kind, HttpContext http, string? modeText, CancellationToken cancellationToken, Guid? targetId = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var settings = options.Value;
        if (!ImportNames.TryParseMode(modeText, out var mode))
        {
            throw new ImportFileException(ImportProblemCodes.InvalidMode, $"导入方式（mode）“{modeText}”无效，应为 {ImportNames.AllOrNothing}（默认）或 {ImportNames.ValidRowsOnly}。");
        }

        var key = IdempotencyKey(http.Request);
        var userId = access.UserId ?? throw new PlatformException("auth.forbidden", StatusCodes.Status403Forbidden, "无权访问该资源", "只有个人账号可以导入数据。");
        var upload = await ReceiveAsync(http, settings, cancellationToken).ConfigureAwait(false);
        try
        {
            if (key is not null && await ImportJobStore.FindByKeyAsync(db, userId, key, cancellationToken).ConfigureAwait(false) is { } earlier)
            {
                return Replay(earlier, kind, targetId, upload.Sha256);
            }

            var file = ImportFiles.Inspect(upload.Path, upload.Format, ImportSchema.For(kind), settings);
            var actor = actors.Current;
            var job = new ImportJob
            {
                Kind = kind,
                TargetId = targetId,
                FileName = upload.FileName,
                Format = upload.Format,
                FileSha256 = upload.Sha256,
                FileSize = upload.Size,
                Mode = mode,
                HeaderRow = file.Header.Row,
                TotalRows = file.DataRows,
                IdempotencyKey = key,
                RequestedByUserId = userId,
                RequestedByUserName = actor.UserName,
                RequestedByOrganizationId = access.OrganizationId,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.ImportJobs.Add(job);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException) when (key is not null)
            {
                // The same key arrived twice at once: the other request's job is the first one.
                db.ChangeTracker.Clear();
                var first = await ImportJobStore.FindByKeyAsync(db, userId, key, cancellationToken).ConfigureAwait(false);
                if (first is null)
                {
                    throw;
                }

                return Replay(first, kind, targetId, upload.Sha256);
            }

            progress.Track(job.Id);
            if (!queue.TryEnqueue(new ImportWorkItem(job.Id, kind, mode, upload.Path, file, RequesterAccess.Of(access), actor, targetId, upload.FileName)))
            {
                progress.Finish(job.Id);
                var outcome = new ImportOutcome(ImportJobStatus.Failed, 0, 0, 0, 0, 0, 0, null, "导入任务过多，本次未执行，请稍后重新上传。");
                await ImportJobStore.FinishAsync(db, job.Id, outcome, clock.GetUtcNow().UtcDateTime, CancellationToken.None).ConfigureAwait(false);
                throw new PlatformException(ImportProblemCodes.QueueFull, StatusCodes.Status503ServiceUnavailable, "导入任务过多", "正在等待处理的导入任务过多，请稍后重新上传。");
            }

            upload = upload with { Path = "" }; // the worker owns the file now
            var location = $"/api/registry/imports/{job.Id:D}";
            return Results.Accepted(location, ImportJobView.Of(job, withErrors: true));
        }
        finally
        {
            if (upload.Path.Length > 0)
            {
                ImportWorkFolder.Delete(upload.Path);
            }
        }
    }

    private static IResult Replay(ImportJob earlier, ImportKind kind, Guid? targetId, string sha256)
    {
        if (earlier.Kind != kind || earlier.TargetId != targetId || !string.Equals(earlier.FileSha256, sha256, StringComparison.Ordinal))
        {
            throw new PlatformException(
                ImportProblemCodes.IdempotencyKeyReused,
                StatusCodes.Status409Conflict,
                "幂等键已被使用",
                "该 Idempotency-Key 已用于另一个文件的导入。重新上传同一文件可沿用原键；上传不同的文件请使用新的键。");
        }

        return Results.Ok(ImportJobView.Of(earlier, withErrors: true));
    }

    private static string? IdempotencyKey(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(IdempotencyKeyHeader, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return null;
        }

        var key = values.ToString().Trim();
        if (values.Count > 1 || key.Length > ImportJob.IdempotencyKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            throw new ImportFileException(ImportProblemCodes.InvalidIdempotencyKey, $"Idempotency-Key 应为 1–{ImportJob.IdempotencyKeyLength} 个可见 ASCII 字符（建议使用 UUID）。");
        }

        return key;
    }

    // Streams the multipart field "file" into the work folder, hashing it and stopping at the size limit.
    private async Task<Upload> ReceiveAsync(HttpContext http, ImportOptions settings, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !string.Equals(type.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new PlatformException(ImportProblemCodes.MultipartRequired, StatusCodes.Status415UnsupportedMediaType, "不支持的内容类型",
                "请以 multipart/form-data 上传，文件放在字段 file 中（.xlsx 或 .csv）。");
        }

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200)
        {
            throw new PlatformException(ProblemCodes.MalformedRequest, StatusCodes.Status400BadRequest, "请求格式不正确", "multipart/form-data 请求缺少有效的 boundary。");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = settings.MaxFileBytes + (1024 * 1024);
        }

        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.IsFileDisposition()
                    || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, "file", StringComparison.Ordinal))
                {
                    continue;
                }

                var fileName = FileNameOf(disposition);
                var format = ImportFiles.FormatOf(fileName) ?? throw new ImportFileException(
                    ImportProblemCodes.UnsupportedFileType, $"不支持文件“{fileName}”的类型：请上传 Excel 工作簿（.xlsx）或 CSV 文件（.csv）。");
                return await SaveAsync(section.Body, fileName, format, settings, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException && exception is not FileNotFoundException)
        {
            throw new PlatformException(ProblemCodes.MalformedRequest, StatusCodes.Status400BadRequest, "请求格式不正确", "multipart/form-data 请求无法解析（可能上传中断）。");
        }

        throw new ImportFileException(ImportProblemCodes.FileMissing, "请求中没有文件：请把 .xlsx 或 .csv 文件放在 multipart/form-data 的字段 file 中上传。");
    }

    private async Task<Upload> SaveAsync(Stream body, string fileName, ImportFormat format, ImportOptions settings, CancellationToken cancellationToken)
    {
        var path = folder.NewFile();
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            var buffer = new byte[81920];
            await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, buffer.Length, useAsync: true))
            {
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    size += read;
                    if (size > settings.MaxFileBytes)
                    {
                        throw new ImportFileException(
                            ImportProblemCodes.FileTooLarge,
                            string.Create(CultureInfo.InvariantCulture, $"文件超过了 {settings.MaxFileBytes / 1024 / 1024} MB 的上限，请拆分后分批导入。"),
                            status: StatusCodes.Status413PayloadTooLarge);
                    }

                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }

            if (size == 0)
            {
                throw new ImportFileException(ImportProblemCodes.NoDataRows, "上传的文件是空的。");
            }

            return new Upload(path, fileName, format, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            ImportWorkFolder.Delete(path);
            throw;
        }
    }

    private static string FileNameOf(ContentDispositionHeaderValue disposition)
    {
        var raw = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
        var name = Path.GetFileName(raw.Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        return name.Length == 0 ? "upload" : name.Length > ImportJob.FileNameLength ? name[^ImportJob.FileNameLength..] : name;
    }

    private sealed record Upload(string Path, string FileName, ImportFormat Format, long Size, string Sha256);
}
