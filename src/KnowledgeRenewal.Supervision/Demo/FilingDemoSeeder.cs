using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Contracts;
using KnowledgeRenewal.Supervision.Domain.Filings;
using KnowledgeRenewal.Supervision.UseCases;
using KnowledgeRenewal.Supervision.UseCases.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Supervision.Demo;

/// <summary>
/// Demo filings: every demo base's filing of each past program year (accepted; some submitted after the due date, so
/// flagged late; the last year's of one base returned with a reason, waiting for its correction), this year's of one base waiting
/// for the program office — the demo provider's base has not filed this year, so it has the filing's reminder in its
/// inbox (the reminders are run once at the end). Idempotent: a base and year with a filing is left alone.
/// </summary>
internal sealed class FilingDemoSeeder(PlatformDbContext db, IOptions<FilingOptions> options, ReminderRunner reminders, [FromKeyedServices(DeadlineClock.Key)] TimeProvider clock) : IDemoDataSeeder
{
    private const string ReturnReason = "下一年度经费预算缺少分项说明，请补充师资、场地和资料费用的测算后重新报送。";

    /// <inheritdoc />
    public string Key => "supervision.filings.demo";

    /// <inheritdoc />
    public int Version => 1;

    /// <inheritdoc />
    public int Order => 90;

    /// <inheritdoc />
    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var today = ProgramCalendar.Today(clock);
        var bases = await db.EducationBases.IgnoreQueryFilters().Include(b => b.Organization)
            .Where(b => FilingRules.FilingStatuses.Contains(b.Status)).OrderBy(b => b.DesignatedOn).ThenBy(b => b.Name)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var filed = await db.BaseFilings.IgnoreQueryFilters().Select(f => new { f.BaseId, f.Year }).ToListAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < bases.Count; i++)
        {
            var b = bases[i];
            for (var year = Math.Max(ProgramPeriod.FirstYear, b.DesignatedOn.Year); year <= today.Year; year++)
            {
                var due = FilingCalendar.Due(options.Value, year);
                var current = year == today.Year;
                if (filed.Any(f => f.BaseId == b.Id && f.Year == year) || (current && (today <= due.AddDays(-10) || i == 0 || i % 2 == 0)))
                {
                    continue; // this year: only some bases filed already; the demo provider's (the first) has not
                }

                var late = !current && (i + year) % 3 == 0;
                var day = late ? due.AddDays(2 + (i % 3)) : due.AddDays(-3 - (i % 4));
                var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 30)), TimeSpan.FromHours(8)).UtcDateTime;
                var returned = year == today.Year - 1 && i == 1;
                var filing = new BaseFiling
                {
                    BaseId = b.Id,
                    OrganizationId = b.OrganizationId,
                    RegionCode = b.Organization?.RegionCode,
                    Year = year,
                    Status = current ? BaseFilingStatus.Submitted : returned ? BaseFilingStatus.Returned : BaseFilingStatus.Accepted,
                    Execution = $"{year} 年度举办专业技术人员继续教育培训班，完成年度计划的主要任务；线上线下结合，参训人员满意度较高。（演示数据）",
                    ClassesHeld = 8 + ((i + year) % 7),
                    PeopleTrained = 900 + (((i * 7) + year) % 5 * 80),
                    PlannedClasses = 10 + ((i + year) % 5),
                    PlannedSubjects = i % 2 == 0 ? "医疗卫生新技术\n公需科目：数字素养" : "教育教学能力提升\n公需科目：法治建设",
                    TargetTrainees = 1000 + (i * 100),
                    BudgetFen = (300_000 + (i * 50_000)) * 100L,
                    FirstSubmittedAt = at,
                    FirstSubmittedOn = day,
                    Late = FilingCalendar.IsLate(options.Value, year, day),
                    SubmittedAt = at,
                    SubmittedByName = "基地工作人员（演示）",
                    DecidedAt = current ? null : at.AddDays(returned ? 1 : 2),
                    ReturnReason = returned ? ReturnReason : null,
                    DecidedByName = current ? null : "市项目办（演示）",
                };
                db.BaseFilings.Add(filing);
                if (i == 0 && year == today.Year - 1)
                {
                    // One filing with its attachment, checked and stored as every filing attachment is.
                    var (name, type, sha256) = new UseCases.Inspections.EvidenceUpload($"{year}年度报送（盖章）.pdf", AttachmentPdf).Check(BaseFilingAttachment.FileNameLength, "attachment");
                    db.BaseFilingAttachments.Add(new BaseFilingAttachment
                    {
                        FilingId = filing.Id, FileName = name, ContentType = type, Size = AttachmentPdf.Length, Sha256 = sha256, Content = AttachmentPdf, UploadedAt = at, UploadedByName = filing.SubmittedByName,
                    });
                }

                db.BaseFilingEvents.Add(new BaseFilingEvent { FilingId = filing.Id, Action = BaseFilingAction.Submitted, At = at, ByName = filing.SubmittedByName });
                if (returned)
                {
                    db.BaseFilingEvents.Add(new BaseFilingEvent { FilingId = filing.Id, Action = BaseFilingAction.Returned, At = filing.DecidedAt!.Value, ByName = filing.DecidedByName, Reason = ReturnReason });
                }
                else if (!current)
                {
                    db.BaseFilingEvents.Add(new BaseFilingEvent { FilingId = filing.Id, Action = BaseFilingAction.Accepted, At = filing.DecidedAt!.Value, ByName = filing.DecidedByName });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await reminders.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    private static readonly byte[] AttachmentPdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% demo filing attachment\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
}
