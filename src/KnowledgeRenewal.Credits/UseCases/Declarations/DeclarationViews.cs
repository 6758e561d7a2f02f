using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Declarations;

/// <summary>The declaring professional as a declaration shows them (masked).</summary>
/// <param name="Id">The professional.</param>
/// <param name="Name">姓名.</param>
/// <param name="IdNumberMasked">身份证号, masked.</param>
public sealed record DeclarantView(Guid Id, string? Name, string? IdNumberMasked);

/// <summary>The credit record of a declaration.</summary>
/// <param name="Id">The record.</param>
/// <param name="Status">Pending, approved, rejected or revoked.</param>
/// <param name="StatusName">待审核 / 已认定 / 已驳回 / 已撤销.</param>
/// <param name="Hours">Its credit hours.</param>
/// <param name="ReviewedBy">Who approved or rejected it.</param>
/// <param name="ReviewedAt">When (UTC).</param>
/// <param name="ReviewReason">Why it was rejected (or the approval's note).</param>
public sealed record DeclarationRecordView(Guid Id, CreditRecordStatus Status, string StatusName, decimal Hours, string? ReviewedBy, DateTime? ReviewedAt, string? ReviewReason);

/// <summary>One step of a declaration's review trail.</summary>
/// <param name="Step"><c>submitted</c>, <c>employer</c>, <c>department</c> or <c>withdrawn</c>.</param>
/// <param name="StepName">提交申报 / 单位审核 / 主管部门审核 / 本人撤回.</param>
/// <param name="Decision"><c>approved</c> or <c>rejected</c> for a review; null otherwise.</param>
/// <param name="DecisionName">通过 / 驳回.</param>
/// <param name="By">Who (user name).</param>
/// <param name="At">When (UTC).</param>
/// <param name="Comment">The comment or reason.</param>
/// <param name="ByName">Who, as people know them (the account's display name).</param>
public sealed record ReviewStepView(string Step, string StepName, string? Decision, string? DecisionName, string? By, DateTime? At, string? Comment, string? ByName = null);

/// <summary>An evidence file's description (the content is downloaded from <paramref name="Url"/>).</summary>
/// <param name="Id">The file.</param>
/// <param name="FileName">Its (sanitized) name.</param>
/// <param name="ContentType">PDF, JPEG or PNG, recognised from the bytes.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">SHA-256 of the content.</param>
/// <param name="UploadedAt">When (UTC).</param>
/// <param name="Url">Where to download it (the person and the reviewers).</param>
public sealed record EvidenceView(Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTime UploadedAt, string Url);

/// <summary>A declaration with its review trail, its credit record and its evidence.</summary>
/// <param name="Id">Id.</param>
/// <param name="Status">Where the review stands.</param>
/// <param name="StatusName">Its Chinese name.</param>
/// <param name="AwaitingStep"><c>employer</c> or <c>department</c> while under review; null once decided.</param>
/// <param name="Activity">Activity type.</param>
/// <param name="ActivityName">Its Chinese name.</param>
/// <param name="Title">Title.</param>
/// <param name="Organizer">Organizer.</param>
/// <param name="Description">Description.</param>
/// <param name="StartDate">First day.</param>
/// <param name="EndDate">Last day.</param>
/// <param name="CreditYear">The credit year (the last day's year).</param>
/// <param name="Category">Public or professional.</param>
/// <param name="CategoryName">公需科目 / 专业科目.</param>
/// <param name="SubjectCode">Subject, if named.</param>
/// <param name="Items">Items, for activities credited per item.</param>
/// <param name="ClaimedAmount">Amount claimed, for activities credited by hours.</param>
/// <param name="ClaimedUnit">Its unit.</param>
/// <param name="Hours">Credit hours the rules grant (before yearly caps).</param>
/// <param name="ModuleKey">The module whose rules computed them (null: the platform's).</param>
/// <param name="CreditClass">The credit class, if any.</param>
/// <param name="Professional">The declaring professional (masked).</param>
/// <param name="EmployerId">The employer at submission (reviews first).</param>
/// <param name="EmployerName">Its name.</param>
/// <param name="DepartmentCode">The sector at submission (reviews second).</param>
/// <param name="RegionCode">The region at submission.</param>
/// <param name="SubmittedAt">When it was submitted (UTC).</param>
/// <param name="Record">Its credit record.</param>
/// <param name="Trail">The review trail, in order.</param>
/// <param name="Evidence">The evidence files.</param>
public sealed record DeclarationView(
    Guid Id,
    DeclarationStatus Status,
    string StatusName,
    string? AwaitingStep,
    ActivityType Activity,
    string ActivityName,
    string Title,
    string? Organizer,
    string? Description,
    DateOnly StartDate,
    DateOnly EndDate,
    int CreditYear,
    CreditCategory Category,
    string CategoryName,
    string? SubjectCode,
    int? Items,
    decimal? ClaimedAmount,
    CreditUnit ClaimedUnit,
    decimal Hours,
    string? ModuleKey,
    string? CreditClass,
    DeclarantView Professional,
    Guid EmployerId,
    string? EmployerName,
    string DepartmentCode,
    string RegionCode,
    DateTime SubmittedAt,
    DeclarationRecordView? Record,
    IReadOnlyList<ReviewStepView> Trail,
    IReadOnlyList<EvidenceView> Evidence);

