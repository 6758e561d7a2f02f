using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.CreditRules;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Registry.UseCases;
using KnowledgeRenewal.Registry.Web;
using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.UseCases.Ledger;

/// <summary>Hours recorded by hand: a manual adjustment, or a record imported from another platform.</summary>
public sealed record CreditInput
{
    /// <summary>The professional.</summary>
    public Guid? ProfessionalId { get; init; }

    /// <summary>The day the activity ended.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Public or Professional.</summary>
    public CreditCategory? Category { get; init; }

    /// <summary>The kind of activity (default ClassroomTraining).</summary>
    public ActivityType? Activity { get; init; }

    /// <summary>The subject (public catalog, or the person's department module's).</summary>
    public string? SubjectCode { get; init; }

    /// <summary>The amount in <see cref="Unit"/>.</summary>
    public decimal? Amount { get; init; }

    /// <summary>Hour (default) or Credit (converted by the person's rules).</summary>
    public CreditUnit? Unit { get; init; }

    /// <summary>The module's credit class, if it distinguishes classes.</summary>
    public string? CreditClass { get; init; }

    /// <summary>What it was.</summary>
    public string? Title { get; init; }

    /// <summary>ManualAdjustment (default) or ExternalImport.</summary>
    public RecordSource? Source { get; init; }

    /// <summary>The other platform and its reference (required for ExternalImport).</summary>
    public string? ExternalReference { get; init; }

    /// <summary>Why (kept as the approval note).</summary>
    [DataType(DataType.MultilineText)]
    public string? Note { get; init; }
}

/// <summary>A correction of an approved record: the reason and the fields that change (the rest is kept).</summary>
public sealed record CorrectionInput
{
    /// <summary>Why the record is corrected (required).</summary>
    [DataType(DataType.MultilineText)]
    public string? Reason { get; init; }

    /// <summary>The corrected day.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The corrected category.</summary>
    public CreditCategory? Category { get; init; }

    /// <summary>The corrected subject.</summary>
    public string? SubjectCode { get; init; }

    /// <summary>The corrected amount.</summary>
    public decimal? Amount { get; init; }

    /// <summary>The unit of the corrected amount.</summary>
    public CreditUnit? Unit { get; init; }

    /// <summary>The corrected credit class.</summary>
    public string? CreditClass { get; init; }

    /// <summary>The corrected title.</summary>
    public string? Title { get; init; }
}

/// <summary>Records approved hours by hand.</summary>
public sealed record RecordCredit(CreditInput Input) : IRequest<Versioned<CreditRecordView>>;

/// <summary>Approves a pending record.</summary>
/// <param name="Id">The record.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Reason">The approval note (the body's <c>reason</c>, named as the client sends it).</param>
public sealed record ApproveCreditRecord(Guid Id, string? IfMatch, [property: DataType(DataType.MultilineText)] string? Reason) : IRequest<Versioned<CreditRecordView>>;

/// <summary>Rejects a pending record.</summary>
public sealed record RejectCreditRecord(Guid Id, string? IfMatch, [property: DataType(DataType.MultilineText)] string? Reason) : IRequest<Versioned<CreditRecordView>>;

/// <summary>Revokes an approved record.</summary>
public sealed record RevokeCreditRecord(Guid Id, string? IfMatch, [property: DataType(DataType.MultilineText)] string? Reason) : IRequest<Versioned<CreditRecordView>>;

/// <summary>Corrects an approved record: revokes it and records the correction; answers the new record.</summary>
public sealed record CorrectCreditRecord(Guid Id, string? IfMatch, CorrectionInput Input) : IRequest<Versioned<CreditRecordView>>;

