using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Programs.Domain;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>A filter of a pipeline list (trainings, evaluations, certificates).</summary>
/// <param name="Field">Field.</param>
/// <param name="Level">Level.</param>
/// <param name="Year">Year (of the training's end, the evaluation or the issue).</param>
/// <param name="Kind">Certificate kind (certificates only): TrainingQualified/ProfessionalLevel.</param>
/// <param name="ProfessionalId">One person.</param>
/// <param name="Page">1-based page.</param>
/// <param name="PageSize">Items per page (≤ 100).</param>
internal sealed record PipelineFilter(string? Field, string? Level, int? Year, string? Kind, Guid? ProfessionalId, int Page, int PageSize);

/// <summary>Checks a pipeline filter: each list's validator adds its failures (<see cref="FieldErrorValidation.AddFailuresOf"/>).</summary>
internal sealed class PipelineFilterValidator : AbstractValidator<PipelineFilter>
{
    /// <summary>The one instance the lists' validators use.</summary>
    public static PipelineFilterValidator Instance { get; } = new();

    /// <summary>Creates the validator.</summary>
    public PipelineFilterValidator()
    {
        RuleFor(f => f.Field).OptionalDigitalField("field");
        RuleFor(f => f.Level).OptionalDigitalLevel("level");
        RuleFor(f => f.Kind).Must(k => string.IsNullOrWhiteSpace(k) || DigitalInputRules.TryParseName<DigitalCertificateKind>(k, out _))
            .OverridePropertyName("kind").WithErrorCode("invalid_value")
            .WithMessage("证书类别（kind）无效，应为 TrainingQualified（培训合格证书）或 ProfessionalLevel（专业技术等级证书）。");
        RuleFor(f => f.Year).Must(y => y is not (< 2000 or > 2100)).OverridePropertyName("year").WithErrorCode("out_of_range")
            .WithMessage("年度（year）应为 2000 至 2100 之间的年份。");
        RuleFor(f => f.Page).ValidPage().OverridePropertyName("page");
        RuleFor(f => f.PageSize).ValidPageSize().OverridePropertyName("pageSize");
    }
}
