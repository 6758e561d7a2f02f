using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.UseCases.Complaints;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Supervision.Pages.Complaints;

/// <summary>
/// <c>/supervision/complaints</c>: the complaints of the caller's scope (<see cref="ListComplaints"/>, as
/// <c>GET /api/complaints</c>) — the program office all, a county bureau or line department those assigned to it —
/// open ones by deadline with the overdue ones (escalated) marked; filters state, kind and 逾期 in the address, paged.
/// </summary>
[Authorize(Roles = Roles)]
internal sealed class IndexModel : PlatformPageModel
{
    /// <summary>Who reads complaints.</summary>
    public const string Roles = PlatformRoles.ProgramOfficeAdmin + "," + PlatformRoles.CountyAdmin + "," + PlatformRoles.DepartmentAdmin;

    /// <summary>State filter.</summary>
    [BindProperty(SupportsGet = true)]
    public ComplaintStatus? Status { get; set; }

    /// <summary>Kind filter.</summary>
    [BindProperty(SupportsGet = true)]
    public SupervisedObjectKind? Kind { get; set; }

    /// <summary>Only overdue.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    /// <summary>The page of complaints.</summary>
    public Paged<ComplaintView>? Complaints { get; private set; }

    /// <summary>Whether the caller is the program office.</summary>
    public bool IsProgramOffice => User.IsInRole(PlatformRoles.ProgramOfficeAdmin);

    /// <summary>Whether any filter is set.</summary>
    public bool Filtered => Status is not null || Kind is not null || Overdue;

    /// <summary>The states.</summary>
    public static IEnumerable<SelectListItem> Statuses =>
        [new("全部", ""), .. Enum.GetValues<ComplaintStatus>().Select(s => new SelectListItem(ComplaintLabels.Status(s), s.ToString()))];

    /// <summary>The kinds.</summary>
    public static IEnumerable<SelectListItem> Kinds =>
        [new("全部", ""), .. Enum.GetValues<SupervisedObjectKind>().Select(k => new SelectListItem(ComplaintLabels.Kind(k), k.ToString()))];

    /// <summary>Lists.</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var (ok, result) = await TrySendAsync(new ListComplaints(Status, Overdue, Kind, Math.Max(1, pageNumber ?? 1), 20), cancellationToken).ConfigureAwait(false);
        Complaints = ok ? result : null;
        if (!ok)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Status), nameof(Kind), nameof(Overdue)];
}
