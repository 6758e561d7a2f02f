using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Ledger;

/// <summary>A credit's fields as checked against the person's rules and catalogs.</summary>
/// <param name="Date">The day the activity ended.</param>
/// <param name="Category">Public or Professional.</param>
/// <param name="Subject">The subject, if named.</param>
/// <param name="Hours">Exact credit hours.</param>
/// <param name="Amount">The amount as entered.</param>
/// <param name="Unit">The unit it was entered in.</param>
/// <param name="CreditClass">The module's credit class, if any.</param>
/// <param name="Title">What it was.</param>
internal sealed record CheckedCredit(DateOnly Date, CreditCategory Category, SubjectChoice? Subject, CreditHours Hours, decimal Amount, CreditUnit Unit, string? CreditClass, string Title);

/// <summary>
/// What the ledger's hand-written changes share: the person and the record they act on (404, 403 unless an
/// authority over the person, 428/412 on the version), the check of a credit's fields against the person's rules in
/// force and catalogs, and the save — one transaction with the audit records and the ledger-change handlers
/// (compliance, certificates). Approved records are never edited: a correction revokes and re-records.
/// </summary>
internal sealed class LedgerWriter(
    PlatformDbContext db,
    ICurrentAccess access,
    LedgerCatalog catalog,
    CreditRuleBooks ruleBooks,
    ModuleRegistry modules,
    LedgerChanges changes,
    TimeProvider clock)
{
    /// <summary>Now (UTC).</summary>
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The module whose catalog and rules apply to a person of <paramref name="departmentCode"/>.</summary>
    public string? ModuleFor(string departmentCode) => catalog.ModuleFor(departmentCode);

    /// <summary>The person within the caller's scope (a field error on <c>professionalId</c> otherwise), the caller an authority over them.</summary>
    public async Task<Professional> PersonAsync(Guid id, string action, CancellationToken cancellationToken)
    {
        var person = await db.Professionals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw new RequestValidationException([new FieldError("professionalId", "professional.not_found", "未找到该专业技术人员（或不在您的管理范围内）。")]);
        LedgerAccess.EnsureAuthorityOver(access, person, action);
        return person;
    }

    /// <summary>A record to change (tracked) and its person: the caller an authority over the person, the <c>If-Match</c> current.</summary>
    public async Task<(CreditRecord Record, Professional Person)> ForChangeAsync(Guid id, string? ifMatch, string action, CancellationToken cancellationToken)
    {
        var record = await db.CreditRecords.FirstOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw CreditRecordViews.NotFound(id);
        var person = await PersonAsync(record.ProfessionalId, action, cancellationToken).ConfigureAwait(false);
        var read = Preconditions.Require(ifMatch, record.ConcurrencyStamp);
        db.Entry(record).Property(r => r.ConcurrencyStamp).OriginalValue = read;
        return (record, person);
    }

    /// <summary>
    /// A record to review: as <see cref="ForChangeAsync"/>, and not from a declaration (those have their own two-step
    /// review: 409).
    /// </summary>
    public async Task<(CreditRecord Record, Professional Person)> ForReviewAsync(Guid id, string? ifMatch, string action, CancellationToken cancellationToken)
    {
        var (record, person) = await ForChangeAsync(id, ifMatch, action, cancellationToken).ConfigureAwait(false);
        if (record.Source == RecordSource.SelfDeclared)
        {
            throw new LedgerException(
                LedgerProblemCodes.InvalidTransition,
                409,
                "个人申报的学时由用人单位和行业主管部门在申报审核中认定或驳回，请到该申报中审核。");
        }

        return (record, person);
    }

    /// <summary>
    /// Checks a credit's fields for <paramref name="person"/>: those every credit needs (<see cref="LedgerRules.CheckEntry"/>),
    /// then the amount under the person's rules in force on the day, the module's credit class and the subject in the
    /// person's catalogs; every problem at once (400 with the fields named).
    /// </summary>
    public async Task<CheckedCredit> CheckAsync(
        Professional person, DateOnly? date, CreditCategory? category, string? subjectCode, decimal? amount, CreditUnit? unit, string? creditClass, string? title, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>(LedgerRules.CheckEntry(date, category, title, amount, ProgramCalendar.Today(clock)));
        var rules = date is null ? null : ruleBooks.ForDepartment(person.DepartmentCode).InForceOn(date.Value);
        var chosenUnit = unit ?? CreditUnit.Hour;
        CreditHours? hours = null;
        if (amount is not null && LedgerRules.CheckAmount(amount.Value) is null)
        {
            hours = LedgerRules.ToHours(amount.Value, chosenUnit, rules, out var hoursError);
            if (hoursError is not null)
            {
                errors.Add(new FieldError("amount", LedgerProblemCodes.InvalidHours, hoursError));
            }
        }

        var classKey = LedgerRules.Trim(creditClass);
        if (classKey is not null)
        {
            var classes = modules.FindEnabledForDepartment(person.DepartmentCode)?.Module.CreditClasses ?? [];
            if (classes.All(c => c.Key != classKey))
            {
                errors.Add(new FieldError(
                    "creditClass",
                    "invalid",
                    classes.Count == 0 ? "本人所在行业不区分学分类别，请不要填写 creditClass。" : $"学分类别只能是：{string.Join("、", classes.Select(c => $"{c.Key}（{c.Name}）"))}。"));
            }
        }

        SubjectChoice? subject = null;
        if (category is not null)
        {
            var (choice, subjectError) = await catalog.TryResolveAsync(subjectCode, category.Value, person.DepartmentCode, cancellationToken).ConfigureAwait(false);
            if (subjectError is not null)
            {
                errors.Add(new FieldError("subjectCode", "unknown_subject", subjectError));
            }

            subject = choice;
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return new CheckedCredit(date!.Value, category!.Value, subject, hours!.Value, amount!.Value, chosenUnit, classKey, LedgerRules.Trim(title)!);
    }

    /// <summary>Adds a new record (saved by <see cref="SaveAsync"/>).</summary>
    public void Add(CreditRecord record) => db.CreditRecords.Add(record);

    /// <summary>
    /// Saves the changes in one transaction with the ledger-change handlers of <paramref name="changed"/> (412 when the
    /// record changed since it was read), and answers record <paramref name="answer"/> as the caller sees it.
    /// </summary>
    public async Task<Versioned<CreditRecordView>> SaveAsync(IReadOnlyCollection<PersonYear> changed, Guid answer, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw Preconditions.Stale();
            }

            await changes.PublishAsync(db, changed, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await CreditRecordViews.GetAsync(db, answer, cancellationToken).ConfigureAwait(false);
    }
}
