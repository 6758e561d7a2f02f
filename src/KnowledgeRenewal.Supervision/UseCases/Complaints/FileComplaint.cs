using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Contracts;
using KnowledgeRenewal.Supervision.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Supervision.UseCases.Complaints;

/// <summary>A complaint as anyone files it.</summary>
/// <param name="ObjectKind">What it is against: Project, Class, Provider or Base.</param>
/// <param name="ObjectReference">The project's number or title, the class's title, the provider's or base's name — exactly as published.</param>
/// <param name="Subject">One line (≤ 100).</param>
/// <param name="Content">What happened (≤ 2000).</param>
/// <param name="ContactName">The filer's name (kept private).</param>
/// <param name="ContactPhone">The filer's mobile or landline (kept private, stored encrypted).</param>
public sealed record ComplaintInput(
    SupervisedObjectKind? ObjectKind, string? ObjectReference, string? Subject, [property: DataType(DataType.MultilineText)] string? Content, string? ContactName, string? ContactPhone)
{
    /// <summary>Nothing filled.</summary>
    public static ComplaintInput Empty { get; } = new(null, null, null, null, null, null);
}

/// <summary>What the filer gets back: the lookup code and the deadline of the first stage.</summary>
/// <param name="Code">The lookup code (keep it: the only way to follow the complaint).</param>
/// <param name="FiledAt">When (UTC).</param>
/// <param name="AssignBy">The day by which the program office assigns it.</param>
/// <param name="Message">A Chinese confirmation.</param>
public sealed record ComplaintReceipt(string Code, DateTime FiledAt, DateOnly AssignBy, string Message);

/// <summary>Anyone files a complaint (no sign-in; rate-limited per address at the endpoint).</summary>
/// <param name="Input">The complaint.</param>
internal sealed record FileComplaint(ComplaintInput Input) : IRequest<ComplaintReceipt>
{
    /// <inheritdoc />
    public override string ToString() => nameof(FileComplaint);
}

/// <summary>Checks a complaint's fields.</summary>
internal sealed partial class FileComplaintValidator : AbstractValidator<FileComplaint>
{
    /// <summary>Creates the validator.</summary>
    public FileComplaintValidator()
    {
        RuleFor(f => f.Input.ObjectKind).Must(k => k is not null && Enum.IsDefined(k.Value)).OverridePropertyName("objectKind")
            .WithErrorCode("required").WithMessage("请选择投诉对象类型（objectKind）：项目、培训班、培训机构或继续教育基地。");
        RuleFor(f => f.Input.ObjectReference).Must(r => !string.IsNullOrWhiteSpace(r) && r.Trim().Length <= Complaint.NameLength).OverridePropertyName("objectReference")
            .WithErrorCode("required").WithMessage($"请填写投诉对象的名称或项目编号（objectReference），最多 {Complaint.NameLength} 个字。");
        RuleFor(f => f.Input.Subject).Must(s => !string.IsNullOrWhiteSpace(s) && s.Trim().Length <= Complaint.SubjectLength).OverridePropertyName("subject")
            .WithErrorCode("required").WithMessage($"请用一句话概括投诉事项（subject），最多 {Complaint.SubjectLength} 个字。");
        RuleFor(f => f.Input.Content).Must(s => !string.IsNullOrWhiteSpace(s) && s.Trim().Length <= Complaint.TextLength).OverridePropertyName("content")
            .WithErrorCode("required").WithMessage($"请写明投诉的具体情况（content）：时间、地点、经过，最多 {Complaint.TextLength} 个字。");
        RuleFor(f => f.Input.ContactName).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 64).OverridePropertyName("contactName")
            .WithErrorCode("required").WithMessage("请填写联系人姓名（contactName），最多 64 个字；仅供办理单位核实，不会公开。");
        RuleFor(f => f.Input.ContactPhone).Must(p => Phone(p) is not null).OverridePropertyName("contactPhone")
            .WithErrorCode("invalid_value").WithMessage("请填写手机号或带区号的固定电话（contactPhone），例如 13805371234 或 0537-2345678；仅供办理单位核实，不会公开。");
    }

    /// <summary>The phone normalized (mobile, or a landline such as 0537-1234567), or null.</summary>
    public static string? Phone(string? text) =>
        MobileNumber.Normalize(text) ?? (text is not null && Landline().IsMatch(text.Trim()) ? text.Trim() : null);

    /// <summary>A phone masked for display.</summary>
    public static string Mask(string phone) =>
        MobileNumber.Normalize(phone) is { } mobile ? MobileNumber.Mask(mobile) : phone.Length > 4 ? new string('*', phone.Length - 4) + phone[^4..] : "****";

    [System.Text.RegularExpressions.GeneratedRegex(@"^0\d{2,3}-?\d{7,8}$")]
    private static partial System.Text.RegularExpressions.Regex Landline();
}

