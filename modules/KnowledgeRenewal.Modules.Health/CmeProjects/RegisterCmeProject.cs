using FluentValidation;
using KnowledgeRenewal.Sdk;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Modules.Health.CmeProjects;

/// <summary>Registers an approved CME project so that its participants' class I credits can be recorded.</summary>
public sealed record RegisterCmeProject : IRequest<CmeProjectDto>
{
    public string ProjectNumber { get; init; } = "";

    public string Title { get; init; } = "";

    public CmeLevel Level { get; init; }

    public string SubjectCode { get; init; } = "";

    public string HostOrganization { get; init; } = "";

    public DateOnly StartDate { get; init; }

    public DateOnly EndDate { get; init; }

    public decimal Credits { get; init; }

    public int Capacity { get; init; }
}

/// <summary>Checks a CME project before it is registered; every message names the field in Chinese.</summary>
public sealed class RegisterCmeProjectValidator : AbstractValidator<RegisterCmeProject>
{
    /// <summary>Most class I credits one project can award (the yearly class I maximum).</summary>
    public const decimal MaxCredits = 10m;

    public RegisterCmeProjectValidator()
    {
        RuleFor(p => p.ProjectNumber).NotEmpty().WithErrorCode("required").WithMessage("请填写项目编号。")
            .MaximumLength(32).WithErrorCode("too_long").WithMessage("项目编号最多 32 个字符。");
        RuleFor(p => p.Title).NotEmpty().WithErrorCode("required").WithMessage("请填写项目名称。")
            .MaximumLength(128).WithErrorCode("too_long").WithMessage("项目名称最多 128 个字符。");
        RuleFor(p => p.Level).IsInEnum().WithErrorCode("invalid_value").WithMessage("项目级别应为 National（国家级）、Provincial（省级）或 Municipal（市级）。");
        RuleFor(p => p.SubjectCode).Must(code => HealthCatalog.Subjects.Any(s => s.Code == code && !s.IsRetired))
            .WithErrorCode("unknown_subject").WithMessage(p => $"专业科目代码“{p.SubjectCode}”不在卫生健康专业科目目录中（或已停用）。");
        RuleFor(p => p.HostOrganization).NotEmpty().WithErrorCode("required").WithMessage("请填写主办单位。")
            .MaximumLength(64).WithErrorCode("too_long").WithMessage("主办单位最多 64 个字符。");
        RuleFor(p => p.StartDate).Must(ProgramPeriod.Contains)
            .WithErrorCode("out_of_program").WithMessage($"开始日期应在知识更新工程实施期（{ProgramPeriod.FirstYear}—{ProgramPeriod.LastYear} 年）内。");
        RuleFor(p => p.EndDate).GreaterThanOrEqualTo(p => p.StartDate)
            .WithErrorCode("before_start").WithMessage("结束日期不能早于开始日期。")
            .Must((p, end) => end.Year == p.StartDate.Year)
            .WithErrorCode("crosses_year").WithMessage("项目应在同一年度内举办（结束日期与开始日期须同年）。");
        RuleFor(p => p.Credits).InclusiveBetween(0.5m, MaxCredits).WithErrorCode("out_of_range").WithMessage($"授予学分应在 0.5 至 {MaxCredits} 学分之间。")
            .Must(c => c * 2 == decimal.Truncate(c * 2)).WithErrorCode("invalid_precision").WithMessage("授予学分最小单位为 0.5 学分。");
        RuleFor(p => p.Capacity).InclusiveBetween(1, 5000).WithErrorCode("out_of_range").WithMessage("计划人数应在 1 至 5000 之间。");
    }
}

/// <summary>Handles <see cref="RegisterCmeProject"/>; a project number can be registered once (409 otherwise).</summary>
public sealed class RegisterCmeProjectHandler(HealthDbContext db, TypeAdapterConfig mapping, TimeProvider clock)
    : IRequestHandler<RegisterCmeProject, CmeProjectDto>
{
    public async Task<CmeProjectDto> Handle(RegisterCmeProject request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var number = request.ProjectNumber.Trim();
        if (await db.CmeProjects.AnyAsync(p => p.ProjectNumber == number, cancellationToken).ConfigureAwait(false))
        {
            throw new ConflictException($"项目编号“{number}”已登记，不能重复登记。");
        }

        var project = new CmeProject
        {
            ProjectNumber = number,
            Title = request.Title.Trim(),
            Level = request.Level,
            Year = request.StartDate.Year,
            SubjectCode = request.SubjectCode,
            HostOrganization = request.HostOrganization.Trim(),
            StartDate = request.StartDate,
            EndDate = request.EndDate,
            Credits = request.Credits,
            Capacity = request.Capacity,
            RegisteredAt = clock.GetUtcNow().UtcDateTime,
        };
        db.CmeProjects.Add(project);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another request registered the same number between our check and our insert.
            throw new ConflictException($"项目编号“{number}”已登记，不能重复登记。");
        }

        return project.Adapt<CmeProjectDto>(mapping);
    }
}
