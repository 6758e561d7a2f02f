using System.Security.Claims;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Filings;
using KnowledgeRenewal.Supervision.UseCases.Filings;
using MediatR;

namespace KnowledgeRenewal.Supervision.Pages.Filings;

/// <summary>
/// The filing's workbench card (<see cref="ListFilings"/> of this year): a base's staff see their base's state and the
/// due date; the program office and counties the bases waiting for a decision and those flagged. Nothing for a
/// provider that is no base.
/// </summary>
internal sealed class FilingWorkbenchSection(IMediator mediator) : IWorkbenchSection
{
    /// <inheritdoc />
    public int Order => 140;

    /// <inheritdoc />
    public bool AppliesTo(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return FilingRules.Readers.Any(user.IsInRole);
    }

    /// <inheritdoc />
    public async Task<WorkbenchCard?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var list = await mediator.Send(new ListFilings(null), cancellationToken).ConfigureAwait(false);
        if (list.Rows.Count == 0)
        {
            return null;
        }

        var due = PlatformPageModel.Day(list.DueOn);
        if (user.IsInRole(PlatformRoles.ProviderStaff))
        {
            var row = list.Rows[0];
            var tone = FilingCalendar.Flagged(row.State) ? WorkbenchTone.Warning : row.State == FilingState.Accepted ? WorkbenchTone.Good : row.State == FilingState.NotStarted ? WorkbenchTone.ToDo : WorkbenchTone.Normal;
            var href = row.FilingId is { } id && row.State != FilingState.Returned ? $"/filings/{id}" : $"/filings/{list.Year}/submit";
            var note = row.State switch
            {
                FilingState.NotStarted => $"请在 {due} 前报送本年度计划执行情况和下一年度培训计划。",
                FilingState.Missing => $"截止日 {due} 已过，请尽快报送。",
                FilingState.Returned => "市项目办退回了报送，请修改后重新报送。",
                _ => null,
            };
            return new WorkbenchCard("基地年度报送", [new WorkbenchItem($"{list.Year} 年度报送", row.StateName + (row.Late ? "（逾期报送）" : ""), href, tone, note)], "/filings", "查看年度报送");
        }

        var waiting = list.Rows.Count(r => r.State == FilingState.Submitted);
        var missing = list.Rows.Count(r => r.State == FilingState.Missing);
        var items = new List<WorkbenchItem>
        {
            new("待审核的基地报送", $"{waiting} 份", $"/filings?year={list.Year}", waiting > 0 ? WorkbenchTone.ToDo : WorkbenchTone.Good),
            new("逾期未报送的基地", $"{missing} 个", $"/filings?year={list.Year}", missing > 0 ? WorkbenchTone.Warning : WorkbenchTone.Good, $"截止日 {due}"),
        };
        return new WorkbenchCard($"{list.Year} 年度基地报送", items, "/filings", "查看年度报送");
    }
}
