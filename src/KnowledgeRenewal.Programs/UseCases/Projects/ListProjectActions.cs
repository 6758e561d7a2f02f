using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.Projects;

/// <summary>The workflow steps the caller may take on a project now (404 outside the caller's scope).</summary>
/// <param name="Id">The project.</param>
internal sealed record ListProjectActions(Guid Id) : IRequest<IReadOnlyList<ProjectActionOption>>;

/// <summary>A step the caller may take, or will be able to take once a condition is met.</summary>
/// <param name="Action">The action's path segment (<c>approve</c>).</param>
/// <param name="ActionName">The action, in Chinese.</param>
/// <param name="ToStatus">The state it leads to.</param>
/// <param name="ToStatusName">That state, in Chinese.</param>
/// <param name="Open">Whether it can be taken now (with what it needs).</param>
/// <param name="Blocked">Why not yet, in Chinese (a condition of the step: the notice still runs, no expert score yet, own application …).</param>
/// <param name="NeedsComment">A comment (opinion, reason) is required.</param>
/// <param name="NeedsReference">The upstream decision's reference number is required.</param>
/// <param name="NeedsSummary">A completion summary is required (none filed yet).</param>
/// <param name="NeedsScore">An expert's name and score are required.</param>
internal sealed record ProjectActionOption(string Action, string ActionName, ProjectStatus ToStatus, string ToStatusName, bool Open, string? Blocked, bool NeedsComment, bool NeedsReference, bool NeedsSummary, bool NeedsScore);

/// <summary>
/// Handles <see cref="ListProjectActions"/> with <see cref="ProjectWorkflow.Decide"/> — the same decision
/// <see cref="TransitionProject"/> takes — for every step from the current state: steps of another party or role, and
/// steps not for the project's level, are left out; a missing comment, reference number or summary makes the step
/// open with that field required; any other refusal of a step's condition is given as why it is not open yet.
/// Objections are resolved through their own use case (<see cref="ResolveObjection"/>), not listed here.
/// </summary>
internal sealed class ListProjectActionsHandler(PlatformDbContext db, ProjectWriter writer) : IRequestHandler<ListProjectActions, IReadOnlyList<ProjectActionOption>>
{
    private static readonly string[] Hidden =
        [ProjectProblemCodes.TransitionNotAllowed, ProjectProblemCodes.RoleNotAllowed, ProjectProblemCodes.NotResponsible, ProjectProblemCodes.UpstreamLevel, ProjectProblemCodes.MunicipalLevel];

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProjectActionOption>> Handle(ListProjectActions request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw ProjectViews.NotFound(request.Id);
        var facts = await writer.FactsAsync(project, null, null, null, cancellationToken).ConfigureAwait(false);
        var actor = writer.Actor();
        var options = new List<ProjectActionOption>();
        foreach (var step in ProjectWorkflow.Steps.Where(s => s.From == project.Status && s.Action != ProjectAction.UpholdObjection))
        {
            var refusal = ProjectWorkflow.Decide(project, step.Action, actor, facts).Refusal;
            if (refusal is not null && Hidden.Contains(refusal.Code))
            {
                continue;
            }

            var needsComment = refusal?.Code == ProjectProblemCodes.CommentRequired;
            var needsReference = refusal?.Code == ProjectProblemCodes.ReferenceRequired;
            var needsSummary = refusal?.Code == ProjectProblemCodes.SummaryMissing;
            var open = refusal is null || needsComment || needsReference || needsSummary;
            options.Add(new ProjectActionOption(
                ProjectLabels.Slug(step.Action), ProjectLabels.Action(step.Action), step.To, ProjectLabels.Status(step.To),
                open, open ? null : refusal!.Detail, needsComment, needsReference, needsSummary, step.Action == ProjectAction.Score));
        }

        return options;
    }
}
