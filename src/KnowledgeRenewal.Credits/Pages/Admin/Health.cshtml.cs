using System.Globalization;
using KnowledgeRenewal.Credits.UseCases.Operations;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace KnowledgeRenewal.Credits.Pages.Admin;

/// <summary>
/// <c>/admin/health</c>: the system administrator's view of the database and the background work —
/// <see cref="GetPlatformHealth"/>, as <c>GET /api/admin/health</c>.
/// </summary>
[Authorize(Policy = PlatformPolicies.SystemAdministration)]
internal sealed class HealthModel(IMediator mediator) : PlatformPageModel
{
    /// <summary>The health read.</summary>
    public PlatformHealth Health { get; private set; } = null!;

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Health = await mediator.Send(new GetPlatformHealth(), cancellationToken).ConfigureAwait(false);

    /// <summary>A check's status in words.</summary>
    public static string StatusText(string status) => status switch
    {
        "Healthy" => "正常",
        "Degraded" => "性能下降",
        _ => "不可用",
    };

    /// <summary>A count as shown.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
