using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Bases;
using KnowledgeRenewal.Supervision.UseCases.Bases;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Supervision.Pages.Supervision;

/// <summary>
/// <c>/supervision/bases/{id}</c>: a base's designations, status history and assessments (<see cref="GetBaseSupervision"/>);
/// the program office changes its status with a reason (<see cref="ChangeBaseStatus"/>; a revocation confirmed first)
/// and assesses a year (<see cref="AssessBase"/>) — the same requests as the API.
/// </summary>
[Authorize(Roles = BaseAccess.ReaderRoles)]
internal sealed class ShowModel(IMediator mediator, TimeProvider clock) : BasePageModel
{
    /// <summary>The base.</summary>
    public BaseSupervisionView? Base { get; private set; }

    /// <summary>The version read.</summary>
    [BindProperty]
    public string Version { get; set; } = "";

    /// <summary>The new status.</summary>
    [BindProperty]
    public BaseStatus? NewStatus { get; set; }

    /// <summary>Why.</summary>
    [BindProperty]
    [DataType(DataType.MultilineText)]
    public string? Reason { get; set; }

    /// <summary>Whether the revocation was confirmed.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>The year to assess.</summary>
    [BindProperty]
    public int AssessYear { get; set; }

    /// <summary>The assessor's note.</summary>
    [BindProperty]
    [DataType(DataType.MultilineText)]
    public string? Note { get; set; }

    /// <summary>Whether the page asks to confirm a revocation.</summary>
    public bool Confirming { get; private set; }

    /// <summary>The current year.</summary>
    public int ThisYear { get; private set; }

    /// <summary>The statuses the base may go to now.</summary>
    public IEnumerable<SelectListItem> NextStatuses => Base is null ? [] :
        [new("请选择", ""), .. Enum.GetValues<BaseStatus>().Where(s => BaseStatusRules.Allowed(Base.Status, s)).Select(s => new SelectListItem(StatusText(s), s.ToString()))];

    /// <summary>Years that can be assessed.</summary>
    public IEnumerable<SelectListItem> AssessYears => Years(ThisYear).Select(y => new SelectListItem($"{y} 年度", y.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Shows the base.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, keepVersion: false, cancellationToken).ConfigureAwait(false) ? Page() : NotFound();

    /// <summary>Changes the status (a revocation after a confirmation).</summary>
    public async Task<IActionResult> OnPostStatusAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!IsOffice)
        {
            return Forbid();
        }

        if (NewStatus == BaseStatus.Revoked && !Confirmed && !string.IsNullOrWhiteSpace(Reason))
        {
            Confirming = true;
            return await LoadAsync(id, keepVersion: true, cancellationToken).ConfigureAwait(false) ? Page() : NotFound();
        }

        var (ok, _) = await TrySendAsync(new ChangeBaseStatus(id, Version, new BaseStatusInput(NewStatus, Reason)), cancellationToken).ConfigureAwait(false);
        if (ok)
        {
            return DoneAndRedirect($"/supervision/bases/{id}", $"基地状态已变更为“{StatusText(NewStatus!.Value)}”。");
        }

        return await AgainAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Assesses a year.</summary>
    public async Task<IActionResult> OnPostAssessAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!IsOffice)
        {
            return Forbid();
        }

        var (ok, assessment) = await TrySendAsync(new AssessBase(id, AssessYear, new AssessInput(Note)), cancellationToken).ConfigureAwait(false);
        if (ok)
        {
            var result = $"{assessment!.Year} 年度考核完成：{Number(assessment.Score)} 分，{(assessment.Passed ? "合格" : "不合格")}（考核办法第 {assessment.MethodVersion} 版）。";
            return DoneAndRedirect($"/supervision/bases/{id}", assessment.ProposedExit ? result + "该基地连续两年不合格，建议退出。" : result);
        }

        return await AgainAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(NewStatus), nameof(Reason), nameof(AssessYear), nameof(Note)];

    private async Task<IActionResult> AgainAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, keepVersion: true, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, bool keepVersion, CancellationToken cancellationToken)
    {
        ThisYear = ProgramCalendar.Today(clock).Year;
        if (AssessYear == 0)
        {
            AssessYear = Math.Min(ThisYear, ProgramPeriod.LastYear);
        }

        try
        {
            var versioned = await mediator.Send(new GetBaseSupervision(id), cancellationToken).ConfigureAwait(false);
            Base = versioned.Value;
            if (!keepVersion || string.IsNullOrEmpty(Version))
            {
                Version = EntityTag.Format(versioned.Stamp);
            }

            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
