using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Bases;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Bases;

/// <summary>An exchange as recorded.</summary>
/// <param name="BaseIds">The bases involved (two to twenty, distinct).</param>
/// <param name="HeldOn">The day (not after today).</param>
/// <param name="Kind">Visit, JointTraining, ResourceSharing, Agreement or Other.</param>
/// <param name="Topic">The topic (required, ≤ 200).</param>
/// <param name="Participants">People who took part (1–100,000).</param>
/// <param name="Note">A note (optional, ≤ 1000).</param>
public sealed record BaseExchangeInput(IReadOnlyList<Guid>? BaseIds, DateOnly? HeldOn, BaseExchangeKind? Kind, string? Topic, int? Participants, [property: DataType(DataType.MultilineText)] string? Note);

/// <summary>An exchange with the bases involved.</summary>
/// <param name="Id">The exchange.</param>
/// <param name="HeldOn">The day.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="KindName">In words.</param>
/// <param name="Topic">Its topic.</param>
/// <param name="Participants">People who took part.</param>
/// <param name="Note">The note.</param>
/// <param name="Bases">The bases involved, by name.</param>
/// <param name="RecordedByName">Who recorded it.</param>
/// <param name="RecordedAt">When (UTC).</param>
public sealed record BaseExchangeView(Guid Id, DateOnly HeldOn, BaseExchangeKind Kind, string KindName, string Topic, int Participants, string? Note, IReadOnlyList<ExchangeBaseView> Bases, string RecordedByName, DateTime RecordedAt);

/// <summary>A base in an exchange.</summary>
public sealed record ExchangeBaseView(Guid Id, string Name);

/// <summary>The program office records an exchange or cooperation between two or more bases (400 for a base it cannot see).</summary>
/// <param name="Input">The exchange.</param>
internal sealed record RecordBaseExchange(BaseExchangeInput Input) : IRequest<BaseExchangeView>;

/// <summary>Checks an exchange.</summary>
internal sealed class RecordBaseExchangeValidator : AbstractValidator<RecordBaseExchange>
{
    /// <summary>Creates the validator.</summary>
    public RecordBaseExchangeValidator(TimeProvider clock)
    {
        RuleFor(r => r.Input).NotNull().WithErrorCode("required").WithMessage("请填写交流合作情况。");
        When(r => r.Input is not null, () =>
        {
            RuleFor(r => r.Input.BaseIds).Must(ids => ids is not null && ids.Distinct().Count() is >= 2 and <= BaseExchange.MaxBases)
                .OverridePropertyName("baseIds").WithErrorCode("invalid_value").WithMessage($"请选择参与交流的基地（2 至 {BaseExchange.MaxBases} 个，不重复）。");
            RuleFor(r => r.Input.HeldOn).NotNull().OverridePropertyName("heldOn").WithErrorCode("required").WithMessage("请填写交流日期。");
            RuleFor(r => r.Input.HeldOn).Must(d => d is null || d <= ProgramCalendar.Today(clock)).OverridePropertyName("heldOn").WithErrorCode("out_of_range").WithMessage("交流日期不能晚于今天。");
            RuleFor(r => r.Input.Kind).NotNull().IsInEnum().OverridePropertyName("kind").WithErrorCode("invalid_enum").WithMessage("请选择交流形式。");
            RuleFor(r => r.Input.Topic).Must(t => !string.IsNullOrWhiteSpace(t)).OverridePropertyName("topic").WithErrorCode("required").WithMessage("请填写交流主题。");
            RuleFor(r => r.Input.Topic).MaximumLength(BaseExchange.TopicLength).OverridePropertyName("topic").WithErrorCode("too_long").WithMessage($"交流主题最多 {BaseExchange.TopicLength} 个字。");
            RuleFor(r => r.Input.Participants).NotNull().InclusiveBetween(1, BaseExchange.MaxParticipants).OverridePropertyName("participants").WithErrorCode("out_of_range")
                .WithMessage($"参与人数应在 1 至 {BaseExchange.MaxParticipants:N0} 之间。");
            RuleFor(r => r.Input.Note).MaximumLength(BaseExchange.NoteLength).OverridePropertyName("note").WithErrorCode("too_long").WithMessage($"备注最多 {BaseExchange.NoteLength} 个字。");
        });
    }
}

/// <summary>Handles <see cref="RecordBaseExchange"/>.</summary>
internal sealed class RecordBaseExchangeHandler(PlatformDbContext db, IAuditActorProvider actors, TimeProvider clock) : IRequestHandler<RecordBaseExchange, BaseExchangeView>
{
    /// <inheritdoc />
    public async Task<BaseExchangeView> Handle(RecordBaseExchange request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = request.Input;
        var ids = input.BaseIds!.Distinct().ToList();
        var bases = await db.EducationBases.AsNoTracking().Where(b => ids.Contains(b.Id)).Select(b => new ExchangeBaseView(b.Id, b.Name)).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (bases.Count != ids.Count)
        {
            throw new PlatformException("supervision.exchange_base_unknown", StatusCodes.Status400BadRequest, "有基地无法识别", "所选基地中有不存在或您无权查看的基地。",
                [new FieldError("baseIds", "not_found", "所选基地中有不存在或您无权查看的基地。")]);
        }

        var exchange = new BaseExchange
        {
            HeldOn = input.HeldOn!.Value,
            Kind = input.Kind!.Value,
            Topic = input.Topic!.Trim(),
            Participants = input.Participants!.Value,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            RecordedByName = actors.Current.UserName ?? "unknown",
            Parties = [],
        };
        exchange.Parties.AddRange(ids.Select(id => new BaseExchangeParty { ExchangeId = exchange.Id, BaseId = id }));
        db.Set<BaseExchange>().Add(exchange);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new BaseExchangeView(exchange.Id, exchange.HeldOn, exchange.Kind, BaseExchangeRules.Label(exchange.Kind), exchange.Topic, exchange.Participants, exchange.Note,
            [.. bases.OrderBy(b => b.Name, StringComparer.Ordinal)], exchange.RecordedByName, exchange.RecordedAt);
    }
}
