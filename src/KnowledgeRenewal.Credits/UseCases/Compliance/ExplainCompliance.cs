using FluentValidation;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Compliance;

/// <summary>
/// A professional's compliance with the cycle containing <paramref name="Year"/> (default: this year), evaluated now
/// from every record of the cycle and explained. 404 when the caller may not see the person.
/// </summary>
/// <param name="ProfessionalId">The professional.</param>
/// <param name="Year">The year (its cycle); this year when null.</param>
internal sealed record ExplainCompliance(Guid ProfessionalId, int? Year) : IRequest<ComplianceExplanation>;

/// <summary>Checks the year.</summary>
internal sealed class ExplainComplianceValidator : AbstractValidator<ExplainCompliance>
{
    /// <summary>Creates the validator.</summary>
    public ExplainComplianceValidator(TimeProvider clock) =>
        RuleFor(r => r.Year).Must(y => y is null || ComplianceYears.IsValid(y.Value, clock))
            .WithErrorCode("out_of_range").WithMessage(r => ComplianceYears.Message(clock));
}

/// <summary>Handles <see cref="ExplainCompliance"/>.</summary>
internal sealed class ExplainComplianceHandler(PlatformDbContext db, ComplianceRules rules, TimeProvider clock) : IRequestHandler<ExplainCompliance, ComplianceExplanation>
{
    /// <inheritdoc />
    public async Task<ComplianceExplanation> Handle(ExplainCompliance request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = ProgramCalendar.Today(clock);
        var year = request.Year ?? today.Year;
        var person = await db.Professionals.AsNoTracking()
            .Where(p => p.Id == request.ProfessionalId)
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.IdNumberMasked,
                p.RegionCode,
                RegionName = db.Regions.Where(r => r.Code == p.RegionCode).Select(r => r.Name).FirstOrDefault(),
                p.DepartmentCode,
                p.EmployerId,
                EmployerName = db.Set<Employer>().Where(e => e.Id == p.EmployerId).Select(e => e.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false)
            ?? throw Professional.NotFound(request.ProfessionalId);

        var book = rules.BookFor(person.DepartmentCode);
        var cycle = ComplianceRules.CycleOf(book, year);
        var records = await db.CreditRecords.AsNoTracking()
            .Where(r => r.ProfessionalId == person.Id && r.CreditYear >= cycle.StartYear && r.CreditYear <= cycle.EndYear)
            .OrderBy(r => r.Date).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var result = rules.Evaluate(
            book,
            year,
            records.Select(r => new CreditEntry(r.Id, r.Date, r.Category, r.Activity, r.Hours, r.Status, r.CreditClass, r.Title)),
            today);
        var stored = await db.Compliance.AsNoTracking()
            .Where(c => c.ProfessionalId == person.Id && c.CycleStart == result.Cycle.StartYear)
            .Select(c => new { c.Status, c.ComputedAt })
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);

        var set = result.RuleSet;
        var classNames = rules.ClassNames(book.Scope);
        var verdicts = result.Entries.ToDictionary(v => v.EntryId);
        return new ComplianceExplanation(
            new ComplianceSubject(person.Id, person.Name, person.IdNumberMasked, person.RegionCode, person.RegionName, person.DepartmentCode, JiningReferenceData.DepartmentName(person.DepartmentCode), person.EmployerId, person.EmployerName),
            year,
            CycleView.Of(result.Cycle),
            result.Status,
            ComplianceLabels.Status(result.Status),
            ComplianceExplanation.SummaryOf(result),
            set is null ? null : RuleSetView.Of(book.Scope, set, classNames),
            Amount.Of(result.Counted, set, roundUp: false),
            Amount.Of(result.Required, set, roundUp: true),
            [.. result.Buckets.Select(b => new BucketView(
                b.Bucket,
                b.Label,
                Amount.Of(b.Counted, set, roundUp: false),
                b.Minimum is { } minimum ? Amount.Of(minimum, set, roundUp: true) : null,
                b.Maximum is { } maximum ? Amount.Of(maximum, set, roundUp: true) : null,
                Amount.Of(b.Shortfall, set, roundUp: true)))],
            result.Missing,
            [.. records.Where(r => verdicts.ContainsKey(r.Id)).Select(r =>
            {
                var verdict = verdicts[r.Id];
                return new RecordVerdictView(
                    r.Id, r.Date, r.CreditYear, r.Title, r.Category, ComplianceLabels.Category(r.Category), r.SubjectCode, r.SubjectName,
                    r.Activity, ComplianceLabels.Activity(r.Activity), r.CreditClass, r.Hours.Hours, r.Status, LedgerLabels.Status(r.Status),
                    LedgerLabels.Source(r.Source), verdict.Outcome, ComplianceLabels.Outcome(verdict.Outcome), verdict.Counted.Hours, verdict.Reason);
            })],
            stored is null ? null : new StoredComplianceView(stored.Status, ComplianceLabels.Status(stored.Status), stored.ComputedAt));
    }
}
