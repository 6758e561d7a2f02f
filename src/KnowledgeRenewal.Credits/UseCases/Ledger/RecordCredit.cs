using System.ComponentModel.DataAnnotations;
using FluentValidation;
using FluentValidation.Results;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Ledger;

/// <summary>Hours recorded by hand: a manual adjustment, or a record imported from another platform.</summary>
internal sealed record CreditInput
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

/// <summary>Records approved hours by hand (an authority over the person: program office, county, department).</summary>
/// <param name="Input">The submitted fields.</param>
internal sealed record RecordCredit(CreditInput Input) : IRequest<Versioned<CreditRecordView>>;

/// <summary>
/// Checks what a hand-written credit says by itself: the person named, a source that may be written by hand (with
/// the other platform's reference for an import), and the fields every credit needs (<see cref="LedgerRules.CheckEntry"/>).
/// What depends on the person (their rules, catalogs and credit classes) is checked once they are read.
/// </summary>
internal sealed class RecordCreditValidator : AbstractValidator<RecordCredit>
{
    /// <summary>Creates the validator.</summary>
    public RecordCreditValidator(TimeProvider clock)
    {
        RuleFor(r => Input(r).ProfessionalId).NotNull().OverridePropertyName("professionalId")
            .WithErrorCode("required").WithMessage("请选择专业技术人员（professionalId）。");
        RuleFor(r => Input(r).Source).Must(s => s is null or RecordSource.ManualAdjustment or RecordSource.ExternalImport).OverridePropertyName("source")
            .WithErrorCode("invalid").WithMessage("手工登记的来源只能是人工调整（ManualAdjustment）或外部平台导入（ExternalImport）；培训班学时请上传学员名单，个人学习活动请本人申报。");
        RuleFor(r => Input(r).ExternalReference).Must(reference => LedgerRules.Trim(reference) is not null).When(r => Input(r).Source == RecordSource.ExternalImport)
            .OverridePropertyName("externalReference")
            .WithErrorCode("required").WithMessage("外部平台导入须填写来源平台及其记录编号（externalReference）。");
        RuleFor(r => r).Custom((request, context) =>
        {
            var input = Input(request);
            foreach (var error in LedgerRules.CheckEntry(input.Date, input.Category, input.Title, input.Amount, ProgramCalendar.Today(clock)))
            {
                context.AddFailure(new ValidationFailure(error.Field, error.Message) { ErrorCode = error.Code });
            }
        });
    }

    private static CreditInput Input(RecordCredit request) => request.Input ?? new CreditInput();
}

/// <summary>Handles <see cref="RecordCredit"/>: the record is approved on entry, with the note as its approval note.</summary>
internal sealed class RecordCreditHandler(LedgerWriter ledger, IAuditActorProvider actors) : IRequestHandler<RecordCredit, Versioned<CreditRecordView>>
{
    /// <inheritdoc />
    public async Task<Versioned<CreditRecordView>> Handle(RecordCredit request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = request.Input ?? new CreditInput();
        var person = await ledger.PersonAsync(input.ProfessionalId!.Value, "手工登记学时", cancellationToken).ConfigureAwait(false);
        var details = await ledger.CheckAsync(person, input.Date, input.Category, input.SubjectCode, input.Amount, input.Unit, input.CreditClass, input.Title, cancellationToken).ConfigureAwait(false);
        var actor = LedgerActor.Of(actors.Current);
        var now = ledger.Now;
        var record = new CreditRecord
        {
            ProfessionalId = person.Id,
            Date = details.Date,
            CreditYear = details.Date.Year,
            Category = details.Category,
            SubjectCode = details.Subject?.Code,
            SubjectName = details.Subject?.Name,
            ModuleKey = details.Subject?.ModuleKey ?? ledger.ModuleFor(person.DepartmentCode),
            Activity = input.Activity ?? ActivityType.ClassroomTraining,
            CreditClass = details.CreditClass,
            Hours = details.Hours,
            EnteredAmount = details.Amount,
            EnteredUnit = details.Unit,
            Title = details.Title,
            Source = input.Source ?? RecordSource.ManualAdjustment,
            ExternalReference = LedgerRules.Trim(input.ExternalReference),
            RecordedByUserId = actor.UserId,
            RecordedByName = actor.Name,
            RecordedAt = now,
            RegionCode = person.RegionCode,
            DepartmentCode = person.DepartmentCode,
            EmployerId = person.EmployerId,
        };
        record.Approve(actor, now, input.Note);
        ledger.Add(record);
        return await ledger.SaveAsync([new PersonYear(person.Id, record.CreditYear)], record.Id, cancellationToken).ConfigureAwait(false);
    }
}
