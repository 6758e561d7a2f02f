using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using FluentValidation;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Registry.UseCases;
using KnowledgeRenewal.Registry.Web;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Demo;
using KnowledgeRenewal.Programs.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
namespace KnowledgeRenewal.Programs.UseCases.Projects;

/// <summary>An objection as filed by anyone (no sign-in).</summary>
/// <param name="Reason">What is objected to (required, ≤ 2000).</param>
/// <param name="ContactName">The filer's name (required; kept private).</param>
/// <param name="ContactPhone">The filer's phone, mobile or landline (required; kept private).</param>
public sealed record ObjectionInput([property: DataType(DataType.MultilineText)] string? Reason, string? ContactName, string? ContactPhone);

/// <summary>What the filer gets back (nothing about other objections).</summary>
/// <param name="Id">The objection's key (to quote when asking about it).</param>
/// <param name="ProjectNumber">The project.</param>
/// <param name="FiledAt">When (UTC).</param>
/// <param name="Message">A Chinese confirmation.</param>
public sealed record ObjectionReceipt(Guid Id, string ProjectNumber, DateTime FiledAt, string Message);

/// <summary>
/// An objection as the API shows it (made by <see cref="ObjectionViews.Of"/> only): who filed it only for the
/// program office; everyone else sees that it exists, its content, state and resolution, and the filer as 异议人.
/// </summary>
/// <param name="Id">Key.</param>
/// <param name="Reason">Content.</param>
/// <param name="ContactName">The filer's name for the program office; <see cref="ObjectionViews.Objector"/> (异议人) for everyone else.</param>
/// <param name="ContactPhone">The filer's phone for the program office; null for everyone else.</param>
/// <param name="FiledAt">When (UTC).</param>
/// <param name="Status">State.</param>
/// <param name="StatusName">State, in Chinese.</param>
/// <param name="Resolution">The program office's resolution.</param>
/// <param name="ResolvedByName">Who resolved it.</param>
/// <param name="ResolvedAt">When (UTC).</param>
public sealed record ObjectionView(Guid Id, string Reason, string ContactName, string? ContactPhone, DateTime FiledAt, ObjectionStatus Status, string StatusName, string? Resolution, string? ResolvedByName, DateTime? ResolvedAt);

/// <summary>The program office's resolution of an objection.</summary>
/// <param name="Decision"><c>uphold</c> (异议成立: the project is rejected) or <c>dismiss</c> (异议不成立).</param>
/// <param name="Resolution">The reasons (required).</param>
public sealed record ResolveObjectionBody(string? Decision, [property: DataType(DataType.MultilineText)] string? Resolution);

/// <summary>Anyone files an objection against a project in its public notice period.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="Input">The objection.</param>
/// <param name="SourceAddress">The filer's address (for the audit log only).</param>
public sealed record FileObjection(Guid ProjectId, ObjectionInput? Input, string? SourceAddress) : IRequest<ObjectionReceipt>;

/// <summary>The objections of a project within the caller's scope.</summary>
/// <param name="ProjectId">The project.</param>
public sealed record ListObjections(Guid ProjectId) : IRequest<IReadOnlyList<ObjectionView>>;

/// <summary>The program office resolves an objection. Needs the project's <c>If-Match</c>.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="ObjectionId">The objection.</param>
/// <param name="IfMatch">The project's entity tag.</param>
/// <param name="Body">The decision.</param>
public sealed record ResolveObjection(Guid ProjectId, Guid ObjectionId, string? IfMatch, ResolveObjectionBody? Body) : IRequest<Versioned<ProjectDetail>>;

/// <summary>Checks an objection.</summary>
public sealed partial class FileObjectionValidator : AbstractValidator<FileObjection>
{
    /// <summary>Creates the validator.</summary>
    public FileObjectionValidator()
    {
        RuleFor(f => f.Input == null ? null : f.Input.Reason).Must(r => !string.IsNullOrWhiteSpace(r) && r.Trim().Length <= ProjectObjection.ReasonLength)
            .OverridePropertyName("reason").WithErrorCode("required").WithMessage($"请填写异议内容（reason，最多 {ProjectObjection.ReasonLength} 个字）。");
        RuleFor(f => f.Input == null ? null : f.Input.ContactName).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 64)
            .OverridePropertyName("contactName").WithErrorCode("required").WithMessage("请填写联系人姓名（contactName，最多 64 个字）；仅供项目办核实，不会公开。");
        RuleFor(f => f.Input == null ? null : f.Input.ContactPhone).Must(p => Phone(p) is not null)
            .OverridePropertyName("contactPhone").WithErrorCode("invalid_value").WithMessage("请填写有效的联系电话（contactPhone：手机号或带区号的固定电话）；仅供项目办核实，不会公开。");
    }

    /// <summary>The phone normalized (mobile, or a landline such as 0537-1234567), or null.</summary>
    public static string? Phone(string? text) =>
        MobileNumber.Normalize(text) ?? (text is not null && Landline().IsMatch(text.Trim()) ? text.Trim() : null);

    [GeneratedRegex(@"^0\d{2,3}-?\d{7,8}$")]
    private static partial Regex Landline();
}

