using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Bases;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Bases;

/// <summary>A base's supervision record: Registry's base, its designations, status history and assessments (404 outside the caller's scope).</summary>
/// <param name="Id">The base.</param>
public sealed record GetBaseSupervision(Guid Id) : IRequest<Versioned<BaseSupervisionView>>;

/// <summary>A base's supervision record.</summary>
/// <param name="Id">The base.</param>
/// <param name="Name">Name.</param>
/// <param name="OrganizationId">The organization that runs it.</param>
/// <param name="OrganizationName">Its name.</param>
/// <param name="Level">Level.</param>
/// <param name="Status">Status (Registry's).</param>
/// <param name="DesignatedOn">First designated (Registry's).</param>
/// <param name="Designations">Designations, newest first.</param>
/// <param name="History">Status changes, newest first.</param>
/// <param name="Assessments">Assessments, newest year first.</param>
/// <param name="Exits">Exit notices (公示), newest first.</param>
/// <param name="Exchanges">Exchanges and cooperation with other bases, newest first.</param>
public sealed record BaseSupervisionView(
    Guid Id, string Name, Guid OrganizationId, string? OrganizationName, BaseLevel Level, BaseStatus Status, DateOnly DesignatedOn,
    IReadOnlyList<DesignationView> Designations, IReadOnlyList<StatusChangeView> History, IReadOnlyList<AssessmentView> Assessments,
    IReadOnlyList<BaseExitView> Exits, IReadOnlyList<BaseExchangeView> Exchanges);

/// <summary>A designation.</summary>
public sealed record DesignationView(Guid Id, BaseLevel Level, DesignationSource Source, bool Renewal, DateOnly ValidFrom, DateOnly ValidTo, Guid? ProjectId, string? ProjectNumber, string? ReferenceNumber, string RecordedByName, DateTime RecordedAt);

/// <summary>A status change.</summary>
public sealed record StatusChangeView(BaseStatus? From, BaseStatus To, string Reason, string ChangedByName, DateTime ChangedAt);

/// <summary>An assessment.</summary>
public sealed record AssessmentView(int Year, int MethodVersion, int Trainees, int Seminars, int PublicCourses, int ProfessionalCourses, decimal? CompletionRate, decimal? SatisfactionRate, decimal? InspectionScore, int Inspections, decimal Score, bool Passed, bool ProposedExit, string? Note, string AssessedByName, DateTime AssessedAt);

internal sealed class GetBaseSupervisionHandler(PlatformDbContext db, ICurrentAccess access, TimeProvider clock) : IRequestHandler<GetBaseSupervision, Versioned<BaseSupervisionView>>
{
    public async Task<Versioned<BaseSupervisionView>> Handle(GetBaseSupervision request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var b = await BaseAccess.VisibleAsync(db, request.Id, cancellationToken).ConfigureAwait(false);
        var designations = await db.Set<BaseDesignation>().AsNoTracking().Where(d => d.BaseId == b.Id).OrderByDescending(d => d.ValidFrom)
            .Select(d => new DesignationView(d.Id, d.Level, d.Source, d.Renewal, d.ValidFrom, d.ValidTo, d.ProjectId, d.ProjectNumber, d.ReferenceNumber, d.RecordedByName, d.RecordedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var history = await db.Set<BaseStatusChange>().AsNoTracking().Where(c => c.BaseId == b.Id).OrderByDescending(c => c.ChangedAt)
            .Select(c => new StatusChangeView(c.From, c.To, c.Reason, c.ChangedByName, c.ChangedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var assessments = await db.Set<BaseAssessment>().AsNoTracking().Where(a => a.BaseId == b.Id).OrderByDescending(a => a.Year)
            .Select(a => new AssessmentView(a.Year, a.MethodVersion, a.Trainees, a.Seminars, a.PublicCourses, a.ProfessionalCourses, a.CompletionRate, a.SatisfactionRate, a.InspectionScore, a.Inspections, a.Score, a.Passed, a.ProposedExit, a.Note, a.AssessedByName, a.AssessedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var today = KnowledgeRenewal.Kernel.Time.ProgramCalendar.Today(clock);
        var exits = await db.Set<BaseExitNotice>().AsNoTracking().Include(n => n.Objections).Where(n => n.BaseId == b.Id).OrderByDescending(n => n.StartedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var exchanges = await ListBaseExchangesHandler.ReadAsync(db, b.Id, cancellationToken).ConfigureAwait(false);
        return new Versioned<BaseSupervisionView>(
            new BaseSupervisionView(b.Id, b.Name, b.OrganizationId, b.Organization?.Name, b.Level, b.Status, b.DesignatedOn, designations, history, assessments,
                [.. exits.Select(n => BaseExitViews.View(n, b.Name, today, BaseExitViews.SeesObjectors(access)))], exchanges),
            b.ConcurrencyStamp);
    }
}
