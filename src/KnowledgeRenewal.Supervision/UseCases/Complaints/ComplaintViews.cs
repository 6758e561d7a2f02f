using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Contracts;
using KnowledgeRenewal.Supervision.Domain;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Complaints;

/// <summary>A complaint as its handlers see it: the contact's phone masked, the deadline and how late it is.</summary>
/// <param name="Id">Key.</param>
/// <param name="Code">The lookup code.</param>
/// <param name="ObjectKind">What it is against.</param>
/// <param name="ObjectKindName">That, in words.</param>
/// <param name="ObjectId">The object's id.</param>
/// <param name="ObjectName">The object's name.</param>
/// <param name="Subject">Subject.</param>
/// <param name="Content">What happened.</param>
/// <param name="ContactName">The filer's name.</param>
/// <param name="ContactPhoneMasked">The filer's phone, masked.</param>
/// <param name="FiledAt">When filed (UTC).</param>
/// <param name="Status">State.</param>
/// <param name="StatusName">State, in words.</param>
/// <param name="DueOn">The current stage's deadline.</param>
/// <param name="Overdue">Whether the deadline has passed (escalated to the program office).</param>
/// <param name="WorkingDaysOverdue">Working days past it.</param>
/// <param name="AssigneeName">The county bureau or line department handling it.</param>
/// <param name="ReferredTo">The authority it was referred to.</param>
/// <param name="AssignmentNote">The office's note.</param>
/// <param name="AssignedByName">Who assigned or referred it.</param>
/// <param name="AssignedAt">When.</param>
/// <param name="Finding">The finding.</param>
/// <param name="FindingName">It, in words.</param>
/// <param name="FindingText">The investigation's account.</param>
/// <param name="PublicOutcome">What the filer reads.</param>
/// <param name="ResolvedByName">Who resolved it.</param>
/// <param name="ResolvedAt">When.</param>
/// <param name="ClosedLateBy">Working days past the deadline when closed.</param>
public sealed record ComplaintView(
    Guid Id, string Code, SupervisedObjectKind ObjectKind, string ObjectKindName, Guid ObjectId, string ObjectName, string Subject, string Content,
    string ContactName, string ContactPhoneMasked, DateTime FiledAt, ComplaintStatus Status, string StatusName, DateOnly? DueOn, bool Overdue,
    int WorkingDaysOverdue, string? AssigneeName, string? ReferredTo, string? AssignmentNote, string? AssignedByName, DateTime? AssignedAt,
    ComplaintFinding? Finding, string? FindingName, string? FindingText, string? PublicOutcome, string? ResolvedByName, DateTime? ResolvedAt, int ClosedLateBy)
{
    /// <summary>Names the complaint without its personal data (for logs).</summary>
    public override string ToString() => $"{nameof(ComplaintView)} {Code}";
}

/// <summary>What the complaint use cases share: finding one in the caller's scope, the view with today's lateness, saving with the ETag.</summary>
internal sealed class ComplaintStore(PlatformDbContext db, WorkingDayCalendar calendar, TimeProvider clock)
{
    /// <summary>Today in China time.</summary>
    public DateOnly Today => ProgramCalendar.Today(clock);

    /// <summary>The calendar.</summary>
    public WorkingDayCalendar Calendar => calendar;

    /// <summary>A 404.</summary>
    public static PlatformException NotFound() =>
        new(ComplaintProblemCodes.NotFound, 404, "未找到投诉", "未找到该投诉，或该投诉不由您办理。");

    /// <summary>The complaint (tracked) within the caller's scope, else 404.</summary>
    public async Task<Complaint> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false) ?? throw NotFound();

    /// <summary>The view of a complaint today.</summary>
    public ComplaintView View(Complaint c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var today = Today;
        var overdue = ComplaintRules.IsOverdue(c.Status, c.DueOn, today);
        return new ComplaintView(
            c.Id, c.Code, c.ObjectKind, ComplaintLabels.Kind(c.ObjectKind), c.ObjectId, c.ObjectName, c.Subject, c.Content,
            c.ContactName, c.ContactPhoneMasked, c.FiledAt, c.Status, ComplaintLabels.Status(c.Status), c.DueOn, overdue,
            overdue ? ComplaintRules.WorkingDaysOverdue(calendar, c.DueOn, today) : 0, c.AssigneeName, c.ReferredTo, c.AssignmentNote,
            c.AssignedByName, c.AssignedAt, c.Finding, c.Finding is { } f ? ComplaintLabels.Finding(f) : null, c.FindingText, c.PublicOutcome,
            c.ResolvedByName, c.ResolvedAt, c.ClosedLateBy);
    }

    /// <summary>Saves a change compare-and-swap on the version the caller read (412 when someone acted first).</summary>
    public async Task<Versioned<ComplaintView>> SaveAsync(Complaint complaint, Guid read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        db.Entry(complaint).Property(c => c.ConcurrencyStamp).OriginalValue = read;
        complaint.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Preconditions.Stale();
        }

        return new(View(complaint), complaint.ConcurrencyStamp);
    }
}
