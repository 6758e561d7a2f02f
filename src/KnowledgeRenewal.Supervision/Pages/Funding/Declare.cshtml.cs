using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Supervision.Domain.Funding;
using KnowledgeRenewal.Supervision.UseCases.Funding;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Supervision.Pages.Funding;

/// <summary>
/// <c>/supervision/funding/fees/declare</c>: a base's staff declare a fee standard with its cost per trainee by item
/// (<see cref="DeclareFeeStandard"/>, as <c>POST /api/supervision/funding/fee-standards</c>); with <c>?id=</c> a returned
/// standard is corrected and declared again (its version as If-Match; the program office may do so for the base). A fee
/// above the cost is refused with the message next to the fee.
/// </summary>
[Authorize(Roles = FeeAccess.DeclarerRoles)]
internal sealed class DeclareModel(IMediator mediator) : FundingPageModel
{
    private const string AmountMessage = "金额应在 0 至 10 万元之间。";

    /// <summary>The returned standard being corrected, if any.</summary>
    public FeeStandardView? Returned { get; private set; }

    /// <summary>The version read (when correcting).</summary>
    [BindProperty]
    public string? Version { get; set; }

    /// <summary>The year.</summary>
    [BindProperty]
    public int? Year { get; set; }

    /// <summary>The training kind.</summary>
    [BindProperty]
    public FeeTrainingKind? Kind { get; set; }

    /// <summary>The fee per trainee in yuan.</summary>
    [BindProperty]
    [Range(typeof(decimal), "0", "100000", ErrorMessage = AmountMessage)]
    public decimal? FeeYuan { get; set; }

    /// <summary>Teaching per trainee in yuan.</summary>
    [BindProperty]
    [Range(typeof(decimal), "0", "100000", ErrorMessage = AmountMessage)]
    public decimal? TeachingYuan { get; set; }

    /// <summary>Materials per trainee in yuan.</summary>
    [BindProperty]
    [Range(typeof(decimal), "0", "100000", ErrorMessage = AmountMessage)]
    public decimal? MaterialsYuan { get; set; }

    /// <summary>Venue per trainee in yuan.</summary>
    [BindProperty]
    [Range(typeof(decimal), "0", "100000", ErrorMessage = AmountMessage)]
    public decimal? VenueYuan { get; set; }

    /// <summary>Board and lodging per trainee in yuan.</summary>
    [BindProperty]
    [Range(typeof(decimal), "0", "100000", ErrorMessage = AmountMessage)]
    public decimal? AccommodationYuan { get; set; }

    /// <summary>Organization per trainee in yuan.</summary>
    [BindProperty]
    [Range(typeof(decimal), "0", "100000", ErrorMessage = AmountMessage)]
    public decimal? OrganizationYuan { get; set; }

    /// <summary>Other costs per trainee in yuan.</summary>
    [BindProperty]
    [Range(typeof(decimal), "0", "100000", ErrorMessage = AmountMessage)]
    public decimal? OtherYuan { get; set; }

    /// <summary>How the costs were calculated.</summary>
    [BindProperty]
    [DataType(DataType.MultilineText)]
    public string? Note { get; set; }

    /// <summary>The kinds.</summary>
    public static IEnumerable<SelectListItem> Kinds =>
        [new("请选择", ""), .. Enum.GetValues<FeeTrainingKind>().Select(k => new SelectListItem(FeeRules.KindName(k), k.ToString()))];

    /// <summary>Shows the form (prefilled with a returned standard).</summary>
    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is { } returned)
        {
            var versioned = await mediator.Send(new GetFeeStandard(returned), cancellationToken).ConfigureAwait(false);
            var s = versioned.Value;
            if (!s.MayRedeclare)
            {
                return Redirect($"/supervision/funding/fees/{s.Id}");
            }

            Returned = s;
            Version = EntityTag.Format(versioned.Stamp);
            (Year, Kind, FeeYuan, TeachingYuan, MaterialsYuan, VenueYuan, AccommodationYuan, OrganizationYuan, OtherYuan, Note) =
                (s.Year, s.Kind, s.FeeFen / 100m, s.TeachingFen / 100m, s.MaterialsFen / 100m, s.VenueFen / 100m, s.AccommodationFen / 100m, s.OrganizationFen / 100m, s.OtherFen / 100m, s.Note);
        }
        else
        {
            Year = DateTime.UtcNow.Year;
        }

        return Page();
    }

    /// <summary>Declares.</summary>
    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is { } returned)
        {
            Returned = (await mediator.Send(new GetFeeStandard(returned), cancellationToken).ConfigureAwait(false)).Value;
        }

        if (ModelState.IsValid)
        {
            var input = new FeeStandardInput
            {
                BaseId = Returned?.BaseId, Year = Returned?.Year ?? Year, Kind = Returned?.Kind ?? Kind,
                FeeFen = Fen(FeeYuan), TeachingFen = Fen(TeachingYuan), MaterialsFen = Fen(MaterialsYuan), VenueFen = Fen(VenueYuan),
                AccommodationFen = Fen(AccommodationYuan), OrganizationFen = Fen(OrganizationYuan), OtherFen = Fen(OtherYuan), Note = Note,
            };
            var (ok, result) = await TrySendAsync(new DeclareFeeStandard(Returned is null ? null : Version, input), cancellationToken, new Dictionary<string, string>
            {
                ["year"] = nameof(Year), ["kind"] = nameof(Kind), ["feeFen"] = nameof(FeeYuan), ["teachingFen"] = nameof(TeachingYuan), ["materialsFen"] = nameof(MaterialsYuan),
                ["venueFen"] = nameof(VenueYuan), ["accommodationFen"] = nameof(AccommodationYuan), ["organizationFen"] = nameof(OrganizationYuan), ["otherFen"] = nameof(OtherYuan), ["note"] = nameof(Note),
            }).ConfigureAwait(false);
            if (ok)
            {
                var s = result.Standard.Value;
                return DoneAndRedirect($"/supervision/funding/fees/{s.Id}", $"已申报 {s.Year} 年度{s.KindName}收费标准每人 {Yuan(s.FeeFen)} 元，等待市项目办审核。");
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() =>
        [nameof(Year), nameof(Kind), nameof(FeeYuan), nameof(TeachingYuan), nameof(MaterialsYuan), nameof(VenueYuan), nameof(AccommodationYuan), nameof(OrganizationYuan), nameof(OtherYuan), nameof(Note)];

    private static long? Fen(decimal? yuan) => yuan is { } y ? (long)Math.Round(y * 100m) : null;
}
