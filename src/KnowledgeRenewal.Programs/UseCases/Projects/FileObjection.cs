using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using FluentValidation;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.Projects;

/// <summary>An objection as filed by anyone (no sign-in).</summary>
/// <param name="Reason">What is objected to (required, ≤ 2000).</param>
/// <param name="ContactName">The filer's name (required; kept private).</param>
/// <param name="ContactPhone">The filer's phone, mobile or landline (required; kept private).</param>
internal sealed record ObjectionInput([property: DataType(DataType.MultilineText)] string? Reason, string? ContactName, string? ContactPhone);

/// <summary>What the filer gets back (nothing about other objections).</summary>
/// <param name="Id">The objection's key (to quote when asking about it).</param>
/// <param name="ProjectNumber">The project.</param>
/// <param name="FiledAt">When (UTC).</param>
/// <param name="Message">A Chinese confirmation.</param>
public sealed record ObjectionReceipt(Guid Id, string ProjectNumber, DateTime FiledAt, string Message);

/// <summary>Anyone files an objection against a project in its public notice period.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="Input">The objection.</param>
/// <param name="SourceAddress">The filer's address (for the audit log only).</param>
internal sealed record FileObjection(Guid ProjectId, ObjectionInput? Input, string? SourceAddress) : IRequest<ObjectionReceipt>;

/// <summary>Checks an objection.</summary>
internal sealed partial class FileObjectionValidator : AbstractValidator<FileObjection>
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

/// <summary>
/// Handles <see cref="FileObjection"/>: no sign-in (rate-limited per address at the endpoint), only within the notice
/// period of a project in notice (<see cref="PublicNoticePeriod"/>: from its first day to its last; any project not in
/// notice is "not found", so filing reveals nothing).
/// </summary>
internal sealed class FileObjectionHandler(PlatformDbContext db, TimeProvider clock) : IRequestHandler<FileObjection, ObjectionReceipt>
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
}
