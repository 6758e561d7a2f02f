using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Bases;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Bases;

/// <summary>An objection to a base's exit as filed by anyone (no sign-in).</summary>
/// <param name="Reason">What is objected to (required, ≤ 2000).</param>
/// <param name="ContactName">The filer's name (required; kept private).</param>
/// <param name="ContactPhone">The filer's phone (required; kept private).</param>
public sealed record BaseExitObjectionInput([property: DataType(DataType.MultilineText)] string? Reason, string? ContactName, string? ContactPhone);

/// <summary>What the filer gets back.</summary>
/// <param name="Id">The objection.</param>
/// <param name="BaseName">The base.</param>
/// <param name="FiledAt">When (UTC).</param>
/// <param name="Message">A Chinese confirmation.</param>
public sealed record BaseExitObjectionReceipt(Guid Id, string BaseName, DateTime FiledAt, string Message);

/// <summary>Anyone objects to a base's exit within its notice period (Programs' rule; 409 <c>project.not_in_notice</c> outside it).</summary>
/// <param name="NoticeId">The exit notice.</param>
/// <param name="Input">The objection.</param>
internal sealed record FileBaseExitObjection(Guid NoticeId, BaseExitObjectionInput? Input) : IRequest<BaseExitObjectionReceipt>;

/// <summary>Checks an objection.</summary>
internal sealed class FileBaseExitObjectionValidator : AbstractValidator<FileBaseExitObjection>
{
    /// <summary>Creates the validator.</summary>
    public FileBaseExitObjectionValidator()
    {
        RuleFor(f => f.Input == null ? null : f.Input.Reason).Must(r => !string.IsNullOrWhiteSpace(r) && r.Trim().Length <= BaseExitObjection.ReasonLength)
            .OverridePropertyName("reason").WithErrorCode("required").WithMessage($"请填写异议内容（最多 {BaseExitObjection.ReasonLength} 个字）。");
        RuleFor(f => f.Input == null ? null : f.Input.ContactName).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 64)
            .OverridePropertyName("contactName").WithErrorCode("required").WithMessage("请填写联系人姓名（最多 64 个字）；仅供项目办核实，不会公开。");
        RuleFor(f => f.Input == null ? null : f.Input.ContactPhone).Must(p => MobileNumber.Normalize(p) is not null)
            .OverridePropertyName("contactPhone").WithErrorCode("invalid_value").WithMessage("请填写有效的手机号码；仅供项目办核实，不会公开。");
    }
}

/// <summary>Handles <see cref="FileBaseExitObjection"/>: only a notice still running, only within its period; the phone is stored encrypted and masked.</summary>
internal sealed class FileBaseExitObjectionHandler(PlatformDbContext db, IPersonalDataProtector protector, TimeProvider clock) : IRequestHandler<FileBaseExitObjection, BaseExitObjectionReceipt>
{
    /// <inheritdoc />
    public async Task<BaseExitObjectionReceipt> Handle(FileBaseExitObjection request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = ProgramCalendar.Today(clock);
        var notice = await db.Set<BaseExitNotice>().IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(n => n.Id == request.NoticeId && n.Status == BaseExitStatus.InNotice)
            .Select(n => new { n.Id, n.BaseId, n.NoticeStart, n.NoticeEnd })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new PlatformException("supervision.exit_notice_not_found", StatusCodes.Status404NotFound, "没有这项退出公示", "未找到该基地退出公示；只有正在公示的退出可以提出异议。");
        if (PublicNoticeTerms.RefuseObjection(notice.NoticeStart, notice.NoticeEnd, today, BaseExitViews.Subject) is { } refusal)
        {
            throw new PlatformException(refusal.Code, refusal.Status, refusal.Title, refusal.Detail);
        }

        var name = await db.Set<Registry.Domain.EducationBase>().IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).Where(b => b.Id == notice.BaseId)
            .Select(b => b.Name).FirstAsync(cancellationToken).ConfigureAwait(false);
        var input = request.Input!;
        var phone = MobileNumber.Normalize(input.ContactPhone)!;
        var objection = new BaseExitObjection
        {
            NoticeId = notice.Id,
            Reason = input.Reason!.Trim(),
            ContactName = input.ContactName!.Trim(),
            ContactPhoneCipher = protector.Protect(phone),
            ContactPhoneMasked = MobileNumber.Mask(phone),
            FiledAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Set<BaseExitObjection>().Add(objection);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new BaseExitObjectionReceipt(objection.Id, name, objection.FiledAt, "异议已受理。项目办将核实处理，处理完毕前该基地不会退出；您的联系方式仅供核实，不会公开。");
    }
}
