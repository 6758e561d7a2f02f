using System.Security.Claims;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.Pages.Office;
using KnowledgeRenewal.Programs.UseCases.Projects;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Programs.Pages.Reviews;

/// <summary>
/// The program office's card on the workbench: what waits at each step of its review queue (counted with
/// <see cref="CountProjectsByStatus"/>, as <c>GET /api/projects/counts</c>) and how many projects are overdue
/// (<see cref="ListOverdueProjects"/>, the rule of <c>GET /api/projects/overdue</c>), each linking to the queue.
/// </summary>
internal sealed class ProgramOfficeSection(IMediator mediator) : IWorkbenchSection
{
    /// <inheritdoc />
    public int Order => 100;

    /// <inheritdoc />
    public bool AppliesTo(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(PlatformRoles.ProgramOfficeAdmin);
    }

    /// <inheritdoc />
    public async Task<WorkbenchCard?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var counts = (await mediator.Send(new CountProjectsByStatus(), cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Status, c => c.Count);
        var overdue = await mediator.Send(new ListOverdueProjects(), cancellationToken).ConfigureAwait(false);
        var items = new List<WorkbenchItem>
        {
            new("逾期未办的项目", $"{overdue.Count} 个", "/office/projects?Overdue=true", overdue.Count > 0 ? WorkbenchTone.Warning : WorkbenchTone.Good,
                overdue.Count > 0 ? $"最久已逾期 {overdue.Max(o => o.WorkingDaysOverdue)} 个工作日。" : null),
        };
        foreach (var step in OfficePageModel.QueueSteps)
        {
            var count = counts.GetValueOrDefault(step.Status);
            var late = overdue.Count(o => o.Status == step.Status);
            var todo = step.Status != ProjectStatus.PublicNotice;
            items.Add(new WorkbenchItem($"{step.Label}：{step.ToDo}", $"{count} 个", $"/office/projects?Step={step.Status}",
                late > 0 ? WorkbenchTone.Warning : count > 0 && todo ? WorkbenchTone.ToDo : WorkbenchTone.Normal,
                late > 0 ? $"其中 {late} 个已逾期。" : null));
        }

        return new WorkbenchCard("项目审批", items, "/office/projects", "进入项目审批");
    }
}
