using System.Security.Claims;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Supervision.UseCases.Funding;
using MediatR;

namespace KnowledgeRenewal.Supervision.Pages.Funding;

/// <summary>The funding card of the program office, counties and departments: flagged spending lines waiting for an explanation, counted in one query (<see cref="CountOpenSpendingIssues"/>).</summary>
internal sealed class FundingWorkbenchSection(IMediator mediator) : IWorkbenchSection
{
    /// <inheritdoc />
    public int Order => 113;

    /// <inheritdoc />
    public bool AppliesTo(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return FundingAccess.FlagReaders.Any(user.IsInRole);
    }

    /// <inheritdoc />
    public async Task<WorkbenchCard?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var open = await mediator.Send(new CountOpenSpendingIssues(), cancellationToken).ConfigureAwait(false);
        return new WorkbenchCard("项目经费",
            [new("待核实的经费疑点", $"{open} 条", "/supervision/funding/flags", open > 0 ? WorkbenchTone.Warning : WorkbenchTone.Good,
                open > 0 ? "超范围、超预算或项目结束后的支出，请核实后说明。" : null)],
            "/supervision/funding", "查看项目经费");
    }
}
