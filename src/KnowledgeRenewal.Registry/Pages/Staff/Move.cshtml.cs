using System.Globalization;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Registry.UseCases.Professionals;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Registry.Pages.Staff;

/// <summary>
/// <c>/staff/{id}/move</c>: records a move to another employer — <see cref="MoveProfessional"/>, as
/// <c>POST /api/registry/professionals/{id}/move</c>, with the version the page showed as <c>If-Match</c>: the current
/// employment ends the day before, the history stays with the person. The new employer must be one the caller may see.
/// </summary>
[Authorize(Roles = StaffPages.Roles)]
internal sealed class MoveModel(IMediator mediator) : PlatformPageModel
{
    /// <summary>The person (null: not found or not in scope).</summary>
    public ProfessionalView? Person { get; private set; }

    /// <summary>The new employer's credit code.</summary>
    [BindProperty]
    public string? EmployerCreditCode { get; set; }

    /// <summary>First day there (yyyy-MM-dd).</summary>
    [BindProperty]
    public string? StartedOn { get; set; }

    /// <summary>The version shown.</summary>
    [BindProperty]
    public string? Version { get; set; }

    /// <summary>Whether the caller is employer HR (sees only its own employer).</summary>
    public bool IsEmployerHr => User.IsInRole(PlatformRoles.EmployerHr);

    /// <summary>Shows the form.</summary>
    public Task OnGetAsync(Guid id, CancellationToken cancellationToken) => LoadAsync(id, cancellationToken);

    /// <summary>Moves, or shows what to correct.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        DateOnly? started = null;
        if (!string.IsNullOrWhiteSpace(StartedOn))
        {
            if (DateOnly.TryParseExact(StartedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                started = day;
            }
            else
            {
                ModelState.AddModelError(nameof(StartedOn), "调入日期必须是真实日期，例如 2026-03-01");
            }
        }

        if (ModelState.IsValid)
        {
            try
            {
                var (ok, moved) = await TrySendAsync(new MoveProfessional(id, Version, EmployerCreditCode, started), cancellationToken).ConfigureAwait(false);
                if (ok && moved is not null)
                {
                    return DoneAndRedirect($"/staff/{id:D}", $"已办理{moved.Value.Name}的调动。");
                }
            }
            catch (PlatformException problem) when (problem.Status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound)
            {
                ModelState.AddModelError(FormProblems.FormKey, FormProblems.Humanize(problem.Detail ?? problem.Title));
            }
        }

        // The form comes back with the version now stored (after a refusal for a stale version, the message says so).
        await LoadAsync(id, cancellationToken).ConfigureAwait(false);

        Response.StatusCode = Person is null ? StatusCodes.Status404NotFound : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(EmployerCreditCode), nameof(StartedOn)];

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var versioned = await mediator.Send(new GetProfessional(id), cancellationToken).ConfigureAwait(false);
            Person = versioned.Value;
            Version = EntityTag.Format(versioned.Stamp);
        }
        catch (NotFoundException)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