/// <summary>Checks a resolution.</summary>
public sealed class ResolveObjectionValidator : AbstractValidator<ResolveObjection>
{
    /// <summary>Creates the validator.</summary>
    public ResolveObjectionValidator()
    {
        RuleFor(r => r.Body == null ? null : r.Body.Decision).Must(d => ObjectionDecisions.Parse(d) is not null).OverridePropertyName("decision")
            .WithErrorCode("invalid_value").WithMessage("处理结论（decision）应为 uphold（异议成立）或 dismiss（异议不成立）。");
        RuleFor(r => r.Body == null ? null : r.Body.Resolution).Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= ProjectTransition.CommentLength)
            .OverridePropertyName("resolution").WithErrorCode("required").WithMessage($"请填写处理意见（resolution，最多 {ProjectTransition.CommentLength} 个字）。");
    }
}

/// <summary>Reads an objection decision.</summary>
public static class ObjectionDecisions
{
    /// <summary>True for uphold, false for dismiss, null otherwise.</summary>
    public static bool? Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "UPHOLD" or "UPHELD" or "异议成立" or "成立" => true,
        "DISMISS" or "DISMISSED" or "异议不成立" or "不成立" => false,
        _ => null,
    };
}

/// <summary>
/// Objections as each reader may see them — the one projection every read of objections goes through. The filer's
/// identity (name, phone) is for the program office, which verifies and resolves objections (its reads are audited);
/// anyone else who may see the project — its applicant, host, recommending authority — sees that an objection exists,
/// its content, state and resolution, with the filer shown as <see cref="Objector"/> and no contact at all (not even
/// masked: a name's first and last character or a phone's last digits can identify a colleague).
/// </summary>
public static class ObjectionViews
{
    /// <summary>How the filer is shown to everyone but the program office.</summary>
    public const string Objector = "异议人";

    /// <summary>Whether <paramref name="access"/> sees who filed objections: the program office (all business data).</summary>
    public static bool SeesObjector(ICurrentAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Roles.Contains(PlatformRoles.ProgramOfficeAdmin) && access.Scope.AllBusinessData;
    }

    /// <summary>The view of <paramref name="objection"/>, with the filer's identity only when <paramref name="seesObjector"/>.</summary>
    public static ObjectionView Of(ProjectObjection objection, bool seesObjector)
    {
        ArgumentNullException.ThrowIfNull(objection);
        return new ObjectionView(
            objection.Id, objection.Reason,
            seesObjector ? objection.ContactName : Objector,
            seesObjector ? objection.ContactPhone : null,
            objection.FiledAt, objection.Status, ProjectLabels.Objection(objection.Status), objection.Resolution, objection.ResolvedByName, objection.ResolvedAt);
    }
}