/// <summary>A declaration in a list.</summary>
/// <param name="Id">Id.</param>
/// <param name="Status">Where the review stands.</param>
/// <param name="StatusName">Its Chinese name.</param>
/// <param name="Activity">Activity type.</param>
/// <param name="ActivityName">Its Chinese name.</param>
/// <param name="Title">Title.</param>
/// <param name="EndDate">Last day.</param>
/// <param name="CreditYear">Credit year.</param>
/// <param name="Hours">Credit hours the rules grant.</param>
/// <param name="ProfessionalId">The declaring professional.</param>
/// <param name="ProfessionalName">Their name.</param>
/// <param name="EmployerId">The employer at submission.</param>
/// <param name="EmployerName">Its name.</param>
/// <param name="DepartmentCode">The sector at submission.</param>
/// <param name="RegionCode">The region at submission.</param>
/// <param name="SubmittedAt">When it was submitted (UTC).</param>
internal sealed record DeclarationSummary(
    Guid Id,
    DeclarationStatus Status,
    string StatusName,
    ActivityType Activity,
    string ActivityName,
    string Title,
    DateOnly EndDate,
    int CreditYear,
    decimal Hours,
    Guid ProfessionalId,
    string? ProfessionalName,
    Guid EmployerId,
    string? EmployerName,
    string DepartmentCode,
    string RegionCode,
    DateTime SubmittedAt);

/// <summary>
/// Reads declaration views. The declaration is read through the caller's scope filter (404 outside it); its own
/// parts — the credit record, the declarant's name and masked ID number, the employer's name — are then read by
/// id without the filter, because a visible declaration shows them even after the person moved elsewhere.
/// </summary>
internal static class DeclarationViews
{
    private const string NotFoundWhat = "个人申报";

    public static PlatformException NotFound(Guid id) => new NotFoundException(NotFoundWhat, id);

