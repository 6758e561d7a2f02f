using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>
/// The input rules the digital-engineer validators share — ids, days, fields, levels and kinds as text — each naming
/// the field as the client sent it; and reading the texts a validator accepted.
/// </summary>
internal static class DigitalInputRules
{
    private const string LevelChoices = "应为 Junior（初级）、Intermediate（中级）或 Senior（高级）";

    private const string KindChoices = "应为 Training（培训机构）或 Evaluation（评价机构）";

    /// <summary>An id that must be sent (not empty).</summary>
    public static IRuleBuilderOptions<T, Guid?> RequiredId<T>(this IRuleBuilder<T, Guid?> rule, string name, string label) =>
        rule.Must(id => id is { } value && value != Guid.Empty).OverridePropertyName(name).WithErrorCode("required").WithMessage($"请选择{label}。");

    /// <summary>A day of the program that has passed: sent, not after today (China time), not before the program began.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> ProgramDayPassed<T>(this IRuleBuilderInitial<T, DateOnly?> rule, string name, string label, TimeProvider clock) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithErrorCode("required").WithMessage($"请填写{label}（{name}），格式为 yyyy-MM-dd。")
            .Must(day => day <= ProgramCalendar.Today(clock)).WithErrorCode("in_future")
            .WithMessage(_ => $"{label}（{name}）不能晚于今天（{ProgramCalendar.Today(clock):yyyy-MM-dd}）。")
            .Must(day => day >= ProgramPeriod.Start).WithErrorCode("too_early")
            .WithMessage($"{label}（{name}）不能早于 {ProgramPeriod.Start:yyyy-MM-dd}（工程启动之年）。")
            .OverridePropertyName(name);

    /// <summary>A digital-technology field, when one is sent.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalDigitalField<T>(this IRuleBuilder<T, string?> rule, string name) =>
        rule.Must(text => string.IsNullOrWhiteSpace(text) || DigitalEngineerCatalog.TryParseField(text, out _))
            .OverridePropertyName(name).WithErrorCode("invalid_value").WithMessage(InvalidField(name));

    /// <summary>A professional technical level, when one is sent.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalDigitalLevel<T>(this IRuleBuilder<T, string?> rule, string name) =>
        rule.Must(text => string.IsNullOrWhiteSpace(text) || DigitalEngineerCatalog.TryParseLevel(text, out _))
            .OverridePropertyName(name).WithErrorCode("invalid_value").WithMessage(InvalidLevel(name));

    /// <summary>A digital-technology field that must be sent (<see cref="CheckRequiredField"/>).</summary>
    public static IRuleBuilderOptionsConditions<T, string?> RequiredDigitalField<T>(this IRuleBuilder<T, string?> rule, string name) =>
        rule.Custom((text, context) => context.AddFieldError(CheckRequiredField(text, name)));

    /// <summary>A professional technical level that must be sent (<see cref="CheckRequiredLevel"/>).</summary>
    public static IRuleBuilderOptionsConditions<T, string?> RequiredDigitalLevel<T>(this IRuleBuilder<T, string?> rule, string name) =>
        rule.Custom((text, context) => context.AddFieldError(CheckRequiredLevel(text, name)));

    /// <summary>The problem of a field that must be sent, as <paramref name="name"/>: missing or unknown; null when it is fine.</summary>
    public static FieldError? CheckRequiredField(string? text, string name) =>
        string.IsNullOrWhiteSpace(text) ? new FieldError(name, "required", $"请选择数字技术领域（{name}）。")
        : DigitalEngineerCatalog.TryParseField(text, out _) ? null
        : new FieldError(name, "invalid_value", InvalidField(name));

    /// <summary>The problem of a level that must be sent, as <paramref name="name"/>: missing or unknown; null when it is fine.</summary>
    public static FieldError? CheckRequiredLevel(string? text, string name) =>
        string.IsNullOrWhiteSpace(text) ? new FieldError(name, "required", $"请选择专业技术等级（{name}）。")
        : DigitalEngineerCatalog.TryParseLevel(text, out _) ? null
        : new FieldError(name, "invalid_value", InvalidLevel(name));

    /// <summary>An institution kind (training or evaluation), when one is sent.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalInstitutionKind<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => string.IsNullOrWhiteSpace(text) || DigitalEngineerCatalog.TryParseKind(text, out _))
            .OverridePropertyName("kind").WithErrorCode("invalid_value").WithMessage($"机构类别（kind）无效，{KindChoices}。");

    /// <summary>An institution kind (training or evaluation) that must be sent.</summary>
    public static IRuleBuilderOptions<T, string?> RequiredInstitutionKind<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithErrorCode("required").WithMessage($"请选择机构类别（kind），{KindChoices}。")
            .Must(text => DigitalEngineerCatalog.TryParseKind(text, out _)).WithErrorCode("invalid_value").WithMessage($"机构类别（kind）无效，{KindChoices}。")
            .OverridePropertyName("kind");

    /// <summary>The field of accepted text (null when none was sent).</summary>
    public static DigitalField? Field(string? text) => DigitalEngineerCatalog.TryParseField(text, out var field) ? field : null;

    /// <summary>The level of accepted text (null when none was sent).</summary>
    public static DigitalLevel? Level(string? text) => DigitalEngineerCatalog.TryParseLevel(text, out var level) ? level : null;

    /// <summary>The institution kind of accepted text (null when none was sent).</summary>
    public static InstitutionKind? Kind(string? text) => DigitalEngineerCatalog.TryParseKind(text, out var kind) ? kind : null;

    /// <summary>Optional text, trimmed (null when blank).</summary>
    public static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Whether <paramref name="text"/> names a member of <typeparamref name="TEnum"/> by name (any case; numbers are not names).</summary>
    public static bool TryParseName<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);

    private static string InvalidField(string name) => $"数字技术领域（{name}）无效，应为以下之一：{DigitalEngineerCatalog.FieldChoices()}。";

    private static string InvalidLevel(string name) => $"专业技术等级（{name}）无效，{LevelChoices}。";
}
