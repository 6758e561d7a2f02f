using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Contracts;
using KnowledgeRenewal.Supervision.Domain.Filings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Supervision.UseCases.Filings;

/// <summary>One base's filing of a year as the task list shows it (also for bases that have not filed).</summary>
/// <param name="BaseId">The base.</param>
/// <param name="BaseName">Its name.</param>
/// <param name="Year">The year reported on.</param>
/// <param name="DueOn">The due date.</param>
/// <param name="State">Where it stands (<see cref="FilingState"/>).</param>
/// <param name="StateName">The state in words.</param>
/// <param name="Flagged">Missing or returned.</param>
/// <param name="Late">First submitted after the due date.</param>
/// <param name="FilingId">The filing, when one was submitted.</param>
/// <param name="SubmittedAt">When submitted last (UTC).</param>
internal sealed record FilingRow(Guid BaseId, string BaseName, int Year, DateOnly DueOn, FilingState State, string StateName, bool Flagged, bool Late, Guid? FilingId, DateTime? SubmittedAt);

/// <summary>A year's filings: the due date, one row per active base in the caller's scope, and the counts.</summary>
/// <param name="Year">The year reported on.</param>
/// <param name="DueOn">The due date.</param>
/// <param name="Today">Today (China time).</param>
/// <param name="Rows">The bases.</param>
internal sealed record FilingList(int Year, DateOnly DueOn, DateOnly Today, IReadOnlyList<FilingRow> Rows);

/// <summary>One step of a filing's history.</summary>
/// <param name="Action">What happened.</param>
/// <param name="ActionName">In words.</param>
/// <param name="At">When (UTC).</param>
/// <param name="ByName">Who.</param>
/// <param name="Reason">The reason of a return.</param>
internal sealed record FilingEventView(BaseFilingAction Action, string ActionName, DateTime At, string? ByName, string? Reason);

/// <summary>A filing with its history.</summary>
internal sealed record FilingView
{
    /// <summary>The filing.</summary>
    public Guid Id { get; init; }

    /// <summary>The base.</summary>
    public Guid BaseId { get; init; }

    /// <summary>The base's name.</summary>
    public string BaseName { get; init; } = "";

    /// <summary>The year reported on (the plan is for the year after).</summary>
    public int Year { get; init; }

    /// <summary>The due date.</summary>
    public DateOnly DueOn { get; init; }

    /// <summary>Where it stands.</summary>
    public BaseFilingStatus Status { get; init; }

    /// <summary>Where it stands, in words.</summary>
    public string StatusName { get; init; } = "";

    /// <summary>First submitted after the due date.</summary>
    public bool Late { get; init; }

    /// <summary>The content.</summary>
    public string Execution { get; init; } = "";

    /// <summary>Classes held this year.</summary>
    public int ClassesHeld { get; init; }

    /// <summary>People trained this year.</summary>
    public int PeopleTrained { get; init; }

    /// <summary>Next year's planned classes.</summary>
    public int PlannedClasses { get; init; }

    /// <summary>Next year's subjects.</summary>
    public string PlannedSubjects { get; init; } = "";

    /// <summary>Next year's target trainees.</summary>
    public int TargetTrainees { get; init; }

    /// <summary>Next year's budget, fen.</summary>
    public long BudgetFen { get; init; }

    /// <summary>First submitted (China day).</summary>
    public DateOnly FirstSubmittedOn { get; init; }

    /// <summary>Submitted last (UTC).</summary>
    public DateTime SubmittedAt { get; init; }

    /// <summary>Who submitted last.</summary>
    public string? SubmittedByName { get; init; }

    /// <summary>Decided last (UTC).</summary>
    public DateTime? DecidedAt { get; init; }

    /// <summary>Who decided last.</summary>
    public string? DecidedByName { get; init; }

    /// <summary>Why it was returned.</summary>
    public string? ReturnReason { get; init; }

    /// <summary>The history, oldest first.</summary>
    public IReadOnlyList<FilingEventView> History { get; init; } = [];

    /// <summary>The attachment, if any (download: <c>GET /api/filings/{id}/attachment</c>).</summary>
    public FilingAttachmentView? Attachment { get; init; }
}

/// <summary>A filing's attachment (without its bytes).</summary>
/// <param name="FileName">The name as uploaded.</param>
/// <param name="ContentType">The detected type.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">SHA-256 of the content.</param>
/// <param name="UploadedAt">When (UTC).</param>
/// <param name="UploadedByName">Who.</param>
internal sealed record FilingAttachmentView(string FileName, string ContentType, long Size, string Sha256, DateTime UploadedAt, string? UploadedByName);

/// <summary>What the filing use cases share: the settings, today, the caller's base, views and the 404.</summary>
internal sealed class FilingDesk(PlatformDbContext db, IOptions<FilingOptions> options, [FromKeyedServices(DeadlineClock.Key)] TimeProvider clock)
{
    /// <summary>The settings.</summary>
    public FilingOptions Options => options.Value;

