using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;

namespace KnowledgeRenewal.Identity.UseCases.Audit;

/// <summary>A page of audit records, newest first, optionally filtered (for audit administrators).</summary>
/// <param name="From">Records at or after this instant (UTC).</param>
/// <param name="To">Records before this instant (UTC).</param>
/// <param name="Action">One action, e.g. <c>auth.sign_in</c> (see <see cref="AuditActions"/>).</param>
/// <param name="UserId">One acting account.</param>
/// <param name="Outcome">One outcome.</param>
/// <param name="EntityType">One entity type, e.g. <c>Organization</c>.</param>
/// <param name="Page">Page number from 1.</param>
/// <param name="PageSize">Records per page, 1–200.</param>
/// <param name="UserName">One acting account by user name (or the attempted name of a failed sign-in).</param>
/// <param name="EntityKey">One entity, by its key (e.g. an account id).</param>
internal sealed record ListAuditRecords(
    DateTime? From = null,
    DateTime? To = null,
    string? Action = null,
    Guid? UserId = null,
    AuditOutcome? Outcome = null,
    string? EntityType = null,
    int Page = 1,
    int PageSize = 50,
    string? UserName = null,
    string? EntityKey = null) : IRequest<Paged<AuditRecord>>
{
    /// <summary>The largest page.</summary>
    public const int MaxPageSize = 200;
}

/// <summary>Checks paging and the time window.</summary>
internal sealed class ListAuditRecordsValidator : AbstractValidator<ListAuditRecords>
{
    /// <summary>Creates the validator.</summary>
    public ListAuditRecordsValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListAuditRecords.MaxPageSize).WithErrorCode("out_of_range")
            .WithMessage($"每页条数（pageSize）应在 1 至 {ListAuditRecords.MaxPageSize} 之间。");
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithErrorCode("before_start").WithMessage("结束时间（to）应晚于开始时间（from）。");
        RuleFor(q => q.Action).MaximumLength(64).WithErrorCode("too_long").WithMessage("操作（action）最多 64 个字符。");
        RuleFor(q => q.UserName).MaximumLength(256).WithErrorCode("too_long").WithMessage("用户名（userName）最多 256 个字符。");
        RuleFor(q => q.EntityKey).MaximumLength(256).WithErrorCode("too_long").WithMessage("对象标识（entityKey）最多 256 个字符。");
        RuleFor(q => q.EntityType).MaximumLength(128).WithErrorCode("too_long").WithMessage("对象类型（entityType）最多 128 个字符。");
    }
}

/// <summary>Audit records matching the filters, newest first.</summary>
internal sealed class AuditRecordsMatching : Specification<AuditRecord>
{
    /// <summary>Creates the specification.</summary>
    public AuditRecordsMatching(ListAuditRecords filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var from = Utc(filter.From);
        var to = Utc(filter.To);
        Query.Where(r => r.OccurredAt >= from, from is not null)
            .Where(r => r.OccurredAt < to, to is not null)
            .Where(r => r.Action == filter.Action, !string.IsNullOrEmpty(filter.Action))
            .Where(r => r.UserId == filter.UserId, filter.UserId is not null)
            .Where(r => r.Outcome == filter.Outcome, filter.Outcome is not null)
            .Where(r => r.EntityType == filter.EntityType, !string.IsNullOrEmpty(filter.EntityType))
            .Where(r => r.UserName == filter.UserName, !string.IsNullOrEmpty(filter.UserName))
            .Where(r => r.EntityKey == filter.EntityKey, !string.IsNullOrEmpty(filter.EntityKey))
            .OrderByDescending(r => r.Sequence)
            .AsNoTracking();
    }

    // Instants are compared in UTC (PostgreSQL refuses other kinds); an unspecified kind is taken as UTC.
    private static DateTime? Utc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } utc => utc,
        { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
        var unspecified => DateTime.SpecifyKind(unspecified.Value, DateTimeKind.Utc),
    };
}

/// <summary>Handles <see cref="ListAuditRecords"/>: counts and pages in the database (the audit log's access filter applies).</summary>
internal sealed class ListAuditRecordsHandler(PlatformDbContext db) : IRequestHandler<ListAuditRecords, Paged<AuditRecord>>
{
    /// <inheritdoc />
    public Task<Paged<AuditRecord>> Handle(ListAuditRecords request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return db.AuditRecords.ToPagedAsync(new AuditRecordsMatching(request), request.Page, request.PageSize, records => records, cancellationToken);
    }
}
