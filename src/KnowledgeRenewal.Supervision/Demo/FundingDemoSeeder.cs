using System.Text;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Funding;
using KnowledgeRenewal.Supervision.UseCases.Funding;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.Demo;

/// <summary>
/// Demo funding: for the first three demo projects with money to account for (approved until completed, by number),
/// an approved category budget (teaching, materials, venue and organization; accommodation and subsidies not
/// approved) and spending lines with a voucher, checked by the same ring-fence rule as every recorded line — the
/// first project's accommodation bill is outside the approved categories and its second teaching payment brings
/// teaching over budget, so the program office has flagged lines to explain. Idempotent: a project with lines is left alone.
/// </summary>
internal sealed class FundingDemoSeeder(PlatformDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    private static readonly byte[] Voucher = Encoding.ASCII.GetBytes("%PDF-1.4\n% demo voucher\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <inheritdoc />
    public string Key => "supervision.funding.demo";

    /// <inheritdoc />
    public int Version => 1;

    /// <inheritdoc />
    public int Order => 95;

    /// <inheritdoc />
    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var today = ProgramCalendar.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var projects = await db.Projects.IgnoreQueryFilters().AsNoTracking()
            .Where(p => FundingAccess.Spending.Contains(p.Status) && p.BudgetTotalFen >= 1_000_000 && p.StartDate <= today)
            .OrderBy(p => p.Number).Take(3).ToListAsync(cancellationToken).ConfigureAwait(false);
        var spent = await db.Set<SpendingLine>().IgnoreQueryFilters().Select(l => l.ProjectId).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < projects.Count; i++)
        {
            var project = projects[i];
            if (spent.Contains(project.Id))
            {
                continue;
            }

            // Approved: teaching 40 %, materials 10 %, venue 20 %, organization 10 % of the total.
            var total = project.BudgetTotalFen;
            var categories = new Dictionary<SpendingCategory, long>
            {
                [SpendingCategory.Teaching] = total * 4 / 10, [SpendingCategory.Materials] = total / 10,
                [SpendingCategory.Venue] = total * 2 / 10, [SpendingCategory.Organization] = total / 10,
            };
            if (!await db.Set<ProjectCategoryBudget>().IgnoreQueryFilters().AnyAsync(b => b.ProjectId == project.Id, cancellationToken).ConfigureAwait(false))
            {
                foreach (var (category, amount) in categories)
                {
                    db.Set<ProjectCategoryBudget>().Add(new ProjectCategoryBudget { ProjectId = project.Id, Category = category, AmountFen = amount, SetAt = now, SetByName = "市项目办（演示）" });
                }
            }

            var sources = FundingDesk.Sources(project);
            var start = project.StartDate;
            var last = project.EndDate < today ? project.EndDate : today;
            var days = Math.Max(0, last.DayNumber - start.DayNumber);
            List<(SpendingCategory Category, long Fen, int Day, string Payee, string Purpose)> lines =
            [
                (SpendingCategory.Teaching, total * 3 / 10, days / 4, "授课专家（4 人）", "第一期授课费"),
                (SpendingCategory.Venue, total * 15 / 100, days / 4, "济宁市会议中心", "培训场地租用"),
                (SpendingCategory.Materials, total * 8 / 100, days / 3, "济宁新华印刷厂", "培训教材印制"),
            ];
            if (i == 0)
            {
                lines.Add((SpendingCategory.Accommodation, total * 5 / 100, days / 2, "济宁运河宾馆", "学员住宿（未列入核定科目）"));
                lines.Add((SpendingCategory.Teaching, total * 15 / 100, days / 2, "授课专家（3 人）", "第二期授课费"));
            }

            var budget = new ProjectBudget(categories, sources, total, project.EndDate);
            var byCategory = new Dictionary<SpendingCategory, long>();
            var bySource = new Dictionary<FundingSource, long>();
            long sum = 0;
            foreach (var (category, fen, day, payee, purpose) in lines)
            {
                var on = start.AddDays(day);
                var source = sources.OrderByDescending(s => s.Value - bySource.GetValueOrDefault(s.Key)).ThenBy(s => s.Key).First().Key;
                var check = RingFence.Check(budget, new SpentSoFar(byCategory, bySource, sum), category, source, fen, on);
                var line = new SpendingLine
                {
                    ProjectId = project.Id, Category = category, Source = source, AmountFen = fen, SpentOn = on, Payee = payee, Purpose = purpose,
                    VoucherFileName = $"凭证-{on:yyyyMMdd}-{FundingLabels.Category(category)}.pdf", VoucherContentType = "application/pdf", VoucherSize = Voucher.Length,
                    Flags = check.Flags, FlagReasons = check.Reasons.Count == 0 ? null : string.Join('\n', check.Reasons),
                    RecordedAt = now, RecordedByName = "承办单位工作人员（演示）", RecordedByOrganizationId = project.ProviderId ?? project.ApplicantOrganizationId,
                };
                db.Set<SpendingLine>().Add(line);
                db.Set<SpendingVoucher>().Add(new SpendingVoucher { Id = line.Id, Content = Voucher });
                byCategory[category] = byCategory.GetValueOrDefault(category) + fen;
                bySource[source] = bySource.GetValueOrDefault(source) + fen;
                sum += fen;
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