    /// <summary>Today, China time.</summary>
    public DateOnly Today => ProgramCalendar.Today(clock);

    /// <summary>Now (UTC).</summary>
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>404 for a filing not found (or outside the caller's scope).</summary>
    public static PlatformException NotFound(Guid id) => new("supervision.filing_not_found", 404, "找不到这份报送", $"报送 {id} 不存在，或不在您的管辖范围内。");

    /// <summary>The action in words.</summary>
    public static string ActionName(BaseFilingAction action) => action switch
    {
        BaseFilingAction.Submitted => "报送",
        BaseFilingAction.Resubmitted => "修改后重新报送",
        BaseFilingAction.Accepted => "接收",
        BaseFilingAction.Returned => "退回",
        _ => action.ToString(),
    };

    /// <summary>The status in words.</summary>
    public static string StatusName(BaseFilingStatus status) => FilingCalendar.Label(status switch
    {
        BaseFilingStatus.Accepted => FilingState.Accepted,
        BaseFilingStatus.Returned => FilingState.Returned,
        _ => FilingState.Submitted,
    });

    /// <summary>
    /// Attaches <paramref name="upload"/> to <paramref name="filing"/> (checked and stored like inspection evidence),
    /// replacing the one before; refused once the filing is accepted (409 <c>supervision.filing_closed</c>). The caller saves.
    /// </summary>
    public async Task AttachAsync(BaseFiling filing, Inspections.EvidenceUpload upload, string? by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filing);
        ArgumentNullException.ThrowIfNull(upload);
        if (filing.Status == BaseFilingStatus.Accepted)
        {
            throw new PlatformException("supervision.filing_closed", 409, "报送已接收，附件不再变动", "市项目办已接收这份报送，不能再更换附件。");
        }

        var (name, type, sha256) = upload.Check(BaseFilingAttachment.FileNameLength, "attachment");
        var before = await db.BaseFilingAttachments.Where(a => a.FilingId == filing.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        db.BaseFilingAttachments.RemoveRange(before);
        db.BaseFilingAttachments.Add(new BaseFilingAttachment
        {
            FilingId = filing.Id, FileName = name, ContentType = type, Size = upload.Content.Length, Sha256 = sha256, Content = upload.Content, UploadedAt = Now, UploadedByName = by,
        });
    }

    /// <summary>The active base of the caller's organization (403 when the caller's organization is no active base).</summary>
    public async Task<EducationBase> CallerBaseAsync(Guid? organizationId, CancellationToken cancellationToken)
    {
        var home = organizationId ?? Guid.Empty;
        return await db.EducationBases.Include(b => b.Organization)
            .FirstOrDefaultAsync(b => b.OrganizationId == home && FilingRules.FilingStatuses.Contains(b.Status), cancellationToken).ConfigureAwait(false)
            ?? throw new PlatformException("supervision.filing_not_a_base", 403, "您的单位不是有效的继续教育基地",
                "年度报送由继续教育基地的工作人员填写；您的单位目前没有有效的基地认定。");
    }

    /// <summary>The filing's view (within the caller's scope).</summary>
    public async Task<Versioned<FilingView>> ViewAsync(Guid id, CancellationToken cancellationToken)
    {
        var filing = await db.BaseFilings.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw NotFound(id);
        var name = await db.EducationBases.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).Where(b => b.Id == filing.BaseId)
            .Select(b => b.Name).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? "";
        var events = await db.BaseFilingEvents.AsNoTracking().Where(e => e.FilingId == id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var attachment = await db.BaseFilingAttachments.AsNoTracking().Where(a => a.FilingId == id)
            .Select(a => new FilingAttachmentView(a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt, a.UploadedByName)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return new Versioned<FilingView>(new FilingView
        {
            Id = filing.Id,
            BaseId = filing.BaseId,
            BaseName = name,
            Year = filing.Year,
            DueOn = FilingCalendar.Due(Options, filing.Year),
            Status = filing.Status,
            StatusName = StatusName(filing.Status),
            Late = filing.Late,
            Execution = filing.Execution,
            ClassesHeld = filing.ClassesHeld,
            PeopleTrained = filing.PeopleTrained,
            PlannedClasses = filing.PlannedClasses,
            PlannedSubjects = filing.PlannedSubjects,
            TargetTrainees = filing.TargetTrainees,
            BudgetFen = filing.BudgetFen,
            FirstSubmittedOn = filing.FirstSubmittedOn,
            SubmittedAt = filing.SubmittedAt,
            SubmittedByName = filing.SubmittedByName,
            DecidedAt = filing.DecidedAt,
            DecidedByName = filing.DecidedByName,
            ReturnReason = filing.ReturnReason,
            Attachment = attachment,
            History = [.. events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new FilingEventView(e.Action, ActionName(e.Action), e.At, e.ByName, e.Reason))],
        }, filing.ConcurrencyStamp);
    }
}