    public static async Task<Versioned<DeclarationView>> GetAsync(PlatformDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var declaration = await db.ActivityDeclarations.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw NotFound(id);
        var evidence = await db.EvidenceFiles.AsNoTracking()
            .Where(e => e.DeclarationId == id)
            .OrderBy(e => e.UploadedAt).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedAt })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var record = await Unscoped(db.CreditRecords).AsNoTracking().FirstOrDefaultAsync(r => r.Id == declaration.CreditRecordId, cancellationToken).ConfigureAwait(false);
        var person = await Unscoped(db.Professionals).AsNoTracking()
            .Where(p => p.Id == declaration.ProfessionalId)
            .Select(p => new DeclarantView(p.Id, p.Name, p.IdNumberMasked))
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        var employer = await EmployerNamesAsync(db, [declaration.EmployerId], cancellationToken).ConfigureAwait(false);

        var view = new DeclarationView(
            declaration.Id,
            declaration.Status,
            DeclarationLabels.Status(declaration.Status),
            AwaitingStep(declaration.Status),
            declaration.Activity,
            ComplianceLabels.Activity(declaration.Activity),
            declaration.Title,
            declaration.Organizer,
            declaration.Description,
            declaration.StartDate,
            declaration.EndDate,
            declaration.EndDate.Year,
            declaration.Category,
            ComplianceLabels.Category(declaration.Category),
            declaration.SubjectCode,
            declaration.Items,
            declaration.ClaimedAmount,
            declaration.ClaimedUnit,
            declaration.Hours.Hours,
            declaration.ModuleKey,
            declaration.CreditClass,
            person ?? new DeclarantView(declaration.ProfessionalId, null, null),
            declaration.EmployerId,
            employer.GetValueOrDefault(declaration.EmployerId),
            declaration.DepartmentCode,
            declaration.RegionCode,
            declaration.SubmittedAt,
            record is null ? null : new DeclarationRecordView(record.Id, record.Status, LedgerLabels.Status(record.Status), record.Hours.Hours, record.ReviewedByName, record.ReviewedAt, record.ReviewReason),
            await WithNamesAsync(db, Trail(declaration, record), cancellationToken).ConfigureAwait(false),
            [.. evidence.Select(e => new EvidenceView(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedAt, $"/api/declarations/{declaration.Id:D}/evidence/{e.Id:D}"))]);
        return new Versioned<DeclarationView>(view, declaration.ConcurrencyStamp);
    }

    // The trail's people by the names they are known by (the accounts' display names), not their user names.
    private static async Task<IReadOnlyList<ReviewStepView>> WithNamesAsync(PlatformDbContext db, IReadOnlyList<ReviewStepView> trail, CancellationToken cancellationToken)
    {
        var byUser = await db.DisplayNamesAsync(trail.Select(t => t.By), cancellationToken).ConfigureAwait(false);
        return [.. trail.Select(t => t.By is { } by && byUser.TryGetValue(by, out var name) ? t with { ByName = name } : t)];
    }

    /// <summary>The declarant's account, read by id (the caller may act on a person it no longer sees after a move).</summary>
    public static Task<Guid?> DeclarantAccountAsync(PlatformDbContext db, ActivityDeclaration declaration, CancellationToken cancellationToken) =>
        Unscoped(db.Professionals)
            .Where(p => p.Id == declaration.ProfessionalId)
            .Select(p => p.UserId)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The names of employers by id (names of the employers of visible declarations).</summary>
    public static async Task<Dictionary<Guid, string>> EmployerNamesAsync(PlatformDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await Unscoped(db.Employers).AsNoTracking()
            .Where(e => ids.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken)
            .ConfigureAwait(false);

    /// <summary>The names of professionals by id (the declarants of visible declarations).</summary>
    public static async Task<Dictionary<Guid, string>> ProfessionalNamesAsync(PlatformDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await Unscoped(db.Professionals).AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken)
            .ConfigureAwait(false);

    /// <summary><c>employer</c> or <c>department</c> while under review.</summary>
    public static string? AwaitingStep(DeclarationStatus status) => status switch
    {
        DeclarationStatus.AwaitingEmployer => ReviewSteps.Employer,
        DeclarationStatus.AwaitingDepartment => ReviewSteps.Department,
        _ => null,
    };

    private static IReadOnlyList<ReviewStepView> Trail(ActivityDeclaration declaration, CreditRecord? record)
    {
        var trail = new List<ReviewStepView>
        {
            new("submitted", "提交申报", null, null, record?.RecordedByName, declaration.SubmittedAt, null),
        };
        if (declaration.EmployerReviewedAt is not null)
        {
            // The employer rejected exactly when the declaration ended rejected without a department review.
            var approved = !(declaration.Status == DeclarationStatus.Rejected && declaration.DepartmentReviewedAt is null);
            trail.Add(Review(ReviewSteps.Employer, "单位审核", approved, declaration.EmployerReviewerName, declaration.EmployerReviewedAt, declaration.EmployerComment));
        }

        if (declaration.DepartmentReviewedAt is not null)
        {
            trail.Add(Review(ReviewSteps.Department, "主管部门审核", declaration.Status == DeclarationStatus.Approved, declaration.DepartmentReviewerName, declaration.DepartmentReviewedAt, declaration.DepartmentComment));
        }

        if (declaration.Status == DeclarationStatus.Withdrawn)
        {
            trail.Add(new ReviewStepView("withdrawn", "本人撤回", null, null, record?.ReviewedByName, record?.ReviewedAt, record?.ReviewReason));
        }

        return trail;
    }

    private static ReviewStepView Review(string step, string name, bool approved, string? by, DateTime? at, string? comment) =>
        new(step, name, approved ? "approved" : "rejected", approved ? "通过" : "驳回", by, at, comment);

    private static IQueryable<T> Unscoped<T>(IQueryable<T> query)
        where T : class => query.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]);
}
