using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Programs.UseCases.Projects;

/// <summary>The funding lines of a budget, in fen (分); missing lines are 0.</summary>
/// <param name="CentralFen">中央财政.</param>
/// <param name="ProvincialFen">省级财政.</param>
/// <param name="MunicipalFen">市级财政.</param>
/// <param name="SelfRaisedFen">自筹.</param>
/// <param name="EmployerFen">用人单位.</param>
/// <param name="IndividualFen">个人.</param>
internal sealed record ProjectFundingInput(long? CentralFen, long? ProvincialFen, long? MunicipalFen, long? SelfRaisedFen, long? EmployerFen, long? IndividualFen);

/// <summary>The fields of a project application (draft).</summary>
/// <param name="Title">Title (required, ≤ 128).</param>
/// <param name="Type">Type (required on create; never changed).</param>
/// <param name="Level">National, Provincial or Municipal (default Municipal).</param>
/// <param name="Field">Key industry or social field (default General).</param>
/// <param name="RecommenderOrganizationId">The county bureau of the project's region or the line department of its sector (required).</param>
/// <param name="ProviderId">The host provider (a training provider or base): a provider applicant hosts its own (naming none means itself, naming another is refused); others may name one within their scope (<see cref="ProjectHosts"/>).</param>
/// <param name="RegionCode">The region (default: the applicant's).</param>
/// <param name="DepartmentCode">The sector (default: the applicant's).</param>
/// <param name="CreditYear">Credit year (default: the end date's year).</param>
/// <param name="StartDate">First day (required).</param>
/// <param name="EndDate">Last day (required).</param>
/// <param name="Capacity">Planned trainees (1–100000).</param>
/// <param name="Mode">Offline, Online or Mixed (default Offline).</param>
/// <param name="Description">Description (≤ 4000).</param>
/// <param name="Funding">Budget lines in fen.</param>
/// <param name="TargetTitleLevel">Seminars: target talent level.</param>
/// <param name="SubjectCategory">Capacity building: Public or Professional.</param>
/// <param name="SubjectCode">Capacity building: subject code.</param>
/// <param name="DigitalFieldCode">Digital engineers: field code.</param>
/// <param name="EducationBaseId">Base construction: existing base designation.</param>
internal sealed record ProjectInput(
    string? Title, ProjectType? Type, ProjectLevel? Level, ProjectField? Field, Guid? RecommenderOrganizationId, Guid? ProviderId,
    string? RegionCode, string? DepartmentCode, int? CreditYear, DateOnly? StartDate, DateOnly? EndDate, int? Capacity,
    DeliveryMode? Mode, [property: DataType(DataType.MultilineText)] string? Description, ProjectFundingInput? Funding, TitleLevel? TargetTitleLevel,
    CreditCategory? SubjectCategory, string? SubjectCode, string? DigitalFieldCode, Guid? EducationBaseId);

/// <summary>Checks an application's fields.</summary>
internal sealed class ProjectInputValidator : AbstractValidator<ProjectInput>
{
    /// <summary>Most planned trainees of one project.</summary>
    public const int MaxCapacity = 100_000;

    /// <summary>Largest funding line: 1 000 000 000 yuan in fen.</summary>
    public const long MaxFundingFen = 100_000_000_000;

    /// <summary>Creates the validator.</summary>
    public ProjectInputValidator()
    {
        RuleFor(i => i.Title).Must(t => !string.IsNullOrWhiteSpace(t)).OverridePropertyName("title").WithErrorCode("required").WithMessage("请填写项目名称（title）。");
        RuleFor(i => i.Title).MaximumLength(Project.TitleLength).OverridePropertyName("title").WithErrorCode("too_long").WithMessage($"项目名称（title）最多 {Project.TitleLength} 个字。");
        RuleFor(i => i.RecommenderOrganizationId).NotNull().OverridePropertyName("recommenderOrganizationId").WithErrorCode("required")
            .WithMessage("请选择推荐单位（recommenderOrganizationId）：项目所在县（市、区）人社部门或所属行业主管部门。");
        RuleFor(i => i.StartDate).NotNull().OverridePropertyName("startDate").WithErrorCode("required").WithMessage("请填写开始日期（startDate）。");
        RuleFor(i => i.EndDate).NotNull().OverridePropertyName("endDate").WithErrorCode("required").WithMessage("请填写结束日期（endDate）。");
        RuleFor(i => i.EndDate).GreaterThanOrEqualTo(i => i.StartDate).When(i => i.StartDate is not null && i.EndDate is not null)
            .OverridePropertyName("endDate").WithErrorCode("out_of_range").WithMessage("结束日期（endDate）不能早于开始日期（startDate）。");
        RuleFor(i => i.StartDate).Must(d => d!.Value.Year >= ProgramPeriod.FirstYear).When(i => i.StartDate is not null)
            .OverridePropertyName("startDate").WithErrorCode("out_of_range")
            .WithMessage($"开始日期（startDate）不能早于 {ProgramPeriod.FirstYear} 年（知识更新工程自 {ProgramPeriod.FirstYear} 年实施）。");
        RuleFor(i => i.EndDate).Must(d => d!.Value.Year <= ProgramPeriod.LastYear).When(i => i.EndDate is not null)
            .OverridePropertyName("endDate").WithErrorCode("out_of_range")
            .WithMessage($"结束日期（endDate）不能晚于 {ProgramPeriod.LastYear} 年（工程实施期至 {ProgramPeriod.LastYear} 年）。");
        RuleFor(i => i.CreditYear).Must(y => ProgramPeriod.Contains(y!.Value)).When(i => i.CreditYear is not null)
            .OverridePropertyName("creditYear").WithErrorCode("out_of_range")
            .WithMessage($"学时年度（creditYear）应在 {ProgramPeriod.FirstYear} 至 {ProgramPeriod.LastYear} 之间。");
        RuleFor(i => i.Capacity).NotNull().InclusiveBetween(1, MaxCapacity).OverridePropertyName("capacity").WithErrorCode("out_of_range")
            .WithMessage($"计划培训人数（capacity）应在 1 至 {MaxCapacity} 之间。");
        RuleFor(i => i.Description).MaximumLength(Project.TextLength).OverridePropertyName("description").WithErrorCode("too_long").WithMessage($"项目简介（description）最多 {Project.TextLength} 个字。");
        RuleFor(i => i.SubjectCode).MaximumLength(32).OverridePropertyName("subjectCode").WithErrorCode("too_long").WithMessage("科目代码（subjectCode）最多 32 个字符。");
        RuleFor(i => i.DigitalFieldCode).MaximumLength(32).OverridePropertyName("digitalFieldCode").WithErrorCode("too_long").WithMessage("数字技术领域（digitalFieldCode）最多 32 个字符。");
        RuleFor(i => i.Funding).Must(f => Lines(f).All(l => l is >= 0 and <= MaxFundingFen)).OverridePropertyName("funding").WithErrorCode("out_of_range")
            .WithMessage("经费（funding）各来源金额以分为单位，应为 0 至 100000000000 之间的整数。");
    }

    /// <summary>The one instance the commands' validators use.</summary>
    public static ProjectInputValidator Instance { get; } = new();

    /// <summary>The lines of <paramref name="funding"/> (missing as 0).</summary>
    public static long[] Lines(ProjectFundingInput? funding) => funding is null ? [0, 0, 0, 0, 0, 0] :
        [funding.CentralFen ?? 0, funding.ProvincialFen ?? 0, funding.MunicipalFen ?? 0, funding.SelfRaisedFen ?? 0, funding.EmployerFen ?? 0, funding.IndividualFen ?? 0];
}
