using System.Globalization;
using System.Security.Claims;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.Registry.UseCases.Import;
using KnowledgeRenewal.Registry.UseCases.Professionals;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Registry.Pages.Staff;

/// <summary>
/// The employer's staff card on the workbench: how many people are registered (<see cref="ListProfessionals"/>) and
/// the recent staff imports with errors (<see cref="ListImports"/>) — to correct and upload again.
/// </summary>
internal sealed class StaffImportsSection(IMediator mediator) : IWorkbenchSection
{
    /// <inheritdoc />
    public int Order => 210;

    /// <inheritdoc />
    public bool AppliesTo(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(PlatformRoles.EmployerHr);
    }

    /// <inheritdoc />
    public async Task<WorkbenchCard?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var staff = await mediator.Send(new ListProfessionals(null, null, null, null, null, null, null, 1, 1), cancellationToken).ConfigureAwait(false);
        var jobs = await mediator.Send(new ListImports(), cancellationToken).ConfigureAwait(false);
        var kind = ImportNames.Of(ImportKind.Professionals);
        var withErrors = jobs.Where(j => j.Kind == kind && j.ErrorCount > 0).ToList();
        var items = new List<WorkbenchItem>
        {
            new("登记的专业技术人员", $"{Count(staff.Total)} 人", "/staff"),
            new("有错误的人员导入", $"{Count(withErrors.Count)} 次", "/staff/import", withErrors.Count > 0 ? WorkbenchTone.Warning : WorkbenchTone.Normal,
                withErrors.Count > 0 ? "下载错误报告，改正后重新上传" : null),
        };
        items.AddRange(withErrors.Take(3).Select(j => new WorkbenchItem(j.FileName, $"{Count(j.Rejected)} 行出错", $"/staff/import/{j.Id:D}", WorkbenchTone.Warning)));
        return new WorkbenchCard("本单位人员", items, "/staff", "查看人员名单");
    }

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
