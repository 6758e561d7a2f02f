using System.Security.Claims;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.UseCases.Evaluations;
using MediatR;

namespace KnowledgeRenewal.Supervision.Pages.My;

/// <summary>The professional's card: finished classes waiting for their evaluation (<see cref="ListMyClassesToRate"/>).</summary>
internal sealed class MyEvaluationsSection(IMediator mediator) : IWorkbenchSection
{
    /// <inheritdoc />
    public int Order => 60;

    /// <inheritdoc />
    public bool AppliesTo(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(PlatformRoles.Professional);
    }

    /// <inheritdoc />
    public async Task<WorkbenchCard?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var classes = await mediator.Send(new ListMyClassesToRate(), cancellationToken).ConfigureAwait(false);
        var waiting = classes.Count(c => c.Ended && !c.Rated);
        return classes.Count == 0 ? null : new WorkbenchCard("培训评价",
        [
            new("待评价的培训班", $"{waiting} 个", "/my/evaluations", waiting > 0 ? WorkbenchTone.ToDo : WorkbenchTone.Good, waiting > 0 ? "培训班已结束，欢迎匿名评价。" : null),
        ], "/my/evaluations", "查看我参加的培训班");
    }
}
