using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Classes;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Pages.Classes;

/// <summary>
/// <c>/classes/{id}/roster</c>: the roster (学员名单) of a finished class — the template, the upload (the same intake
/// as <c>POST /api/classes/{id}/roster</c>: the class within the caller's scope, run by the caller, finished; then the
/// registry's import intake with its limits and checks) and the earlier uploads. A successful upload goes on to the
/// upload's page, which follows the job until its rows are checked and written.
/// </summary>
[Authorize(Roles = Writers)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(BufferBody = true, MultipartBodyLengthLimit = MaxRequestBytes)]
internal sealed class RosterModel(IMediator mediator, RosterIntake intake) : ClassPageModel
{
    // The outer bound of the form; the registry's import limit (Registry:Import:MaxFileBytes) is checked below it.
    private const long MaxRequestBytes = 64L * 1024 * 1024;

    /// <summary>The class.</summary>
    public TrainingClassView Class { get; private set; } = null!;

    /// <summary>The earlier uploads.</summary>
    public IReadOnlyList<ImportJobView> Uploads { get; private set; } = [];

    /// <summary>The upload mode chosen.</summary>
    [BindProperty]
    public string? Mode { get; set; }

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken).ConfigureAwait(false) ? Page() : NotFound();

    /// <summary>Uploads the roster, or shows why it was not taken.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            // The form was read (and buffered) for its antiforgery token; the intake reads the upload again from the start.
            if (Request.Body.CanSeek)
            {
                Request.Body.Position = 0;
            }

            var answer = await intake.AcceptAsync(id, HttpContext, Mode, cancellationToken).ConfigureAwait(false);
            if (answer is IValueHttpResult { Value: ImportJobView job })
            {
                return DoneAndRedirect($"/classes/{id:D}/roster/{job.Id:D}", $"学员名单“{job.FileName}”已上传，正在逐行核对。");
            }

            throw new InvalidOperationException("The roster intake answered without a job.");
        }
        catch (PlatformException problem) when (problem.Status is >= 400 and < 500 and not 401 and not 403 and not 404)
        {
            FormProblems.Apply(ModelState, problem, ["File", "Mode"], new Dictionary<string, string> { ["file"] = "File", ["mode"] = "Mode" });
            if (problem.Errors.Count == 0)
            {
                // A refused file (type, size, header, empty) belongs next to the file field.
                var message = ModelState[FormProblems.FormKey]?.Errors.LastOrDefault()?.ErrorMessage;
                if (message is not null)
                {
                    ModelState.Remove(FormProblems.FormKey);
                    ModelState.AddModelError("File", message);
                }
            }

            Response.StatusCode = problem.Status;
            return await LoadAsync(id, cancellationToken).ConfigureAwait(false) ? Page() : NotFound();
        }
    }

    /// <summary>Whether the class takes a roster now.</summary>
    public bool TakesRoster => Class.Status == TrainingClassStatus.Finished;

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Class = (await mediator.Send(new GetTrainingClass(id), cancellationToken).ConfigureAwait(false)).Value;
            Uploads = await mediator.Send(new ListRosterUploads(id), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
