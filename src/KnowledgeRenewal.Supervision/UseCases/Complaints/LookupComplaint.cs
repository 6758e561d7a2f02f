using FluentValidation;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Contracts;
using KnowledgeRenewal.Supervision.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Complaints;

/// <summary>What anyone holding the code reads: the state and the public outcome only — no contact, no content, no assignee's notes.</summary>
/// <param name="Code">The lookup code.</param>
/// <param name="ObjectKindName">What it is against, in words.</param>
/// <param name="Subject">The filer's own subject line.</param>
/// <param name="FiledOn">The day filed.</param>
/// <param name="Status">State.</param>
/// <param name="StatusName">State, in words.</param>
/// <param name="StatusText">What the state means for the filer.</param>
/// <param name="ClosedOn">The day it was closed.</param>
/// <param name="FindingName">The finding, in words, once resolved.</param>
/// <param name="PublicOutcome">The outcome as published to the filer.</param>
public sealed record PublicComplaintStatus(
    string Code, string ObjectKindName, string Subject, DateOnly FiledOn, ComplaintStatus Status, string StatusName, string StatusText,
    DateOnly? ClosedOn, string? FindingName, string? PublicOutcome);

/// <summary>Anyone looks a complaint up by its code (no sign-in; rate-limited per address at the endpoint).</summary>
/// <param name="Code">The code as typed.</param>
internal sealed record LookupComplaint(string? Code) : IRequest<PublicComplaintStatus>
{
    /// <inheritdoc />
    public override string ToString() => nameof(LookupComplaint);
}

/// <summary>Checks the code's form.</summary>
internal sealed class LookupComplaintValidator : AbstractValidator<LookupComplaint>
{
    /// <summary>Creates the validator.</summary>
    public LookupComplaintValidator() =>
        RuleFor(l => l.Code).Must(c => ComplaintCodes.Normalize(c) is not null).OverridePropertyName("code")
            .WithErrorCode("invalid_value").WithMessage("请输入受理时给您的查询码（code），例如 TS-7KQ4-MX9R-2B。");
}

/// <summary>Handles <see cref="LookupComplaint"/>: by the code alone (whatever the caller's scope); an unknown code is 404.</summary>
internal sealed class LookupComplaintHandler(PlatformDbContext db) : IRequestHandler<LookupComplaint, PublicComplaintStatus>
{
    /// <inheritdoc />
    public async Task<PublicComplaintStatus> Handle(LookupComplaint request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var code = ComplaintCodes.Normalize(request.Code);
        var c = await db.Complaints.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(x => x.Code == code)
            .Select(x => new { x.Code, x.ObjectKind, x.Subject, x.FiledOn, x.Status, x.DueOn, x.ClosedOn, x.Finding, x.PublicOutcome })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new KnowledgeRenewal.Sdk.PlatformException(ComplaintProblemCodes.NotFound, 404, "未找到投诉", "没有与该查询码对应的投诉，请核对查询码（受理时显示的 TS 开头的编码）。");
        var text = c.Status switch
        {
            ComplaintStatus.Received => "市项目办已收到您的投诉，正在确定承办单位。",
            ComplaintStatus.Assigned => "投诉已分派给承办单位调查处理。",
            ComplaintStatus.Referred => "投诉事项不属于本平台的管理范围，已转交有关部门办理。",
            _ => "投诉已办结。",
        };
        return new PublicComplaintStatus(c.Code, ComplaintLabels.Kind(c.ObjectKind), c.Subject, c.FiledOn, c.Status, ComplaintLabels.Status(c.Status), text,
            c.ClosedOn, c.Status == ComplaintStatus.Resolved && c.Finding is { } f ? ComplaintLabels.Finding(f) : null,
            c.Status is ComplaintStatus.Resolved or ComplaintStatus.Referred ? c.PublicOutcome : null);
    }
}
