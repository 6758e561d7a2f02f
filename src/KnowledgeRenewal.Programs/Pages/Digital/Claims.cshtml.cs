using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.DigitalEngineers;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Programs.Pages.Digital;

/// <summary>
/// <c>/digital/claims</c> 补贴申领审核: the vocational-training subsidy claims within the caller's scope (the program
/// office: all; a county bureau: its county's), filtered by status, training institution and year in the address,
/// newest first — <c>GET /api/digital-engineers/subsidy-claims</c>'s use case (<see cref="ListSubsidyClaims"/>). For
/// those who decide and pay claims, as the API's decision and payment.
/// </summary>
[Authorize(Roles = ApproverRoles)]
internal sealed class ClaimsModel(IMediator mediator) : DigitalPageModel
{
    /// <summary>Who decides and pays claims, as <c>POST …/subsidy-claims/{id}/decision</c>: <see cref="DigitalEngineerAccess.Approvers"/>.</summary>
    public const string ApproverRoles = PlatformRoles.CountyAdmin + "," + PlatformRoles.ProgramOfficeAdmin;

    private const int PageSize = 20;

    /// <summary>The status filter (enum name).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>The training institution filter (catalog entry id).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Institution { get; set; }

    /// <summary>The year filter (filed).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    /// <summary>The page of claims (null when a filter was refused).</summary>
    public Paged<SubsidyClaimView>? Claims { get; private set; }

    /// <summary>The training institutions, for the filter.</summary>
    public IReadOnlyList<InstitutionView> Trainers { get; private set; } = [];

    /// <summary>Whether any filter is set.</summary>
    public bool Filtered => !string.IsNullOrEmpty(Status) || !string.IsNullOrEmpty(Institution) || !string.IsNullOrEmpty(Year);

    /// <summary>The status choices.</summary>
    public static IEnumerable<SelectListItem> Statuses =>
        [new("全部", ""), .. Enum.GetValues<SubsidyClaimStatus>().Select(s => new SelectListItem(DigitalEngineerRules.StatusName(s), s.ToString()))];

    /// <summary>The institution choices.</summary>
    public IEnumerable<SelectListItem> TrainerChoices => [new("全部", ""), .. Trainers.Select(t => new SelectListItem(t.OrganizationName, t.Id.ToString("D")))];

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        Trainers = await mediator.Send(new ListInstitutions(nameof(InstitutionKind.Training), null, null, null), cancellationToken).ConfigureAwait(false);
        var year = Whole(Year, nameof(Year), "年度必须是 4 位数字的年份，例如 2026", ModelState);
        Guid? institution = null;
        if (!string.IsNullOrEmpty(Institution))
        {
            if (Guid.TryParse(Institution, out var id) && Trainers.Any(t => t.Id == id))
            {
                institution = id;
            }
            else
            {
                ModelState.AddModelError(nameof(Institution), "请从列表中选择培训机构");
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var (ok, result) = await TrySendAsync(new ListSubsidyClaims(Status, Math.Max(1, pageNumber ?? 1), PageSize, institution, year), cancellationToken).ConfigureAwait(false);
        Claims = ok ? result : null;
        if (!ok)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Status), nameof(Institution), nameof(Year)];
}
