using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>A field and level of a listing.</summary>
/// <param name="Field">Field: English name, two-digit code or Chinese name.</param>
/// <param name="Level">Level: Junior/Intermediate/Senior or 初级/中级/高级.</param>
internal sealed record InstitutionScopeBody(string? Field, string? Level);

/// <summary>A listing's body (the organization and kind only when listing; the rest when changing too).</summary>
/// <param name="OrganizationId">The organization (a training provider or an education base).</param>
/// <param name="Kind">Training/Evaluation or 培训机构/评价机构.</param>
/// <param name="ValidFrom">First valid day.</param>
/// <param name="ValidTo">Last valid day.</param>
/// <param name="Scopes">Fields and levels.</param>
internal sealed record InstitutionBody(Guid? OrganizationId, string? Kind, DateOnly? ValidFrom, DateOnly? ValidTo, IReadOnlyList<InstitutionScopeBody>? Scopes)
{
    /// <summary>A body with nothing in it (what an empty request sends).</summary>
    public static InstitutionBody Empty { get; } = new(null, null, null, null, null);

    /// <summary>The fields and levels listed (once the body is checked: every one valid, each once).</summary>
    public HashSet<(DigitalField Field, DigitalLevel Level)> ListedScopes()
    {
        var listed = new HashSet<(DigitalField Field, DigitalLevel Level)>();
        foreach (var scope in Scopes ?? [])
        {
            if (DigitalInputRules.Field(scope?.Field) is { } field && DigitalInputRules.Level(scope?.Level) is { } level)
            {
                listed.Add((field, level));
            }
        }

        return listed;
    }
}

/// <summary>
/// Checks what listing and changing an entry share: the validity period and the fields and levels — each
/// <see cref="ListInstitution"/> and <see cref="UpdateInstitution"/> adds its failures.
/// </summary>
internal sealed class InstitutionListingValidator : AbstractValidator<InstitutionBody>
{
    /// <summary>The one instance the use cases' validators use.</summary>
    public static InstitutionListingValidator Instance { get; } = new();

    /// <summary>Creates the validator.</summary>
    public InstitutionListingValidator()
    {
        RuleFor(b => b.ValidFrom).NotNull().OverridePropertyName("validFrom").WithErrorCode("required").WithMessage("请填写有效期起（validFrom），格式为 yyyy-MM-dd。");
        RuleFor(b => b.ValidTo).NotNull().OverridePropertyName("validTo").WithErrorCode("required").WithMessage("请填写有效期止（validTo），格式为 yyyy-MM-dd。");
        RuleFor(b => b.ValidTo).Must((b, to) => !(b.ValidFrom > to)).OverridePropertyName("validTo")
            .WithErrorCode("before_start").WithMessage("有效期止（validTo）不能早于有效期起（validFrom）。");
        RuleFor(b => b.Scopes).Custom((scopes, context) =>
        {
            if (scopes is null || scopes.Count == 0)
            {
                context.AddFieldError(new FieldError("scopes", "required", "请至少列出一个领域和等级（scopes：[{ field, level }]）。"));
                return;
            }

            for (var i = 0; i < scopes.Count; i++)
            {
                context.AddFieldError(DigitalInputRules.CheckRequiredField(scopes[i]?.Field, $"scopes[{i}].field"));
                context.AddFieldError(DigitalInputRules.CheckRequiredLevel(scopes[i]?.Level, $"scopes[{i}].level"));
            }
        });
    }
}
