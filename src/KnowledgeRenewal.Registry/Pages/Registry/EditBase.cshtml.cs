using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.UseCases.Bases;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Registry.Pages.Registry;

/// <summary>
/// <c>/registry/bases/{id}/edit</c>: the program office changes a designation's status (有效、整改考核中、已撤销) and its
/// name, level and date — <c>PUT /api/registry/education-bases/{id}</c>'s use case (<see cref="UpdateEducationBase"/>)
/// with the version shown; a revocation is confirmed first.
/// </summary>
[Authorize(Policy = PlatformPolicies.ProgramOffice)]
internal sealed class EditBaseModel(IMediator mediator) : RegistryPageModel
{
    /// <summary>The designation as read.</summary>
    public EducationBaseView Base { get; private set; } = null!;

    /// <summary>The fields.</summary>
    [BindProperty]
    public BaseForm Input { get; set; } = new();

    /// <summary>The version shown (If-Match).</summary>
    [BindProperty]
    public string Version { get; set; } = "";

    /// <summary>Whether a revocation was confirmed.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>Whether the page asks to confirm a revocation.</summary>
    public bool ConfirmingRevocation { get; private set; }

    /// <summary>Shows the form.</summary>
    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await mediator.Send(new GetEducationBase(id), cancellationToken).ConfigureAwait(false);
        Base = found.Value;
        Input = BaseForm.Of(Base);
        Version = EntityTag.Format(found.Stamp);
    }

    /// <summary>Saves the change (a revocation after a confirmation).</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Base = (await mediator.Send(new GetEducationBase(id), cancellationToken).ConfigureAwait(false)).Value;
        var input = Input.ToInput(ModelState);
        var revoking = RegistryLabels.TryParse(ProviderLabels.Statuses, Input.Status, out var status) && status == BaseStatus.Revoked && Base.Status != BaseStatus.Revoked;
        if (ModelState.IsValid && revoking && !Confirmed)
        {
            ConfirmingRevocation = true;
            return Page();
        }

        if (ModelState.IsValid)
        {
            var (ok, saved) = await TrySendAsync(new UpdateEducationBase(id, Version, input), cancellationToken).ConfigureAwait(false);
            if (ok)
            {
                return DoneAndRedirect($"/registry/bases/{id:D}", $"已保存，基地状态为“{ProviderLabels.Statuses[saved!.Value.Status]}”。");
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => BaseForm.Fields;
}
