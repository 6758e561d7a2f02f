using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Credits.UseCases.Declarations;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Pages.Declarations;

/// <summary>
/// <c>/declarations/{id}</c>: one declaration with its review trail, its credit record and evidence; the review form
/// of the step the caller may review (approve, or reject with a reason) and, for the person, withdrawal — the same
/// requests as the API, with the version the page showed as <c>If-Match</c>, so a reviewer who acted on a stale page
/// is told someone else acted first. Outside the caller's scope: not found.
/// </summary>
[Authorize(Roles = ReaderRoles)]
internal sealed class ShowModel(IMediator mediator) : DeclarationPageModel
{
    /// <summary>The TempData key of the notices of a new declaration.</summary>
    public const string NoticesKey = "declaration-notices";

    /// <summary>The declaration shown (null: not found or not in scope).</summary>
    public DeclarationView? Declaration { get; private set; }

    /// <summary>The version shown (sent back as If-Match).</summary>
    public string Version { get; private set; } = "";

    /// <summary>The notices of a declaration just made.</summary>
    public IReadOnlyList<string> Notices { get; private set; } = [];

    /// <summary>Whether the caller is the declarant (holds a professional account linked to the person).</summary>
    public bool IsOwn { get; private set; }

    /// <summary>Loads the declaration.</summary>
    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (TempData[NoticesKey] is string notices)
        {
            Notices = notices.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }

        await LoadAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The employer's review.</summary>
    public Task<IActionResult> OnPostEmployerAsync(Guid id, string? decision, string? comment, string? version, CancellationToken cancellationToken) =>
        ActAsync(id, new ReviewDeclaration(id, ReviewSteps.Employer, version, new ReviewBody(decision, comment)), "单位审核意见已提交。", cancellationToken);

    /// <summary>The department's review.</summary>
    public Task<IActionResult> OnPostDepartmentAsync(Guid id, string? decision, string? comment, string? version, CancellationToken cancellationToken) =>
        ActAsync(id, new ReviewDeclaration(id, ReviewSteps.Department, version, new ReviewBody(decision, comment)), "主管部门审核意见已提交。", cancellationToken);

    /// <summary>The person withdraws.</summary>
    public Task<IActionResult> OnPostWithdrawAsync(Guid id, string? reason, string? version, CancellationToken cancellationToken) =>
        ActAsync(id, new WithdrawDeclaration(id, version, new WithdrawBody(reason)), "申报已撤回。", cancellationToken);

    private async Task<IActionResult> ActAsync(Guid id, IRequest<Versioned<DeclarationView>> action, string done, CancellationToken cancellationToken)
    {
        try
        {
            await mediator.Send(action, cancellationToken).ConfigureAwait(false);

            // Post → redirect → get: a refresh shows the declaration again instead of sending the review twice.
            return DoneAndRedirect($"/declarations/{id:D}", done);
        }
        catch (PlatformException problem)
        {
            Show(problem);
        }

        var status = Response.StatusCode;
        await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        if (Declaration is not null)
        {
            Response.StatusCode = status;
        }

        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var versioned = await mediator.Send(new GetDeclaration(id), cancellationToken).ConfigureAwait(false);
            Declaration = versioned.Value;
            Version = EntityTag.Format(versioned.Stamp);
            IsOwn = IsProfessional && await mediator.Send(new IsOwnDeclaration(id), cancellationToken).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            Declaration = null;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
