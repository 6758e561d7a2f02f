using System.Security.Claims;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.UseCases.Complaints;
using MediatR;

namespace KnowledgeRenewal.Supervision.Pages.Complaints;

/// <summary>
/// The complaints card: for the program office the complaints waiting to be assigned and every overdue one (escalated);
/// for a county bureau or line department the complaints assigned to it and those past their deadline — the rows
/// <see cref="ListComplaints"/> lists, counted in one query (<see cref="CountComplaints"/>).
/// </summary>
internal sealed class ComplaintsWorkbenchSection(IMediator mediator) : IWorkbenchSection
{
    /// <inheritdoc />
    public int Order => 112;

    /// <inheritdoc />
    public bool AppliesTo(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return ComplaintAccess.Readers.Any(user.IsInRole);
    }

    /// <inheritdoc />
    public async Task<WorkbenchCard?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var office = user.IsInRole(PlatformRoles.ProgramOfficeAdmin);
        var counts = await mediator.Send(new CountComplaints(), cancellationToken).ConfigureAwait(false);
        var waiting = office ? counts.Received : counts.Assigned;
        var overdue = counts.Overdue;
        var items = new List<WorkbenchItem>
        {
            office
                ? new("待分派的投诉", $"{waiting} 件", "/supervision/complaints?Status=Received", waiting > 0 ? WorkbenchTone.ToDo : WorkbenchTone.Good,
                    waiting > 0 ? "分派给县市区或行业主管部门办理，或转办。" : null)
                : new("交由本单位办理的投诉", $"{waiting} 件", "/supervision/complaints?Status=Assigned", waiting > 0 ? WorkbenchTone.ToDo : WorkbenchTone.Good,
                    waiting > 0 ? "调查后填写结论和答复，办结投诉。" : null),
            new("逾期未办的投诉", $"{overdue} 件", "/supervision/complaints?Overdue=true", overdue > 0 ? WorkbenchTone.Warning : WorkbenchTone.Good,
                overdue > 0 ? (office ? "已超过分派或办结期限，请督办。" : "已超过办结期限，市项目办可以看到，请尽快办结。") : null),
        };
        return new WorkbenchCard("投诉办理", items, "/supervision/complaints", "查看全部投诉");
    }
}
