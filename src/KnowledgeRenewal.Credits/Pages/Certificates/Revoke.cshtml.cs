using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Certificates;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Pages.Certificates;

/// <summary>
/// <c>/certificates/{id}/revoke</c>: the program office revokes a certificate with a reason, after a confirmation —
/// the same <see cref="RevokeCertificate"/> (and policy) as <c>POST /api/certificates/{id}/revoke</c>, at the version
/// read (a change meanwhile is refused as the API refuses it).
/// </summary>
[Authorize(Policy = PlatformPolicies.ProgramOffice)]
internal sealed class RevokeModel(IMediator mediator) : PlatformPageModel
{
    /// <summary>The certificate (null: not found or not in scope).</summary>
    public CertificateView? Certificate { get; private set; }

    /// <summary>The version read (If-Match).</summary>
    [BindProperty]
    public string Version { get; set; } = "";

    /// <summary>Why it is revoked.</summary>
    [BindProperty]
    [DataType(DataType.MultilineText)]
    public string? Reason { get; set; }

    /// <summary>Whether the person confirmed.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>Whether the page asks to confirm.</summary>
    public bool Confirming { get; private set; }

    /// <summary>Shows the certificate and the form.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, keepVersion: false, cancellationToken).ConfigureAwait(false) ? Page() : NotFound();

    /// <summary>Asks to confirm (with a reason), then revokes.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!Confirmed && !string.IsNullOrWhiteSpace(Reason))
        {
            // A missing reason is named next to the field by the use case; with a reason, confirm first.
            Confirming = true;
            return await LoadAsync(id, keepVersion: true, cancellationToken).ConfigureAwait(false) ? Page() : NotFound();
        }

        var (ok, revoked) = await TrySendAsync(new RevokeCertificate(id, Version, string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim()), cancellationToken).ConfigureAwait(false);
        if (ok)
        {
            return DoneAndRedirect($"/certificates?Year={revoked!.Value.Year}", $"已作废学时证明 {revoked.Value.Number}，公众核验将显示“已作废”。");
        }

        if (!await LoadAsync(id, keepVersion: true, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Hours as shown.</summary>
    public static string Hours(decimal hours) => IndexModel.Hours(hours);

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Reason)];

    private async Task<bool> LoadAsync(Guid id, bool keepVersion, CancellationToken cancellationToken)
    {
        try
        {
            var versioned = await mediator.Send(new GetCertificate(id), cancellationToken).ConfigureAwait(false);
            Certificate = versioned.Value;
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

    /// <summary>Whether it may still be revoked.</summary>
    public bool Revocable => Certificate is { Status: not CertificateStatus.Revoked };
}
