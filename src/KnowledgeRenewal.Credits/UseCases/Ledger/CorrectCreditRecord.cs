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

/// <summary>A correction of an approved record: the reason and the fields that change (the rest is kept).</summary>
internal sealed record CorrectionInput
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

/// <summary>Corrects an approved record: revokes it and records the correction; answers the new record. Needs <c>If-Match</c>.</summary>
/// <param name="Id">The record.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Input">The reason and the fields that change.</param>
internal sealed record CorrectCreditRecord(Guid Id, string? IfMatch, CorrectionInput Input) : IRequest<Versioned<CreditRecordView>>;

/// <summary>
/// Checks the fields a correction gives (<see cref="LedgerRules.CheckEntry"/> of those given). The reason is the
/// record's own rule (<see cref="LedgerRules.RequireReason"/>, answered as <c>ledger.reason_required</c>); what
/// depends on the person is checked once the record and the person are read.
/// </summary>
internal sealed class CorrectCreditRecordValidator : AbstractValidator<CorrectCreditRecord>
{
    /// <summary>Creates the validator.</summary>
    public CorrectCreditRecordValidator(TimeProvider clock) =>
        RuleFor(r => r).Custom((request, context) =>
        {
            var input = request.Input ?? new CorrectionInput();
            foreach (var error in LedgerRules.CheckEntry(input.Date, input.Category, input.Title, input.Amount, ProgramCalendar.Today(clock), required: false))
            {
                context.AddFailure(new ValidationFailure(error.Field, error.Message) { ErrorCode = error.Code });
            }
        });
}

/// <summary>
/// Handles <see cref="CorrectCreditRecord"/>: the correction keeps the old record's provenance, takes the fields
/// given, is approved with the reason, and both records point at each other.
/// </summary>
internal sealed class CorrectCreditRecordHandler(LedgerWriter ledger, IAuditActorProvider actors) : IRequestHandler<CorrectCreditRecord, Versioned<CreditRecordView>>
{
    /// <inheritdoc />
    public async Task<Versioned<CreditRecordView>> Handle(CorrectCreditRecord request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = request.Input ?? new CorrectionInput();
        var reason = LedgerRules.RequireReason(input.Reason, "reason", "更正理由");
        var (old, person) = await ledger.ForChangeAsync(request.Id, request.IfMatch, "更正学时记录", cancellationToken).ConfigureAwait(false);
        var details = await ledger.CheckAsync(
            person,
            input.Date ?? old.Date,
            input.Category ?? old.Category,
            input.SubjectCode ?? old.SubjectCode,
            input.Amount ?? (input.Unit is null ? old.EnteredAmount : null),
            input.Unit ?? old.EnteredUnit,
            input.CreditClass ?? old.CreditClass,
            input.Title ?? old.Title,
            cancellationToken).ConfigureAwait(false);
        var actor = LedgerActor.Of(actors.Current);
        var now = ledger.Now;
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
            DigitalTrainingId = old.DigitalTrainingId,
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
        ledger.Add(correction);
        return await ledger.SaveAsync([new PersonYear(person.Id, old.CreditYear), new PersonYear(person.Id, correction.CreditYear)], correction.Id, cancellationToken).ConfigureAwait(false);
    }
}