/// <summary>
/// Handles objections. Filing needs no sign-in (rate-limited per address at the endpoint) and is only possible within
/// the notice period of a project in notice (<see cref="PublicNoticePeriod"/>: from its first day to its last; any
/// project not in notice is "not found", so filing reveals nothing). Reads go through <see cref="ObjectionViews"/>:
/// the filer's identity only for the program office, whose reads are audited. Upholding an objection rejects the
/// project (<see cref="ProjectAction.UpholdObjection"/>).
/// </summary>
public sealed class ProjectObjectionHandlers(
    PlatformDbContext db,
    ICurrentAccess access,
    IAuditTrail audit,
    ProjectCommandHandlers commands,
    TimeProvider clock)
    : IRequestHandler<FileObjection, ObjectionReceipt>,
      IRequestHandler<ListObjections, IReadOnlyList<ObjectionView>>,
      IRequestHandler<ResolveObjection, Versioned<ProjectDetail>>
{
    /// <inheritdoc />
    public async Task<ObjectionReceipt> Handle(FileObjection request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = ProgramCalendar.Today(clock);
        var project = await db.Projects.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(p => p.Id == request.ProjectId && p.Status == ProjectStatus.PublicNotice)
            .Select(p => new { p.Id, p.Number, p.NoticeStart, p.NoticeEnd })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new PlatformException(ProjectProblemCodes.NotFound, StatusCodes.Status404NotFound, "项目不在公示中", "未找到该公示项目；只有正在公示的项目可以提出异议。");
        // Objections are taken from the notice period's first day to its last, China Standard Time.
        if (PublicNoticePeriod.RefuseObjection(project.NoticeStart, project.NoticeEnd, today) is { } refusal)
        {
            throw new PlatformException(refusal.Code, refusal.Status, refusal.Title, refusal.Detail);
        }

        var input = request.Input!;
        var objection = new ProjectObjection
        {
            ProjectId = project.Id,
            Reason = input.Reason!.Trim(),
            ContactName = input.ContactName!.Trim(),
            ContactPhone = FileObjectionValidator.Phone(input.ContactPhone)!,
            FiledAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ProjectObjections.Add(objection);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new ObjectionReceipt(objection.Id, project.Number, objection.FiledAt, "异议已受理。项目办将核实处理，处理完毕前该项目不予发布；您的联系方式仅供核实，不会公开。");
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ObjectionView>> Handle(ListObjections request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.Projects.AnyAsync(p => p.Id == request.ProjectId, cancellationToken).ConfigureAwait(false))
        {
            throw ProjectViews.NotFound(request.ProjectId);
        }

        var objections = await db.ProjectObjections.AsNoTracking().Where(o => o.ProjectId == request.ProjectId).OrderBy(o => o.FiledAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var seesObjector = ObjectionViews.SeesObjector(access);
        if (seesObjector && objections.Count > 0)
        {
            await audit.RecordAsync(new AuditEvent(AuditActions.PersonalDataViewed, AuditOutcome.Success, nameof(ProjectObjection), request.ProjectId.ToString(),
                $"objection contacts of project, count={objections.Count}"), cancellationToken).ConfigureAwait(false);
        }

        return [.. objections.Select(o => ObjectionViews.Of(o, seesObjector))];
    }

    /// <inheritdoc />
    public async Task<Versioned<ProjectDetail>> Handle(ResolveObjection request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == request.ProjectId, cancellationToken).ConfigureAwait(false)
            ?? throw ProjectViews.NotFound(request.ProjectId);
        var objection = await db.ProjectObjections.FirstOrDefaultAsync(o => o.Id == request.ObjectionId && o.ProjectId == project.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new PlatformException(ProjectProblemCodes.NotFound, StatusCodes.Status404NotFound, "异议不存在", $"该项目没有异议 {request.ObjectionId}。");
        var read = Preconditions.Require(request.IfMatch, project.ConcurrencyStamp);
        var uphold = ObjectionDecisions.Parse(request.Body?.Decision) == true;
        var resolution = request.Body!.Resolution!.Trim();
        var facts = await commands.FactsAsync(project, resolution, null, null, cancellationToken).ConfigureAwait(false);
        var actor = commands.Actor();

        // Resolving is the program office's, never for its own application, and only while the notice runs.
        var decision = ProjectWorkflow.Decide(project, ProjectAction.UpholdObjection, actor, facts);
        ProjectCommandHandlers.Refuse(decision);
        if (objection.Status != ObjectionStatus.Pending)
        {
            throw new PlatformException(ProjectProblemCodes.ObjectionResolved, StatusCodes.Status409Conflict, "异议已处理",
                $"该异议已处理（{ProjectLabels.Objection(objection.Status)}），不能重复处理。");
        }

        objection.Status = uphold ? ObjectionStatus.Upheld : ObjectionStatus.Dismissed;
        objection.Resolution = resolution;
        objection.ResolvedByUserId = actor.UserId;
        objection.ResolvedByName = actor.Name;
        objection.ResolvedAt = clock.GetUtcNow().UtcDateTime;
        db.Entry(objection).Property(o => o.ConcurrencyStamp).OriginalValue = objection.ConcurrencyStamp;
        objection.ConcurrencyStamp = Guid.NewGuid();
        if (uphold)
        {
            await commands.TakeAsync(project, decision, actor, facts with { Comment = "异议成立：" + resolution }, read, null, null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // The project's stamp changes too, so a publish prepared before the resolution must re-read.
            db.Entry(project).Property(p => p.ConcurrencyStamp).OriginalValue = read;
            project.ConcurrencyStamp = Guid.NewGuid();
            project.UpdatedAt = objection.ResolvedAt.Value;
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw Preconditions.Stale();
            }
        }

        return await ProjectViews.GetAsync(db, project.Id, cancellationToken).ConfigureAwait(false);
    }
}
