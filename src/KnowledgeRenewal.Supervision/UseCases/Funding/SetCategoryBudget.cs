using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Funding;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Funding;

/// <summary>One approved category amount.</summary>
/// <param name="Category">The category.</param>
/// <param name="AmountFen">The approved amount in fen (0 removes the category).</param>
public sealed record CategoryAmount(SpendingCategory? Category, long? AmountFen);

/// <summary>The approved budget by category.</summary>
/// <param name="Items">The categories and amounts; categories not named are not approved.</param>
public sealed record CategoryBudgetBody(IReadOnlyList<CategoryAmount>? Items);

/// <summary>The program office sets a project's approved budget by category (核定支出科目), replacing the previous one.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="Body">The categories.</param>
internal sealed record SetCategoryBudget(Guid ProjectId, CategoryBudgetBody Body) : IRequest<ProjectFundingView>
{
    /// <inheritdoc />
    public override string ToString() => nameof(SetCategoryBudget);
}

/// <summary>Checks the amounts.</summary>
internal sealed class SetCategoryBudgetValidator : AbstractValidator<SetCategoryBudget>
{
    /// <summary>Creates the validator.</summary>
    public SetCategoryBudgetValidator()
    {
        RuleFor(s => s.Body.Items).NotNull().OverridePropertyName("items").WithErrorCode("required").WithMessage("请填写各支出科目的核定金额。");
        RuleForEach(s => s.Body.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.Category).Must(c => c is not null && Enum.IsDefined(c.Value)).WithErrorCode("required").WithMessage("请选择支出科目。");
            item.RuleFor(i => i.AmountFen).Must(a => a is >= 0 and <= FundingAccess.MaxFen).WithErrorCode("out_of_range").WithMessage("核定金额应在 0 至 10 亿元之间。");
        }).OverridePropertyName("items");
        RuleFor(s => s.Body.Items).Must(i => i is null || i.Select(x => x.Category).Distinct().Count() == i.Count).OverridePropertyName("items")
            .WithErrorCode("duplicate").WithMessage("每个支出科目只填一次。");
    }
}

/// <summary>
/// Handles <see cref="SetCategoryBudget"/>: the program office only (403), the project within scope (404), the
/// approved amounts together within the project's total budget (400 <see cref="FundingProblemCodes.BudgetOverTotal"/>).
/// Lines already recorded keep their flags: the check runs when a line is recorded.
/// </summary>
internal sealed class SetCategoryBudgetHandler(PlatformDbContext db, FundingDesk desk, ICurrentAccess access, IAuditActorProvider actors)
    : IRequestHandler<SetCategoryBudget, ProjectFundingView>
{
    /// <inheritdoc />
    public async Task<ProjectFundingView> Handle(SetCategoryBudget request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!FundingAccess.IsOffice(access))
        {
            throw new PlatformException(FundingProblemCodes.NotOffice, 403, "只有市项目办可以核定支出科目", "项目的支出科目和金额由市项目办核定。");
        }

        var project = await desk.ProjectAsync(request.ProjectId, cancellationToken).ConfigureAwait(false);
        var wanted = request.Body.Items!.Where(i => i.AmountFen > 0).ToDictionary(i => i.Category!.Value, i => i.AmountFen!.Value);
        var sum = wanted.Values.Sum();
        if (sum > project.BudgetTotalFen)
        {
            var message = $"各科目核定金额合计 {FundingLabels.Yuan(sum)} 元，超过项目总预算 {FundingLabels.Yuan(project.BudgetTotalFen)} 元。";
            throw new PlatformException(FundingProblemCodes.BudgetOverTotal, 400, "核定金额超过项目总预算", message, [new FieldError("items", FundingProblemCodes.BudgetOverTotal, message)]);
        }

        var current = await db.Set<ProjectCategoryBudget>().Where(b => b.ProjectId == project.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var now = desk.Now;
        var by = actors.Current.Name;
        foreach (var row in current.Where(r => !wanted.ContainsKey(r.Category)))
        {
            db.Remove(row);
        }

        foreach (var (category, amount) in wanted)
        {
            if (current.FirstOrDefault(r => r.Category == category) is { } row)
            {
                if (row.AmountFen != amount)
                {
                    row.AmountFen = amount;
                    row.SetAt = now;
                    row.SetByName = by;
                }
            }
            else
            {
                db.Set<ProjectCategoryBudget>().Add(new ProjectCategoryBudget { ProjectId = project.Id, Category = category, AmountFen = amount, SetAt = now, SetByName = by });
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await desk.FundingAsync(project, access, cancellationToken).ConfigureAwait(false);
    }
}
