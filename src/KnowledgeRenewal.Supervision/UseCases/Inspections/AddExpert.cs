using KnowledgeRenewal.Kernel.Application;
using FluentValidation;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Inspections;

/// <summary>What the program office records of an expert.</summary>
public sealed class ExpertInput
{
    /// <summary>姓名.</summary>
    public string? Name { get; set; }

    /// <summary>专业领域.</summary>
    public string? Specialty { get; set; }

    /// <summary>职称.</summary>
    public string? Title { get; set; }

    /// <summary>The organization on the platform (its name is taken from there), or none with <see cref="OrganizationName"/>.</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary>工作单位, when not registered on the platform.</summary>
    public string? OrganizationName { get; set; }

    /// <summary>所在县市区 (区划代码).</summary>
    public string? RegionCode { get; set; }

    /// <summary>手机号.</summary>
    public string? Phone { get; set; }

    /// <summary>身份证号 (optional).</summary>
    public string? IdNumber { get; set; }
}

/// <summary>The program office adds an expert to the pool.</summary>
/// <param name="Body">The expert.</param>
internal sealed record AddExpert(ExpertInput Body) : IRequest<Versioned<ExpertView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(AddExpert);
}

/// <summary>Checks the fields.</summary>
internal sealed class AddExpertValidator : AbstractValidator<AddExpert>
{
    /// <summary>Creates the validator.</summary>
    public AddExpertValidator(TimeProvider clock)
    {
        RuleFor(a => a.Body).NotNull().WithMessage("请填写专家信息。");
        When(a => a.Body is not null, () =>
        {
            RuleFor(a => a.Body.Name).NotEmpty().WithMessage("请填写专家姓名。").MaximumLength(Expert.NameLength).WithMessage($"姓名最多 {Expert.NameLength} 个字。").OverridePropertyName("name");
            RuleFor(a => a.Body.Specialty).NotEmpty().WithMessage("请填写专业领域。").MaximumLength(Expert.TextLength).WithMessage($"专业领域最多 {Expert.TextLength} 个字。").OverridePropertyName("specialty");
            RuleFor(a => a.Body.Title).NotEmpty().WithMessage("请填写职称。").MaximumLength(Expert.TextLength).WithMessage($"职称最多 {Expert.TextLength} 个字。").OverridePropertyName("title");
            RuleFor(a => a.Body.OrganizationName).NotEmpty().When(a => a.Body.OrganizationId is null).WithMessage("请选择平台上的工作单位，或填写单位名称。")
                .MaximumLength(Expert.TextLength).WithMessage($"单位名称最多 {Expert.TextLength} 个字。").OverridePropertyName("organizationName");
            RuleFor(a => a.Body.RegionCode).NotEmpty().WithMessage("请选择所在县市区。").MaximumLength(16).OverridePropertyName("regionCode");
            RuleFor(a => a.Body.Phone).Must(p => MobileNumber.Normalize(p) is not null).WithMessage("手机号应为 11 位数字，例如 13805370001。").WithErrorCode("invalid_value").OverridePropertyName("phone");
            RuleFor(a => a.Body.IdNumber).Must(id => ResidentIdNumber.TryParse(id, ProgramCalendar.Today(clock), out _, out _)).When(a => !string.IsNullOrWhiteSpace(a.Body.IdNumber))
                .WithMessage("身份证号应为 18 位且校验位正确。").WithErrorCode("invalid_value").OverridePropertyName("idNumber");
        });
    }
}

/// <summary>Handles <see cref="AddExpert"/>: the organization (if named) must exist; the region must be a county of the city.</summary>
internal sealed class AddExpertHandler(PlatformDbContext db, IAuditActorProvider actors, TimeProvider clock) : IRequestHandler<AddExpert, Versioned<ExpertView>>
{
    /// <inheritdoc />
    public async Task<Versioned<ExpertView>> Handle(AddExpert request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Body;
        var organizationName = body.OrganizationName?.Trim();
        if (body.OrganizationId is { } organizationId)
        {
            organizationName = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new PlatformException("supervision.invalid_organization", 400, "工作单位不存在", "所选工作单位不在平台上，请重新选择或直接填写单位名称。",
                    [new FieldError("organizationId", "invalid_value", "所选工作单位不在平台上，请重新选择或直接填写单位名称。")]);
        }

        if (!await db.Set<KnowledgeRenewal.Kernel.ReferenceData.Region>().AnyAsync(r => r.Code == body.RegionCode, cancellationToken).ConfigureAwait(false))
        {
            throw new PlatformException("supervision.invalid_region", 400, "县市区无效", "请从列表中选择县市区。", [new FieldError("regionCode", "invalid_value", "请从列表中选择县市区。")]);
        }

        var expert = new Expert
        {
            Name = body.Name!.Trim(),
            Specialty = body.Specialty!.Trim(),
            Title = body.Title!.Trim(),
            OrganizationId = body.OrganizationId,
            OrganizationName = organizationName!,
            RegionCode = body.RegionCode!,
            Phone = MobileNumber.Normalize(body.Phone)!,
            IdNumber = string.IsNullOrWhiteSpace(body.IdNumber) ? null : body.IdNumber.Trim().ToUpperInvariant(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedByName = actors.Current.UserName,
        };
        db.Add(expert);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new(InspectionViews.Expert(expert), expert.ConcurrencyStamp);
    }
}
