using KnowledgeRenewal.Registry.UseCases.Bases;
using KnowledgeRenewal.Registry.UseCases.Providers;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Registry.Pages.Registry;

/// <summary>
/// <c>/registry/bases/new</c> 认定新基地: the program office designates a registered training provider as a base —
/// <c>POST /api/registry/education-bases</c>'s use case (<see cref="CreateEducationBase"/>), its refusals next to the fields.
/// The providers offered are the first of the registry by name, narrowed by part of the name (<c>?Provider=</c>).
/// </summary>
[Authorize(Policy = PlatformPolicies.ProgramOffice)]
internal sealed class NewBaseModel(IMediator mediator, TimeProvider clock) : RegistryPageModel
{
    private const int Offered = 100;

    /// <summary>The fields.</summary>
    [BindProperty]
    public BaseForm Input { get; set; } = new() { Status = "有效" };

    /// <summary>Part of a provider's name to narrow the choice.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Provider { get; set; }

    /// <summary>The providers to choose from.</summary>
    public IReadOnlyList<SelectListItem> Providers { get; private set; } = [];

    /// <summary>How many providers match (more than offered: narrow by name).</summary>
    public int ProvidersMatching { get; private set; }

    /// <summary>Shows the form.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.DesignatedOn = Day(KnowledgeRenewal.Kernel.Time.ProgramCalendar.Today(clock));
        await LoadProvidersAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Designates the base.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = Input.ToInput(ModelState);
        if (ModelState.IsValid)
        {
            var (ok, created) = await TrySendAsync(new CreateEducationBase(input), cancellationToken).ConfigureAwait(false);
            if (ok)
            {
                return DoneAndRedirect($"/registry/bases/{created!.Value.Id:D}", $"已认定“{created.Value.Name}”为继续教育基地。");
            }
        }

        await LoadProvidersAsync(cancellationToken).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => BaseForm.Fields;

    private async Task LoadProvidersAsync(CancellationToken cancellationToken)
    {
        var page = await mediator.Send(new ListTrainingProviders(null, null, string.IsNullOrWhiteSpace(Provider) ? null : Provider.Trim(), 1, Offered), cancellationToken).ConfigureAwait(false);
        ProvidersMatching = page.Total;
        Providers = [new SelectListItem("请选择", ""), .. page.Items.Where(p => p.IsActive).Select(p => new SelectListItem($"{p.Name}（{RegionName(p.RegionCode)}）", p.Id.ToString()))];
    }
}
