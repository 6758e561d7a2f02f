using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

using KnowledgeRenewal.Registry.UseCases.Import;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Registry.UseCases;

namespace KnowledgeRenewal.Registry.Web;

/// <summary>An import job as the API shows it.</summary>
/// <param name="Id">The job.</param>
/// <param name="Kind"><c>professionals</c>, <c>employers</c> or <c>roster</c>.</param>
/// <param name="TargetId">What the file is for (a roster: the class), if its kind has a target.</param>
/// <param name="FileName">The uploaded file's name.</param>
/// <param name="Format"><c>Xlsx</c> or <c>Csv</c>.</param>
/// <param name="FileSha256">SHA-256 of the file.</param>
/// <param name="FileSize">Bytes.</param>
/// <param name="Mode"><c>all-or-nothing</c> or <c>valid-rows-only</c>.</param>
/// <param name="Status">Queued, Validating, Importing, Completed, Rejected or Failed.</param>
/// <param name="HeaderRow">The header's row (1-based).</param>
/// <param name="TotalRows">Data rows.</param>
/// <param name="ProcessedRows">Rows checked so far.</param>
/// <param name="Created">Records created.</param>
/// <param name="Updated">Records updated.</param>
/// <param name="Unchanged">Rows that changed nothing.</param>
/// <param name="Rejected">Rows with errors.</param>
/// <param name="Flagged">Records written pending review (rosters: the same class twice, an overloaded day).</param>
/// <param name="WarningCount">Warnings that are not row errors (rosters: people of an earlier roster missing from this one).</param>
/// <param name="ErrorCount">All errors (<paramref name="Errors"/> may list fewer).</param>
/// <param name="Errors">The errors: row, column, field, code, message.</param>
/// <param name="Warnings">The flags and warnings, as the errors (row 0 for the whole file).</param>
/// <param name="IdempotencyKey">The request's <c>Idempotency-Key</c>.</param>
/// <param name="RequestedByUserId">The requesting account.</param>
/// <param name="RequestedByUserName">Its user name.</param>
/// <param name="RequestedByOrganizationId">Its organization.</param>
/// <param name="CreatedAt">Accepted (UTC).</param>
/// <param name="StartedAt">Started (UTC).</param>
/// <param name="CompletedAt">Ended (UTC).</param>
/// <param name="FailureReason">Why it failed.</param>
/// <param name="Report">The downloadable xlsx report, when there are errors or warnings.</param>
public sealed record ImportJobView(
    Guid Id, string Kind, Guid? TargetId, string FileName, ImportFormat Format, string FileSha256, long FileSize, string Mode, ImportJobStatus Status,
    int HeaderRow, int TotalRows, int ProcessedRows, int Created, int Updated, int Unchanged, int Rejected, int Flagged, int WarningCount, int ErrorCount,
    IReadOnlyList<ImportError>? Errors, IReadOnlyList<ImportError>? Warnings, string? IdempotencyKey, Guid? RequestedByUserId, string? RequestedByUserName, Guid? RequestedByOrganizationId,
    DateTime CreatedAt, DateTime? StartedAt, DateTime? CompletedAt, string? FailureReason, string? Report)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The view of a job (with its errors when <paramref name="withErrors"/>), live progress overlaid.</summary>
    public static ImportJobView Of(ImportJob job, bool withErrors, (ImportJobStatus Status, int Processed)? live = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        var running = job.Status is ImportJobStatus.Queued or ImportJobStatus.Validating or ImportJobStatus.Importing;
        var (status, processed) = running && live is { } now ? (now.Status, now.Processed) : (job.Status, job.ProcessedRows);
        return new ImportJobView(
            job.Id, ImportNames.Of(job.Kind), job.TargetId, job.FileName, job.Format, job.FileSha256, job.FileSize, ImportNames.Of(job.Mode), status,
            job.HeaderRow, job.TotalRows, processed, job.CreatedCount, job.UpdatedCount, job.UnchangedCount, job.RejectedCount, job.FlaggedCount, job.WarningCount, job.ErrorCount,
            withErrors ? ErrorsOf(job) : null, withErrors ? WarningsOf(job) : null, job.IdempotencyKey, job.RequestedByUserId, job.RequestedByUserName, job.RequestedByOrganizationId,
            job.CreatedAt, job.StartedAt, job.CompletedAt, job.FailureReason, HasReport(job) ? $"/api/registry/imports/{job.Id:D}/report" : null);
    }

    /// <summary>Whether the job has a report to download (errors, or a roster's flags and warnings).</summary>
    public static bool HasReport(ImportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.ErrorCount > 0 || !string.IsNullOrEmpty(job.Warnings);
    }

    /// <summary>The stored flags and warnings of a job.</summary>
    public static IReadOnlyList<ImportError> WarningsOf(ImportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return string.IsNullOrEmpty(job.Warnings) ? [] : JsonSerializer.Deserialize<List<ImportError>>(job.Warnings, Json) ?? [];
    }

    /// <summary>The stored errors of a job.</summary>
    public static IReadOnlyList<ImportError> ErrorsOf(ImportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return string.IsNullOrEmpty(job.Errors) ? [] : JsonSerializer.Deserialize<List<ImportError>>(job.Errors, Json) ?? [];
    }
}

