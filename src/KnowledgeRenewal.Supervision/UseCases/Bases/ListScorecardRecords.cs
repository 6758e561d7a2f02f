using FluentValidation;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Bases;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Bases;

/// <summary>
/// The records an indicator of a base's scorecard counts: <c>trainees</c> the approved records from its classes (the
/// people are those of the caller's scope: a county sees its own people), <c>seminars</c> the advanced seminar
/// projects, <c>courses</c> the catalog courses it developed in the year, <c>completion</c> its finished classes with their records,
/// <c>satisfaction</c> its classes with evaluations (aggregates only).
/// </summary>
/// <param name="Id">The base.</param>
/// <param name="Year">The year.</param>
/// <param name="Indicator">trainees, seminars, courses, completion or satisfaction.</param>
/// <param name="Page">Page from 1.</param>
/// <param name="PageSize">Rows per page.</param>
public sealed record ListScorecardRecords(Guid Id, int Year, string? Indicator, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<Paged<IndicatorRecord>>;

/// <summary>One record an indicator counts.</summary>
/// <param name="Id">The record's id (credit record, project or class).</param>
/// <param name="Title">The record (class or project title).</param>
/// <param name="Who">The professional (trainees only) or the project number.</param>
/// <param name="Date">Its date (record date, project start or class end).</param>
/// <param name="Detail">What it counts, in words (subject, status, records, ratings).</param>
/// <param name="Link">Where to read it, if the caller may.</param>
public sealed record IndicatorRecord(Guid Id, string Title, string? Who, DateOnly Date, string Detail, string? Link);

internal sealed class ListScorecardRecordsValidator : AbstractValidator<ListScorecardRecords>
{
    public static readonly string[] Indicators = ["trainees", "seminars", "courses", "completion", "satisfaction"];

    public ListScorecardRecordsValidator()
    {
        RuleFor(r => r.Year).InclusiveBetween(ProgramPeriod.FirstYear, ProgramPeriod.LastYear).WithErrorCode("out_of_range")
            .WithMessage($"年度应在 {ProgramPeriod.FirstYear} 至 {ProgramPeriod.LastYear} 之间。");
        RuleFor(r => r.Indicator).Must(i => i is not null && Indicators.Contains(i)).WithErrorCode("unknown")
            .WithMessage("指标应为 trainees、seminars、courses、completion 或 satisfaction。");
        RuleFor(r => r.Page).ValidPage();
        RuleFor(r => r.PageSize).ValidPageSize();
    }
}

internal sealed class ListScorecardRecordsHandler(PlatformDbContext db, ScorecardReader reader) : IRequestHandler<ListScorecardRecords, Paged<IndicatorRecord>>
{
    public async Task<Paged<IndicatorRecord>> Handle(ListScorecardRecords request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var b = await BaseAccess.VisibleAsync(db, request.Id, cancellationToken).ConfigureAwait(false);
        var org = b.OrganizationId;
        var year = request.Year;
        var skip = (request.Page - 1) * request.PageSize;
        switch (request.Indicator)
        {
            case "trainees":
            {
                // The caller's own scope over people (not lifted): a county reads its own people's records.
                var records = ScorecardReader.Trainees(db.CreditRecords.AsNoTracking(), org, year);
                var total = await records.CountAsync(cancellationToken).ConfigureAwait(false);
                var rows = await records.OrderBy(r => r.Date).ThenBy(r => r.Id).Skip(skip).Take(request.PageSize)
                    .Select(r => new { r.Id, r.Title, Who = r.Professional!.Name, r.Date, r.HoursDecimal, r.Category })
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                return Page(request, total, rows.Select(r => new IndicatorRecord(r.Id, r.Title, r.Who, r.Date,
                    $"{(r.Category == CreditCategory.Public ? "公需科目" : "专业科目")} {r.HoursDecimal:0.##} 学时", null)));
            }

            case "seminars":
            {
                var projects = reader.Seminars(org, year);
                var total = await projects.CountAsync(cancellationToken).ConfigureAwait(false);
                var rows = await projects.OrderBy(p => p.StartDate).Skip(skip).Take(request.PageSize)
                    .Select(p => new { p.Id, p.Title, p.Number, p.StartDate, p.Status, p.Capacity }).ToListAsync(cancellationToken).ConfigureAwait(false);
                return Page(request, total, rows.Select(p => new IndicatorRecord(p.Id, p.Title, p.Number, p.StartDate,
                    $"{KnowledgeRenewal.Programs.Domain.ProjectLabels.Status(p.Status)}，计划 {p.Capacity} 人", $"/office/projects/{p.Id}")));
            }

            case "courses":
            {
                var courses = reader.Courses(org, year);
                var subjects = db.Subjects.IgnoreQueryFilters().AsNoTracking();
                var total = await courses.CountAsync(cancellationToken).ConfigureAwait(false);
                var rows = await courses.OrderBy(c => c.Category).ThenBy(c => c.Title).ThenBy(c => c.Id).Skip(skip).Take(request.PageSize)
                    .Select(c => new { c.Id, c.Title, c.SubjectId, c.Category, c.CreatedAt, c.Hours, SubjectName = subjects.Where(s => s.Id == c.SubjectId).Select(s => s.Name).FirstOrDefault() })
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                return Page(request, total, rows.Select(c => new IndicatorRecord(c.Id, c.Title, null, DateOnly.FromDateTime(c.CreatedAt.AddHours(8)),
                    $"{(c.Category == CreditCategory.Public ? "公需科目" : "专业科目")}：{c.SubjectName ?? c.SubjectId}，{c.Hours:0.##} 学时", $"/courses/{c.Id:D}")));
            }

            case "completion":
            {
                var classes = reader.Classes(org, year).Where(c => c.Status == TrainingClassStatus.Finished);
                var total = await classes.CountAsync(cancellationToken).ConfigureAwait(false);
                var records = db.CreditRecords.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking().Where(r => r.Status != CreditRecordStatus.Revoked);
                var rows = await classes.OrderBy(c => c.EndDate).ThenBy(c => c.Id).Skip(skip).Take(request.PageSize)
                    .Select(c => new
                    {
                        c.Id, c.Title, c.EndDate,
                        All = records.Count(r => r.ClassId == c.Id),
                        Approved = records.Count(r => r.ClassId == c.Id && r.Status == CreditRecordStatus.Approved),
                    })
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                return Page(request, total, rows.Select(c => new IndicatorRecord(c.Id, c.Title, null, c.EndDate,
                    $"名单 {c.All} 条，已通过 {c.Approved} 条", null)));
            }

            default:
            {
                var evaluations = reader.Evaluations(org, year);
                var classIds = evaluations.Select(e => e.ClassId).Distinct();
                var classes = reader.Classes(org, year).Where(c => classIds.Contains(c.Id));
                var total = await classes.CountAsync(cancellationToken).ConfigureAwait(false);
                var rows = await classes.OrderBy(c => c.EndDate).ThenBy(c => c.Id).Skip(skip).Take(request.PageSize)
                    .Select(c => new
                    {
                        c.Id, c.Title, c.EndDate,
                        Count = evaluations.Count(e => e.ClassId == c.Id),
                        Satisfied = evaluations.Count(e => e.ClassId == c.Id && e.Content + e.Teacher + e.Organization + e.Usefulness >= ClassEvaluation.SatisfiedTotal),
                    })
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                return Page(request, total, rows.Select(c => new IndicatorRecord(c.Id, c.Title, null, c.EndDate,
                    $"评价 {c.Count} 份，满意 {c.Satisfied} 份", $"/supervision/evaluations/{c.Id}")));
            }
        }
    }

    private static Paged<IndicatorRecord> Page(ListScorecardRecords request, int total, IEnumerable<IndicatorRecord> rows) =>
        new(request.Page, request.PageSize, total, [.. rows]);
}
