using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Supervision.Domain.Bases;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Supervision.UseCases.Bases;

/// <summary>
/// Handles Programs' <see cref="BaseConstructionApproved"/>: the base the project builds on (or the host's base of the
/// project's level, or a new Registry base named after the project) gets a designation for
/// <see cref="BaseSupervisionOptions.DesignationYears"/> years — a renewal starts after the running period — and
/// becomes active (a status change recorded with the project as its reason). Once per project.
/// </summary>
internal sealed class DesignateBaseHandler(PlatformDbContext db, IOptions<BaseSupervisionOptions> options, TimeProvider clock)
    : INotificationHandler<BaseConstructionApproved>
{
    private static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];

    /// <inheritdoc />
    public async Task Handle(BaseConstructionApproved notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (await db.Set<BaseDesignation>().AnyAsync(d => d.ProjectId == notification.ProjectId, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var level = notification.Level switch
        {
            ProjectLevel.National => BaseLevel.National,
            ProjectLevel.Provincial => BaseLevel.Provincial,
            _ => BaseLevel.Municipal,
        };
        var today = ProgramCalendar.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var bases = db.EducationBases.IgnoreQueryFilters(AccessScope);
        var found = notification.EducationBaseId is { } id
            ? await bases.FirstOrDefaultAsync(b => b.Id == id, cancellationToken).ConfigureAwait(false)
            : await bases.Where(b => b.OrganizationId == notification.HostOrganizationId && b.Level == level)
                .OrderByDescending(b => b.DesignatedOn).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var target = found ?? new EducationBase
        {
            Name = BaseName(notification.Title),
            OrganizationId = notification.HostOrganizationId,
            Level = level,
            DesignatedOn = today,
        };
        if (found is null)
        {
            db.EducationBases.Add(target);
        }

        var latestEnd = await db.Set<BaseDesignation>().Where(d => d.BaseId == target.Id)
            .MaxAsync(d => (DateOnly?)d.ValidTo, cancellationToken).ConfigureAwait(false);
        var (from, to, renewal) = DesignationRules.Period(today, options.Value.DesignationYears, latestEnd ?? (found is null ? null : target.DesignatedOn.AddYears(options.Value.DesignationYears).AddDays(-1)));
        db.Set<BaseDesignation>().Add(new BaseDesignation
        {
            BaseId = target.Id,
            ProjectId = notification.ProjectId,
            ProjectNumber = notification.ProjectNumber,
            Level = level,
            Source = level == BaseLevel.Municipal ? DesignationSource.CitySelection : DesignationSource.UpstreamOutcome,
            Renewal = renewal,
            ValidFrom = from,
            ValidTo = to,
            ReferenceNumber = notification.ReferenceNumber,
            RecordedByUserId = notification.ApprovedByUserId,
            RecordedByName = notification.ApprovedByName,
            RecordedAt = now,
        });

        var before = found?.Status;
        if (found is null || found.Status != BaseStatus.Active || found.Level != level)
        {
            db.Set<BaseStatusChange>().Add(new BaseStatusChange
            {
                BaseId = target.Id,
                From = before,
                To = BaseStatus.Active,
                Reason = $"基地建设项目 {notification.ProjectNumber} 获批，{(renewal ? "续期认定" : "认定")}为{BaseStatusRules.Label(level)}基地（{from:yyyy-MM-dd} ～ {to:yyyy-MM-dd}）。",
                ChangedByUserId = notification.ApprovedByUserId,
                ChangedByName = notification.ApprovedByName,
                ChangedAt = now,
            });
            target.Status = BaseStatus.Active;
            target.Level = level;
            target.ConcurrencyStamp = Guid.NewGuid();
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string BaseName(string title)
    {
        var name = title.Trim();
        return name.Length <= EducationBaseRules.MaxNameLength ? name : name[..EducationBaseRules.MaxNameLength];
    }
}
