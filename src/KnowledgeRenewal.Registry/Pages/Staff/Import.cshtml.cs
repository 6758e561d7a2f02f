using System.Net.Http.Headers;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.Registry.UseCases.Import;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Registry.Pages.Staff;

/// <summary>
/// <c>/staff/import</c>: imports staff from an Excel or CSV file — the template (<see cref="GetImportTemplate"/>), the
/// upload handed to the registry's import intake exactly as <c>POST /api/registry/imports/professionals</c> hands it
/// (<see cref="IImportIntake"/>: the same checks, job, worker and rules), then the job's page; and the caller's
/// earlier imports (<see cref="ListImports"/>).
/// </summary>
[Authorize(Roles = StaffPages.Roles)]
internal sealed class ImportModel(IMediator mediator, IImportIntake intake, IOptions<ImportOptions> options) : PlatformPageModel
{
    /// <summary>The file.</summary>
    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary><c>all-or-nothing</c> (default) or <c>valid-rows-only</c>.</summary>
    [BindProperty]
    public string? Mode { get; set; }

    /// <summary>The caller's earlier staff imports, newest first.</summary>
    public IReadOnlyList<ImportJobView> Jobs { get; private set; } = [];

    /// <summary>The modes offered.</summary>
    public IReadOnlyList<SelectListItem> Modes { get; } =
    [
        new("全部正确才导入（有一行出错则都不导入）", ImportNames.AllOrNothing),
        new("只导入正确的行（出错的行留待改正后再导入）", ImportNames.ValidRowsOnly),
    ];

    /// <summary>The largest file accepted, in MB.</summary>
    public long MaxMegabytes => options.Value.MaxFileBytes / (1024 * 1024);

    /// <summary>Shows the form and the earlier imports.</summary>
    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>The template (xlsx).</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken cancellationToken)
    {
        var file = await mediator.Send(new GetImportTemplate(ImportKind.Professionals), cancellationToken).ConfigureAwait(false);
        return File(file.Content, ImportWorkbooks.XlsxContentType, file.FileName);
    }

    /// <summary>Starts the import and goes to its page, or shows what is wrong with the file.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is not { Length: > 0 } file)
        {
            ModelState.AddModelError(nameof(Upload), Upload is null ? "请选择要导入的文件（.xlsx 或 .csv）" : "所选文件为空");
        }
        else
        {
            try
            {
                var job = await StartAsync(file, cancellationToken).ConfigureAwait(false);
                return DoneAndRedirect($"/staff/import/{job.Id:D}", $"已收到文件“{job.FileName}”，正在导入。");
            }
            catch (PlatformException problem) when (problem.Status is >= 400 and < 500 and not 401 and not 403 and not 404)
            {
                ModelState.AddModelError(nameof(Upload), FormProblems.Humanize(problem.Detail is { Length: > 0 } detail ? detail : problem.Title));
            }
        }

        await LoadAsync(cancellationToken).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    // The form was read for its antiforgery token, so the intake gets the file as the API's multipart upload (field
    // "file") — the one way in for an import, with the API's limits, checks and job.
    private async Task<ImportJobView> StartAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var upload = new MultipartFormDataContent();
        var content = new StreamContent(file.OpenReadStream());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        upload.Add(content, "file", file.FileName);
        var body = Request.Body;
        var type = Request.ContentType;
        await using var stream = await upload.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        Request.Body = stream;
        Request.ContentType = upload.Headers.ContentType!.ToString();
        try
        {
            var result = await intake.AcceptAsync(ImportKind.Professionals, HttpContext, Mode, cancellationToken).ConfigureAwait(false);
            return result is IValueHttpResult { Value: ImportJobView job }
                ? job
                : throw new InvalidOperationException("The import intake answered without a job.");
        }
        finally
        {
            Request.Body = body;
            Request.ContentType = type;
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var jobs = await mediator.Send(new ListImports(), cancellationToken).ConfigureAwait(false);
        Jobs = [.. jobs.Where(j => j.Kind == ImportNames.Of(ImportKind.Professionals))];
    }
}