/// <summary>
/// Writes the ledger by hand. Every change runs in one transaction with its audit records and the ledger-change
/// handlers (compliance, certificates); approved records are never edited (a correction revokes and re-records).
/// </summary>
public sealed class LedgerCommands(
    PlatformDbContext db,
    ICurrentAccess access,
    IAuditActorProvider actors,
    LedgerCatalog catalog,
    CreditRuleBooks ruleBooks,
    ModuleRegistry modules,
    LedgerChanges changes,
    TimeProvider clock) :
    IRequestHandler<RecordCredit, Versioned<CreditRecordView>>,
    IRequestHandler<ApproveCreditRecord, Versioned<CreditRecordView>>,
    IRequestHandler<RejectCreditRecord, Versioned<CreditRecordView>>,
    IRequestHandler<RevokeCreditRecord, Versioned<CreditRecordView>>,
    IRequestHandler<CorrectCreditRecord, Versioned<CreditRecordView>>
{
    /// <inheritdoc />
    public async Task<Versioned<CreditRecordView>> Handle(RecordCredit request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = request.Input ?? new CreditInput();
        var errors = new List<FieldError>();
        if (input.ProfessionalId is null)
        {
            errors.Add(new FieldError("professionalId", "required", "请选择专业技术人员（professionalId）。"));
        }

        var source = input.Source ?? RecordSource.ManualAdjustment;
        if (source is not (RecordSource.ManualAdjustment or RecordSource.ExternalImport))
        {
            errors.Add(new FieldError("source", "invalid", "手工登记的来源只能是人工调整（ManualAdjustment）或外部平台导入（ExternalImport）；培训班学时请上传学员名单，个人学习活动请本人申报。"));
        }

        var reference = LedgerRules.Trim(input.ExternalReference);
        if (source == RecordSource.ExternalImport && reference is null)
        {
            errors.Add(new FieldError("externalReference", "required", "外部平台导入须填写来源平台及其记录编号（externalReference）。"));
        }

        ThrowIfAny(errors);
        var person = await FindPersonAsync(input.ProfessionalId!.Value, cancellationToken).ConfigureAwait(false);
        LedgerAccess.EnsureAuthorityOver(access, person, "手工登记学时");
        var actor = LedgerAccess.Actor(actors);
        var now = clock.GetUtcNow().UtcDateTime;
        var details = await CheckAsync(person, input.Date, input.Category, input.SubjectCode, input.Amount, input.Unit, input.CreditClass, input.Title, cancellationToken).ConfigureAwait(false);
        var record = new CreditRecord
        {
            ProfessionalId = person.Id,
            Date = details.Date,
            CreditYear = details.Date.Year,
            Category = details.Category,
            SubjectCode = details.Subject?.Code,
            SubjectName = details.Subject?.Name,
            ModuleKey = details.Subject?.ModuleKey ?? catalog.ModuleFor(person.DepartmentCode),
            Activity = input.Activity ?? ActivityType.ClassroomTraining,
            CreditClass = details.CreditClass,
            Hours = details.Hours,
            EnteredAmount = details.Amount,
            EnteredUnit = details.Unit,
            Title = details.Title,
            Source = source,
            ExternalReference = reference,
            RecordedByUserId = actor.UserId,
            RecordedByName = actor.Name,
            RecordedAt = now,
            RegionCode = person.RegionCode,
            DepartmentCode = person.DepartmentCode,
            EmployerId = person.EmployerId,
        };
        record.Approve(actor, now, input.Note);
        db.CreditRecords.Add(record);
        await SaveAsync([new PersonYear(person.Id, record.CreditYear)], cancellationToken).ConfigureAwait(false);
        return await LedgerQueries.GetAsync(db, record.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Versioned<CreditRecordView>> Handle(ApproveCreditRecord request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (record, person) = await ForReviewAsync(request.Id, request.IfMatch, "认定待审核的学时记录", cancellationToken).ConfigureAwait(false);
        record.Approve(LedgerAccess.Actor(actors), clock.GetUtcNow().UtcDateTime, request.Reason);
        await SaveAsync([new PersonYear(person.Id, record.CreditYear)], cancellationToken).ConfigureAwait(false);
        return await LedgerQueries.GetAsync(db, record.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Versioned<CreditRecordView>> Handle(RejectCreditRecord request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (record, person) = await ForReviewAsync(request.Id, request.IfMatch, "驳回待审核的学时记录", cancellationToken).ConfigureAwait(false);
        record.Reject(LedgerAccess.Actor(actors), clock.GetUtcNow().UtcDateTime, request.Reason!);
        await SaveAsync([new PersonYear(person.Id, record.CreditYear)], cancellationToken).ConfigureAwait(false);
        return await LedgerQueries.GetAsync(db, record.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Versioned<CreditRecordView>> Handle(RevokeCreditRecord request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (record, person) = await ForChangeAsync(request.Id, request.IfMatch, "撤销学时记录", cancellationToken).ConfigureAwait(false);
        record.Revoke(LedgerAccess.Actor(actors), clock.GetUtcNow().UtcDateTime, request.Reason!);
        await SaveAsync([new PersonYear(person.Id, record.CreditYear)], cancellationToken).ConfigureAwait(false);
        return await LedgerQueries.GetAsync(db, record.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Versioned<CreditRecordView>> Handle(CorrectCreditRecord request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = request.Input ?? new CorrectionInput();
        var reason = LedgerRules.RequireReason(input.Reason, "reason", "更正理由");
        var (old, person) = await ForChangeAsync(request.Id, request.IfMatch, "更正学时记录", cancellationToken).ConfigureAwait(false);
        var details = await CheckAsync(
            person,
            input.Date ?? old.Date,
            input.Category ?? old.Category,
            input.SubjectCode ?? old.SubjectCode,
            input.Amount ?? (input.Unit is null ? old.EnteredAmount : null),
            input.Unit ?? old.EnteredUnit,
            input.CreditClass ?? old.CreditClass,
            input.Title ?? old.Title,
            cancellationToken).ConfigureAwait(false);
        var actor = LedgerAccess.Actor(actors);
        var now = clock.GetUtcNow().UtcDateTime;
        var correction = new CreditRecord
        {
            ProfessionalId = person.Id,
            Date = details.Date,
            CreditYear = details.Date.Year,
            Category = details.Category,
            SubjectCode = details.Subject?.Code,
            SubjectName = details.Subject?.Name,
            ModuleKey = details.Subject?.ModuleKey ?? old.ModuleKey,
            Activity = old.Activity,
            CreditClass = details.CreditClass,
            Hours = details.Hours,
            EnteredAmount = details.Amount,
            EnteredUnit = details.Unit,
            Title = details.Title,
            Source = old.Source,
            ProviderId = old.ProviderId,
            ClassId = old.ClassId,
            DeclarationId = old.DeclarationId,
            ImportJobId = old.ImportJobId,
            SourceFile = old.SourceFile,
            ExternalReference = old.ExternalReference,
            CorrectsRecordId = old.Id,
            RecordedByUserId = actor.UserId,
            RecordedByName = actor.Name,
            RecordedAt = now,
            RegionCode = person.RegionCode,
            DepartmentCode = person.DepartmentCode,
            EmployerId = person.EmployerId,
        };
        correction.Approve(actor, now, "更正：" + reason);
        old.Revoke(actor, now, reason, correction.Id);
        db.CreditRecords.Add(correction);
        await SaveAsync([new PersonYear(person.Id, old.CreditYear), new PersonYear(person.Id, correction.CreditYear)], cancellationToken).ConfigureAwait(false);
        return await LedgerQueries.GetAsync(db, correction.Id, cancellationToken).ConfigureAwait(false);
    }

    private static void ThrowIfAny(List<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }

    // A record to review: pending, not from a declaration (those have their own two-step review), the caller an
    // authority over the person, the If-Match current.
    private async Task<(CreditRecord Record, Professional Person)> ForReviewAsync(Guid id, string? ifMatch, string action, CancellationToken cancellationToken)
    {
        var (record, person) = await ForChangeAsync(id, ifMatch, action, cancellationToken).ConfigureAwait(false);
        if (record.Source == RecordSource.SelfDeclared)
        {
            throw new LedgerException(
                LedgerProblemCodes.InvalidTransition,
                StatusCodes.Status409Conflict,
                "个人申报的学时由用人单位和行业主管部门在申报审核中认定或驳回，请到该申报中审核。");
        }

        return (record, person);
    }

    private async Task<(CreditRecord Record, Professional Person)> ForChangeAsync(Guid id, string? ifMatch, string action, CancellationToken cancellationToken)
    {
        var record = await db.CreditRecords.FirstOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw LedgerQueries.NotFound(id);
        var person = await FindPersonAsync(record.ProfessionalId, cancellationToken).ConfigureAwait(false);
        LedgerAccess.EnsureAuthorityOver(access, person, action);
        var read = Preconditions.Require(ifMatch, record.ConcurrencyStamp);
        db.Entry(record).Property(r => r.ConcurrencyStamp).OriginalValue = read;
        return (record, person);
    }

    private async Task<Professional> FindPersonAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Professionals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false)
        ?? throw new RequestValidationException([new FieldError("professionalId", "professional.not_found", "未找到该专业技术人员（或不在您的管理范围内）。")]);

    private async Task<CheckedCredit> CheckAsync(
        Professional person, DateOnly? date, CreditCategory? category, string? subjectCode, decimal? amount, CreditUnit? unit, string? creditClass, string? title, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var today = ProgramCalendar.Today(clock);
        if (date is null)
        {
            errors.Add(new FieldError("date", "required", "请填写日期（活动结束的日期）。"));
        }
        else if (LedgerRules.CheckDate(date.Value, today) is { } dateError)
        {
            errors.Add(new FieldError("date", LedgerProblemCodes.InvalidDate, dateError));
        }

        if (category is null)
        {
            errors.Add(new FieldError("category", "required", "请选择科目类别：公需科目（Public）或专业科目（Professional）。"));
        }

        var text = LedgerRules.Trim(title);
        if (text is null)
        {
            errors.Add(new FieldError("title", "required", "请填写名称（培训或活动名称）。"));
        }
        else if (text.Length > CreditRecord.TitleLength)
        {
            errors.Add(new FieldError("title", "too_long", $"名称最多 {CreditRecord.TitleLength} 个字。"));
        }

        var rules = date is null ? null : ruleBooks.ForDepartment(person.DepartmentCode).InForceOn(date.Value);
        var chosenUnit = unit ?? CreditUnit.Hour;
        CreditHours? hours = null;
        if (amount is null)
        {
            errors.Add(new FieldError("amount", "required", "请填写学时数（amount）。"));
        }
        else
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

        ThrowIfAny(errors);
        return new CheckedCredit(date!.Value, category!.Value, subject, hours!.Value, amount!.Value, chosenUnit, classKey, text!);
    }

    private async Task SaveAsync(IReadOnlyCollection<PersonYear> changed, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
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

    private sealed record CheckedCredit(DateOnly Date, CreditCategory Category, SubjectChoice? Subject, CreditHours Hours, decimal Amount, CreditUnit Unit, string? CreditClass, string Title);
}
