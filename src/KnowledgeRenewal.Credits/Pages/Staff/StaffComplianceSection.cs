using System.Globalization;
using System.Security.Claims;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Credits.UseCases.Declarations;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Credits.Pages.Staff;

/// <summary>
/// The employer's card on the workbench: staff not yet meeting this year's requirement (<see cref="GetComplianceSummary"/>)
/// and declarations awaiting the employer's review (<see cref="ListDeclarations"/>) — the same use cases and scope as the API.
/// </summary>
internal sealed class StaffComplianceSection(IMediator mediator) : IWorkbenchSection
{
    /// <inheritdoc />
    public int Order => 200;

    /// <inheritdoc />
    public bool AppliesTo(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(PlatformRoles.EmployerHr);
    }

    /// <inheritdoc />
    public async Task<WorkbenchCard?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var summary = await mediator.Send(new GetComplianceSummary(null, SummaryGrouping.Employer), cancellationToken).ConfigureAwait(false);
        var awaiting = await mediator.Send(new ListDeclarations(null, null, null, AwaitingMe: true, Page: 1, PageSize: 1), cancellationToken).ConfigureAwait(false);
        var short_ = summary.Total.InProgress + summary.Total.NotMet;
        return new WorkbenchCard(
            $"本单位学时（{summary.Year.ToString(CultureInfo.InvariantCulture)} 年度）",
            [
                new WorkbenchItem("尚未达标的人员", $"{Count(short_)} 人", "/staff/compliance", short_ > 0 ? WorkbenchTone.Warning : WorkbenchTone.Good,
                    $"共 {Count(summary.Total.People)} 人，已达标 {Count(summary.Total.Met)} 人"),
                new WorkbenchItem("待单位审核的学时申报", $"{Count(awaiting.Total)} 条", "/declarations?awaitingMe=true", awaiting.Total > 0 ? WorkbenchTone.ToDo : WorkbenchTone.Normal),
            ],
            "/staff/compliance",
            "查看学时达标情况");
    }

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
