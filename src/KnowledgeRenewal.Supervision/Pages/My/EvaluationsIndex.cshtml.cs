using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.UseCases.Evaluations;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace KnowledgeRenewal.Supervision.Pages.My;

/// <summary><c>/my/evaluations</c>: the professional's classes, which can be rated now and which were (<see cref="ListMyClassesToRate"/>).</summary>
[Authorize(Roles = PlatformRoles.Professional)]
internal sealed class EvaluationsIndexModel(IMediator mediator) : PlatformPageModel
{
    /// <summary>The classes.</summary>
    public IReadOnlyList<MyClassToRate> Classes { get; private set; } = [];

    /// <summary>Loads them.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Classes = await mediator.Send(new ListMyClassesToRate(), cancellationToken).ConfigureAwait(false);
}
