using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Programs.UseCases.DigitalEngineers;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Programs.Pages.Digital;

/// <summary>
/// <c>/digital/institutions/{id}/edit</c> (program office): a catalog entry's validity and fields and levels, changed
/// with <c>PUT /api/digital-engineers/institutions/{id}</c>'s use case (<see cref="UpdateInstitution"/>) and the
/// version the page showed as <c>If-Match</c> (someone else's change in between: 412, said on the page).
/// </summary>
[Authorize(Roles = InstitutionsModel.WriterRoles)]
internal sealed class EditInstitutionModel(IMediator mediator) : DigitalPageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public InstitutionForm Input { get; set; } = new();

    /// <summary>The entry as read.</summary>
    public InstitutionView Institution { get; private set; } = null!;

    /// <summary>Shows the form with the entry's values.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken).ConfigureAwait(false) is not { } read)
        {
            return NotFound();
        }

        Input.Version = EntityTag.Format(read.Stamp);
        Input.ValidFrom = Day(Institution.ValidFrom);
        Input.ValidTo = Day(Institution.ValidTo);
        Input.Scopes = [.. Institution.Scopes.Select(s => $"{s.Field}:{s.Level}")];
        return Page();
    }

    /// <summary>Saves the change, or shows what is wrong.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var from = Date(Input.ValidFrom, "Input.ValidFrom", "有效期起", ModelState);
        var to = Date(Input.ValidTo, "Input.ValidTo", "有效期止", ModelState);
        var body = new InstitutionBody(null, null, from, to, Input.ScopeBodies());
        var (ok, saved) = await TrySendAsync(new UpdateInstitution(id, Input.Version, body), cancellationToken, InstitutionForm.Fields).ConfigureAwait(false);
        if (ok && ModelState.IsValid)
        {
            return DoneAndRedirect($"/digital/institutions/{id:D}", $"已修改“{saved!.Value.OrganizationName}”的有效期和领域。");
        }

        if (ok)
        {
            return BadRequest();
        }

        InstitutionForm.MoveScopeErrors(ModelState);
        KeepFirstErrors();
        if (await LoadAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => ["Input.ValidFrom", "Input.ValidTo", "Input.Scopes"];

    private async Task<Versioned<InstitutionView>?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var read = await mediator.Send(new GetInstitution(id), cancellationToken).ConfigureAwait(false);
            Institution = read.Value;
            return read;
        }
        catch (PlatformException problem) when (problem.Status == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }
}
