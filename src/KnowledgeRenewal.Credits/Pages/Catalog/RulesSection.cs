using System.Security.Claims;
using KnowledgeRenewal.Credits.UseCases.Catalog;
using KnowledgeRenewal.Credits.UseCases.CreditRules;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Credits.Pages.Catalog;

/// <summary>
/// The department administrator's workbench card about their module's rules: the set in force and since when, the
/// next one if one is coming — from <see cref="ListRuleScopes"/> and <see cref="GetRuleBook"/>, as the catalog page.
/// </summary>
internal sealed class RulesSection(IMediator mediator, TimeProvider clock) : IWorkbenchSection
{
    /// <inheritdoc />
    public int Order => 130;

    /// <inheritdoc />
    public bool AppliesTo(ClaimsPrincipal user) => user?.IsInRole(PlatformRoles.DepartmentAdmin) == true;

    /// <inheritdoc />
    public async Task<WorkbenchCard?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scopes = await mediator.Send(new ListRuleScopes(), cancellationToken).ConfigureAwait(false);
        if (scopes.Selected is not { } scope)
        {
            return null;
        }

        var book = await mediator.Send(new GetRuleBook(scope.Key), cancellationToken).ConfigureAwait(false);
        var href = $"/catalog?scope={Uri.EscapeDataString(scope.Key)}";
        var items = new List<WorkbenchItem>();
        if (book.InForce is { } current)
        {
            var text = new RuleSetText(current, 0, null, scope.CreditClasses, RuleSetState.InForce);
            items.Add(new WorkbenchItem($"现行《{current.Title}》", $"自 {PlatformPageModel.Day(current.EffectiveFrom)} 起施行", href, WorkbenchTone.Normal, text.Total));
        }
        else
        {
            items.Add(new WorkbenchItem("现行规则", "今天没有施行的规则", href, WorkbenchTone.Warning));
        }

        var today = ProgramCalendar.Today(clock);
        if (book.RuleSets.FirstOrDefault(s => s.EffectiveFrom > today) is { } coming)
        {
            items.Add(new WorkbenchItem($"即将施行《{coming.Title}》", $"自 {PlatformPageModel.Day(coming.EffectiveFrom)} 起", href));
        }

        items.Add(new WorkbenchItem("规则调整模拟", null, $"/catalog/what-if?scope={Uri.EscapeDataString(scope.Key)}", WorkbenchTone.Normal, "用已结束年度的学时记录试算规则草案。"));
        return new WorkbenchCard($"{scope.Name}学时规则", items, href, "查看科目目录与学时规则");
    }
}
