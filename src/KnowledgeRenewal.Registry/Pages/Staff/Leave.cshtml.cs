using System.Globalization;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.UseCases.Professionals;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Registry.Pages.Staff;

/// <summary>
/// <c>/staff/{id}/leave</c>: records that a person left (离职, 调出本市) or retired — <see cref="RecordLeaving"/>, as
/// <c>POST /api/registry/professionals/{id}/leave</c>, with the version the page showed as <c>If-Match</c> — after a
/// confirmation (employer HR cannot undo it). The open employment ends on the day given; the use case's refusals
/// come back next to the fields.
/// </summary>
[Authorize(Roles = StaffPages.Roles)]
internal sealed class LeaveModel(IMediator mediator) : PlatformPageModel
{
    /// <summary>The person (null: not found or not in scope).</summary>
    public ProfessionalView? Person { get; private set; }

    /// <summary>How the person leaves: <see cref="ProfessionalStatus.Left"/> or <see cref="ProfessionalStatus.Retired"/>.</summary>
    [BindProperty]
    public string? Status { get; set; }

    /// <summary>The last day in post (yyyy-MM-dd).</summary>
    [BindProperty]
    public string? LeftOn { get; set; }

    /// <summary>The version shown.</summary>
    [BindProperty]
    public string? Version { get; set; }

    /// <summary>Whether the person confirmed.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>Whether the page asks for the confirmation.</summary>
    public bool Confirming { get; private set; }

    /// <summary>The ways of leaving offered.</summary>
    public static IReadOnlyList<SelectListItem> Ways { get; } =
    [
        new("请选择", ""),
        new("离职（含调出本市）", nameof(ProfessionalStatus.Left)),
        new("退休", nameof(ProfessionalStatus.Retired)),
    ];

    /// <summary>The chosen way in words.</summary>
    public string WayLabel => Enum.TryParse<ProfessionalStatus>(Status, out var s) ? StaffPages.Label(s) : "--";

    /// <summary>Whether the caller is employer HR (who cannot undo a leaving).</summary>
    public bool IsEmployerHr => User.IsInRole(PlatformRoles.EmployerHr);

    /// <summary>Shows the form.</summary>
    public Task OnGetAsync(Guid id, CancellationToken cancellationToken) => LoadAsync(id, cancellationToken);

    /// <summary>Asks for the confirmation, then records the leaving, or shows what to correct.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        ProfessionalStatus? status = Enum.TryParse<ProfessionalStatus>(Status, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        if (status is null)
        {
            ModelState.AddModelError(nameof(Status), "请选择离开方式");
        }

        DateOnly? leftOn = null;
        if (string.IsNullOrWhiteSpace(LeftOn))
        {
            ModelState.AddModelError(nameof(LeftOn), "请输入离开日期");
        }
        else if (DateOnly.TryParseExact(LeftOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            leftOn = day;
        }
        else
        {
            ModelState.AddModelError(nameof(LeftOn), "离开日期必须是真实日期，例如 2026-03-01");
        }

        if (ModelState.IsValid && !Confirmed)
        {
            await LoadAsync(id, cancellationToken, keepVersion: true).ConfigureAwait(false);
            Confirming = Person is not null;
            return Page();
        }

        if (ModelState.IsValid)
        {
            try
            {
                var (ok, left) = await TrySendAsync(new RecordLeaving(id, Version, status, leftOn), cancellationToken).ConfigureAwait(false);
                if (ok && left is not null)
                {
                    return DoneAndRedirect($"/staff/{id:D}", $"已办理{left.Value.Name}的{StaffPages.Label(left.Value.Status)}，任职至 {leftOn:yyyy-MM-dd}。");
                }
            }
            catch (PlatformException problem) when (problem.Status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound)
            {
                ModelState.AddModelError(FormProblems.FormKey, FormProblems.Humanize(problem.Detail ?? problem.Title));
            }
        }

        await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        Response.StatusCode = Person is null ? StatusCodes.Status404NotFound : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Status), nameof(LeftOn)];

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken, bool keepVersion = false)
    {
        try
        {
            var versioned = await mediator.Send(new GetProfessional(id), cancellationToken).ConfigureAwait(false);
            Person = versioned.Value;
            if (!keepVersion || string.IsNullOrEmpty(Version))
            {
                Version = EntityTag.Format(versioned.Stamp);
            }
        }
        catch (NotFoundException)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
