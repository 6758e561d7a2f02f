using KnowledgeRenewal.Programs.UseCases.DigitalEngineers;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Programs.Pages.Digital;

/// <summary>
/// <c>/digital/institutions/new</c> 列入新机构 (program office): a training provider or education base not in the
/// catalog yet (<see cref="ListCatalogCandidates"/>) listed as a training or evaluation institution for a validity
/// period and the fields and levels ticked — <c>POST /api/digital-engineers/institutions</c>'s use case
/// (<see cref="ListInstitution"/>), its refusals next to the fields.
/// </summary>
[Authorize(Roles = InstitutionsModel.WriterRoles)]
internal sealed class NewInstitutionModel(IMediator mediator) : DigitalPageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public InstitutionForm Input { get; set; } = new();

    /// <summary>The organizations that may be listed.</summary>
    public IReadOnlyList<CatalogCandidate> Candidates { get; private set; } = [];

    /// <summary>The organization choices.</summary>
    public IEnumerable<SelectListItem> Organizations => [new("请选择", ""), .. Candidates.Select(c => new SelectListItem($"{c.Name}（{c.TypeName}）", c.Id.ToString("D")))];

    /// <summary>Shows the form.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Candidates = await mediator.Send(new ListCatalogCandidates(), cancellationToken).ConfigureAwait(false);

    /// <summary>Lists the organization, or shows what is wrong.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Guid? organization = Guid.TryParse(Input.Organization, out var id) ? id : null;
        var from = Date(Input.ValidFrom, "Input.ValidFrom", "有效期起", ModelState);
        var to = Date(Input.ValidTo, "Input.ValidTo", "有效期止", ModelState);
        var body = new InstitutionBody(organization, Input.Kind, from, to, Input.ScopeBodies());
        var (ok, created) = await TrySendAsync(new ListInstitution(body), cancellationToken, InstitutionForm.Fields).ConfigureAwait(false);
        if (ok && ModelState.IsValid)
        {
            return DoneAndRedirect($"/digital/institutions/{created!.Value.Id:D}", $"已将“{created.Value.OrganizationName}”列为{created.Value.KindName}。");
        }

        if (ok)
        {
            // Cannot happen: a date the page could not read is sent empty and refused by the use case.
            return BadRequest();
        }

        InstitutionForm.MoveScopeErrors(ModelState);
        KeepFirstErrors();
        Candidates = await mediator.Send(new ListCatalogCandidates(), cancellationToken).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => ["Input.Organization", "Input.Kind", "Input.ValidFrom", "Input.ValidTo", "Input.Scopes"];
}