/// <summary>
/// Bulk import of the registry under <c>/api/registry/imports</c>: upload a professionals or employers file
/// (multipart field <c>file</c>, .xlsx or .csv) → 202 with the job; follow it at <c>/api/registry/imports/{id}</c>
/// (<c>?wait=30</c> waits for the end); download the error report as xlsx; download the templates.
/// </summary>
public static class ImportApi
{
    /// <summary>Header of the idempotency key.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapRegistryImportApi(this IEndpointRouteBuilder endpoints)
    {
        // Import jobs are business data: the separated administrators are refused (403) even their own, empty list.
        var imports = endpoints.MapGroup("/api/registry/imports").WithTags("批量导入 (registry imports)")
            .RequireAuthorization(PlatformPolicies.BusinessUser);

        imports.MapPost("/professionals", (HttpContext http, string? mode, ImportIntake intake, CancellationToken ct) => intake.AcceptAsync(ImportKind.Professionals, http, mode, ct))
            .RequireAuthorization(policy => policy.RequireRole(RegistryWriters.ProfessionalWriters))
            .WithName("ImportProfessionals")
            .WithSummary("Imports professionals from an .xlsx or .csv (multipart/form-data, field `file`). `mode=all-or-nothing` (default) writes all rows or none; `valid-rows-only` writes the valid rows. Optional `Idempotency-Key` header: the same key again returns the first job (200). 202 + Location; 400 for an unreadable file (codes import.*), 413 import.file_too_large, 415 without multipart.");

        imports.MapPost("/employers", (HttpContext http, string? mode, ImportIntake intake, CancellationToken ct) => intake.AcceptAsync(ImportKind.Employers, http, mode, ct))
            .RequireAuthorization(policy => policy.RequireRole(RegistryWriters.EmployerWriters))
            .WithName("ImportEmployers")
            .WithSummary("Imports employers from an .xlsx or .csv; as the professionals import.");

        imports.MapGet("/professionals/template", (PlatformDbContext db, CancellationToken ct) => TemplateAsync(db, ImportSchema.Professionals, ct))
            .RequireAuthorization(policy => policy.RequireRole(RegistryWriters.ProfessionalWriters))
            .WithName("ProfessionalsImportTemplate")
            .WithSummary("The professionals import template (xlsx): Chinese headers, a sheet explaining each column and its allowed values, region and sector codes.");

        imports.MapGet("/employers/template", (PlatformDbContext db, CancellationToken ct) => TemplateAsync(db, ImportSchema.Employers, ct))
            .RequireAuthorization(policy => policy.RequireRole(RegistryWriters.EmployerWriters))
            .WithName("EmployersImportTemplate")
            .WithSummary("The employers import template (xlsx).");

        imports.MapGet("/", async (PlatformDbContext db, ImportProgress progress, CancellationToken ct) =>
            {
                var jobs = await db.ImportJobs.AsNoTracking().OrderByDescending(j => j.CreatedAt).Take(50).ToListAsync(ct).ConfigureAwait(false);
                return jobs.Select(j => ImportJobView.Of(j, withErrors: false, progress.Current(j.Id))).ToList();
            })
            .WithName("ListImports")
            .WithSummary("The newest 50 import jobs the caller may see (their own; the program office all), without their errors.");

        imports.MapGet("/{id:guid}", GetAsync)
            .WithName("GetImport")
            .WithSummary("An import job with its status, progress (processedRows of totalRows), counts and errors (404 unless it is the caller's or the caller is the program office). `wait` (seconds, at most Registry:Import:MaxWaitSeconds) waits for it to end.");

        imports.MapGet("/{id:guid}/report", ReportAsync)
            .WithName("GetImportReport")
            .WithSummary("The job's errors as xlsx (row as Excel numbers it, column header, field, code, Chinese message), and a roster's flags and warnings. 404 import.no_report when it has none.");

        return endpoints;
    }

