using System.Security.Claims;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.UseCases.Bases;
using MediatR;

namespace KnowledgeRenewal.Supervision.Pages.Supervision;

/// <summary>The program office's card: bases whose last assessment was below the bar, and those proposed for exit (<see cref="ListBases"/>).</summary>
internal sealed class BasesWorkbenchSection(IMediator mediator) : IWorkbenchSection
{
    /// <inheritdoc />
    public int Order => 110;

    /// <inheritdoc />
    public bool AppliesTo(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(PlatformRoles.ProgramOfficeAdmin);
    }

    /// <inheritdoc />
    public async Task<WorkbenchCard?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var below = await mediator.Send(new ListBases(BelowBar: true, PageSize: 100), cancellationToken).ConfigureAwait(false);
        var exit = below.Items.Count(b => b.ProposedExit && b.Status != KnowledgeRenewal.Registry.Domain.BaseStatus.Revoked);
        return new WorkbenchCard("继续教育基地考核",
        [
            new("最近一次考核不合格的基地", $"{below.Total} 个", "/supervision/bases?BelowBar=true", below.Total > 0 ? WorkbenchTone.Warning : WorkbenchTone.Good,
                below.Total > 0 ? "查看考核表，督促整改。" : null),
            new("连续两年不合格、建议退出的基地", $"{exit} 个", "/supervision/bases?BelowBar=true", exit > 0 ? WorkbenchTone.ToDo : WorkbenchTone.Good,
                exit > 0 ? "在基地页面写明考核结果后撤销（退出）。" : null),
        ], "/supervision/bases", "查看全部基地");
    }
}
