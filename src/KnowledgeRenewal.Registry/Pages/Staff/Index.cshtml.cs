using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.UseCases.Export;
using KnowledgeRenewal.Registry.UseCases.Professionals;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Registry.Pages.Staff;

/// <summary>
/// <c>/staff</c> 本单位人员: the professionals the caller may see (employer HR: its staff), searched by name or exact
/// ID number (the API's gate: entitled accounts only, with a purpose, audited), filtered by title level, specialty and
/// status, sorted and paged on the server — <see cref="ListProfessionals"/>, as <c>GET /api/registry/professionals</c>;
/// <c>?handler=export</c> the same filters as xlsx (<see cref="ExportProfessionals"/>).
/// </summary>
[Authorize(Roles = StaffPages.Roles)]
internal sealed class IndexModel(IMediator mediator) : PlatformPageModel
{
    /// <summary>Part of the name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    /// <summary>An exact ID number (only for accounts allowed to look numbers up).</summary>
    [BindProperty(SupportsGet = true)]
    public string? IdNumber { get; set; }

    /// <summary>Why the number is looked up.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Purpose { get; set; }

    /// <summary>Title level (Chinese label).</summary>
    [BindProperty(SupportsGet = true)]
    public string? TitleLevel { get; set; }

    /// <summary>Part of the specialty.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Specialty { get; set; }

    /// <summary>Status (Chinese label).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>The page shown (null when the search was refused).</summary>
    public Paged<ProfessionalView>? Result { get; private set; }

    /// <summary>Why a look-up by ID number was refused, in the person's words.</summary>
    public string? Refusal { get; private set; }

    /// <summary>Whether any filter is set.</summary>
    public bool Filtered => new[] { Name, IdNumber, TitleLevel, Specialty, Status }.Any(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>Loads the list.</summary>
    public async Task OnGetAsync(string? sort, string? dir, [FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        try
        {
            var (ok, result) = await TrySendAsync(
                new ListProfessionals(null, null, null, TitleLevel, Status, Name, IdNumber, Math.Max(page ?? 1, 1), StaffPages.PageSize, Purpose, Specialty, sort, string.Equals(dir, "desc", StringComparison.OrdinalIgnoreCase)),
                cancellationToken).ConfigureAwait(false);
            Result = ok ? result : null;
        }
        catch (PlatformException problem) when (problem.Status is StatusCodes.Status403Forbidden or StatusCodes.Status429TooManyRequests)
        {
            // No permission is no field error (UI guide 4): the page says what the rule is.
            Refusal = problem.Detail is { Length: > 0 } detail ? FormProblems.Humanize(detail) : FormProblems.Humanize(problem.Title);
            Response.StatusCode = problem.Status;
        }
    }

    /// <summary>The list's filters as xlsx (masked, audited).</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var file = await mediator.Send(new ExportProfessionals(null, null, null, TitleLevel, Status, Name), cancellationToken).ConfigureAwait(false);
        return File(file.Content, ImportWorkbooks.XlsxContentType, file.FileName);
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Name), nameof(IdNumber), nameof(Purpose), nameof(TitleLevel), nameof(Specialty), nameof(Status)];
}