    private static async Task<IResult> GetAsync(Guid id, int? wait, PlatformDbContext db, ImportProgress progress, IOptions<ImportOptions> options, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(Math.Clamp(wait ?? 0, 0, options.Value.MaxWaitSeconds));
        while (true)
        {
            var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct).ConfigureAwait(false)
                ?? throw new NotFoundException("导入任务", id);
            var done = job.Status is ImportJobStatus.Completed or ImportJobStatus.Rejected or ImportJobStatus.Failed;
            var left = deadline - DateTime.UtcNow;
            if (done || left <= TimeSpan.Zero)
            {
                return Results.Ok(ImportJobView.Of(job, withErrors: true, progress.Current(id)));
            }

            var pause = TimeSpan.FromMilliseconds(Math.Min(500, left.TotalMilliseconds));
            await Task.WhenAny(progress.WhenFinished(id) ?? Task.Delay(pause, ct), Task.Delay(pause, ct)).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
        }
    }

    private static async Task<IResult> ReportAsync(Guid id, PlatformDbContext db, CancellationToken ct)
    {
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct).ConfigureAwait(false)
            ?? throw new NotFoundException("导入任务", id);
        if (!ImportJobView.HasReport(job))
        {
            throw new PlatformException(ImportProblemCodes.NoReport, StatusCodes.Status404NotFound, "没有错误报告", "该导入任务没有发现错误（或尚未完成），没有错误报告。");
        }

        var stream = ImportWorkbooks.Report(job, ImportJobView.ErrorsOf(job), ImportJobView.WarningsOf(job));
        return Results.File(stream, ImportWorkbooks.XlsxContentType, $"导入错误报告-{Path.GetFileNameWithoutExtension(job.FileName)}.xlsx");
    }

    private static async Task<IResult> TemplateAsync(PlatformDbContext db, ImportSchema schema, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.SortOrder).Select(r => new { r.Code, r.Name }).ToListAsync(ct).ConfigureAwait(false);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Code, d.Name }).ToListAsync(ct).ConfigureAwait(false);
        var stream = ImportWorkbooks.Template(schema, regions.Select(r => (r.Code, r.Name)), departments.Select(d => (d.Code, d.Name)));
        return Results.File(stream, ImportWorkbooks.XlsxContentType, $"{schema.SheetName}导入模板.xlsx");
    }
}

/// <summary>
/// Accepts an import request: reads the multipart upload into the work folder (size-capped, hashed on the way),
/// answers a repeated <c>Idempotency-Key</c> with the first job, inspects the file (400 for anything that cannot be
/// imported), records the job and queues it with a snapshot of the requester's scope.
/// </summary>
public sealed class ImportIntake(
    PlatformDbContext db,
    ICurrentAccess access,
    IAuditActorProvider actors,
    ImportJobChannel queue,
    ImportProgress progress,
    ImportWorkFolder folder,
    IOptions<ImportOptions> options,
    TimeProvider clock)
{
    /// <summary>
    /// Handles <c>POST /api/registry/imports/{kind}</c> (and, with the class as <paramref name="targetId"/>,
    /// <c>POST /api/classes/{id}/roster</c>).
    /// </summary>
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
        if (!request.Headers.TryGetValue(ImportApi.IdempotencyKeyHeader, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
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