/// <summary>
/// Handles <see cref="FileComplaint"/>: finds the object as published (a project that left the draft stage by its
/// number or title; a class by its title; a provider or base by its name — one match exactly, else a field error),
/// stores the phone encrypted with the masked form beside it, draws a lookup code, and starts the first stage's
/// deadline (<see cref="ComplaintOptions.AssignWithinWorkingDays"/> working days).
/// </summary>
internal sealed class FileComplaintHandler(PlatformDbContext db, IPersonalDataProtector protector, WorkingDayCalendar calendar, IOptions<ComplaintOptions> options, TimeProvider clock)
    : IRequestHandler<FileComplaint, ComplaintReceipt>
{
    private static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];

    /// <inheritdoc />
    public async Task<ComplaintReceipt> Handle(FileComplaint request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = request.Input;
        var kind = input.ObjectKind!.Value;
        var reference = input.ObjectReference!.Trim();
        var matches = await FindAsync(kind, reference, cancellationToken).ConfigureAwait(false);
        if (matches.Count != 1)
        {
            var message = matches.Count == 0
                ? $"没有找到名称为“{reference}”的{ComplaintLabels.Kind(kind)}，请核对后按公布的名称填写（项目也可填写项目编号）。"
                : $"有 {matches.Count} 个名称为“{reference}”的{ComplaintLabels.Kind(kind)}，请改为投诉其举办机构，并在投诉内容中写明培训班的举办时间。";
            throw new PlatformException(ComplaintProblemCodes.UnknownObject, 400, "投诉对象有误", message, [new FieldError("objectReference", "unknown", message)]);
        }

        var (id, name, region) = matches[0];
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ProgramCalendar.Today(clock);
        var phone = FileComplaintValidator.Phone(input.ContactPhone)!;
        var complaint = new Complaint
        {
            Code = ComplaintCodes.New(),
            ObjectKind = kind,
            ObjectId = id,
            ObjectName = name,
            ObjectRegionCode = region,
            Subject = input.Subject!.Trim(),
            Content = input.Content!.Trim(),
            ContactName = input.ContactName!.Trim(),
            ContactPhoneCipher = protector.Protect(phone),
            ContactPhoneMasked = FileComplaintValidator.Mask(phone),
            FiledAt = now,
            FiledOn = today,
        };
        var assignBy = ComplaintRules.AssignBy(calendar, options.Value, today);
        complaint.Receive(assignBy);
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new ComplaintReceipt(complaint.Code, now, assignBy,
            $"投诉已受理。请记下查询码 {complaint.Code}，凭它查询办理进度和结果；市项目办将于 {ChinaTime.Format(assignBy)} 前分派办理。您的联系方式仅供办理单位核实，不会公开。");
    }

    private async Task<List<(Guid Id, string Name, string? Region)>> FindAsync(SupervisedObjectKind kind, string reference, CancellationToken cancellationToken)
    {
        List<(Guid, string, string?)> rows = [];
        switch (kind)
        {
            case SupervisedObjectKind.Project:
                var projects = await db.Projects.IgnoreQueryFilters(AccessScope).AsNoTracking()
                    .Where(p => p.Status != ProjectStatus.Draft && (p.Number == reference || p.Title == reference))
                    .Select(p => new { p.Id, p.Number, p.Title, p.RegionCode }).Take(5).ToListAsync(cancellationToken).ConfigureAwait(false);
                rows.AddRange(projects.Select(p => (p.Id, $"{p.Number} {p.Title}", (string?)p.RegionCode)));
                break;
            case SupervisedObjectKind.Class:
                var classes = await db.TrainingClasses.IgnoreQueryFilters(AccessScope).AsNoTracking().Where(c => c.Title == reference)
                    .Select(c => new { c.Id, c.Title, c.RegionCode }).Take(5).ToListAsync(cancellationToken).ConfigureAwait(false);
                rows.AddRange(classes.Select(c => (c.Id, c.Title, c.RegionCode)));
                break;
            case SupervisedObjectKind.Provider:
                var providers = await db.TrainingProviders.IgnoreQueryFilters(AccessScope).AsNoTracking().Where(p => p.Name == reference)
                    .Select(p => new { p.Id, p.Name, p.RegionCode }).Take(5).ToListAsync(cancellationToken).ConfigureAwait(false);
                rows.AddRange(providers.Select(p => (p.Id, p.Name, (string?)p.RegionCode)));
                break;
            case SupervisedObjectKind.Base:
                var bases = await db.EducationBases.IgnoreQueryFilters(AccessScope).AsNoTracking().Where(b => b.Name == reference)
                    .Select(b => new { b.Id, b.Name, Region = b.Organization!.RegionCode }).Take(5).ToListAsync(cancellationToken).ConfigureAwait(false);
                rows.AddRange(bases.Select(b => (b.Id, b.Name, (string?)b.Region)));
                break;
        }

        return rows;
    }
}
