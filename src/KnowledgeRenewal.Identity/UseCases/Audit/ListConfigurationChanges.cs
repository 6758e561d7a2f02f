using FluentValidation;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Identity.UseCases.Audit;

/// <summary>
/// The configuration's changes for the system administrator, newest first: the audit records the
/// <see cref="ConfigurationAuditor"/> writes at start-up (<see cref="AuditActions.ConfigurationChanged"/>, and module
/// switches as <see cref="AuditActions.ModuleToggled"/>) — each the setting, its value before and after (secrets only
/// as fingerprints). Only these two actions: the rest of the audit log stays the audit administrator's.
/// </summary>
/// <param name="Page">Page number from 1.</param>
/// <param name="PageSize">Changes per page, 1–100.</param>
internal sealed record ListConfigurationChanges(int Page = 1, int PageSize = 50) : IRequest<Paged<ConfigurationChange>>;

/// <summary>One change of the configuration.</summary>
/// <param name="Sequence">The audit record's number.</param>
/// <param name="OccurredAt">When the platform started with it (UTC).</param>
/// <param name="IsModuleSwitch">Whether a module was switched on or off.</param>
/// <param name="Setting">The setting (<c>Security:PasswordMinLength</c>), or the module's key; null for the first record (the baseline).</param>
/// <param name="Before">The value before (null: unset).</param>
/// <param name="After">The value after (null: removed).</param>
/// <param name="Details">The record as written.</param>
internal sealed record ConfigurationChange(long Sequence, DateTime OccurredAt, bool IsModuleSwitch, string? Setting, string? Before, string? After, string? Details);

/// <summary>Checks paging.</summary>
internal sealed class ListConfigurationChangesValidator : AbstractValidator<ListConfigurationChanges>
{
    /// <summary>Creates the validator.</summary>
    public ListConfigurationChangesValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}

/// <summary>Handles <see cref="ListConfigurationChanges"/>.</summary>
internal sealed class ListConfigurationChangesHandler(PlatformDbContext db) : IRequestHandler<ListConfigurationChanges, Paged<ConfigurationChange>>
{
    private const string Unset = "(unset)";

    /// <inheritdoc />
    public async Task<Paged<ConfigurationChange>> Handle(ListConfigurationChanges request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The audit log's access filter shows records to audit administrators only; these two actions carry settings,
        // never personal data, and are what the system administrator answers for.
        var changes = db.AuditRecords.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(r => r.Action == AuditActions.ConfigurationChanged || r.Action == AuditActions.ModuleToggled);
        var total = await changes.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await changes.OrderByDescending(r => r.Sequence)
            .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .Select(r => new { r.Sequence, r.OccurredAt, r.Action, r.EntityKey, r.Details })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var items = rows.Select(r =>
        {
            var (setting, before, after) = Parse(r.Details);
            return new ConfigurationChange(r.Sequence, r.OccurredAt, r.Action == AuditActions.ModuleToggled, setting ?? r.EntityKey, before, after, r.Details);
        }).ToList();
        return new Paged<ConfigurationChange>(request.Page, request.PageSize, total, items);
    }

    // "Key: before → after", as the auditor writes it; anything else (the baseline) is kept as details only.
    private static (string? Setting, string? Before, string? After) Parse(string? details)
    {
        var colon = details?.IndexOf(": ", StringComparison.Ordinal) ?? -1;
        var arrow = colon < 0 ? -1 : details!.IndexOf(" → ", colon, StringComparison.Ordinal);
        if (details is null || arrow < 0)
        {
            return (null, null, null);
        }

        var before = details[(colon + 2)..arrow];
        var after = details[(arrow + 3)..];
        return (details[..colon], before == Unset ? null : before, after == Unset ? null : after);
    }
}
