using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Registry.Domain;

/// <summary>The Chinese labels of training-provider kinds and base designations (parsed like <see cref="RegistryLabels"/>).</summary>
public static class ProviderLabels
{
    /// <summary>Provider kinds.</summary>
    public static IReadOnlyDictionary<ProviderKind, string> Kinds { get; } = new Dictionary<ProviderKind, string>
    {
        [ProviderKind.University] = "高等院校",
        [ProviderKind.ResearchInstitute] = "科研院所",
        [ProviderKind.Association] = "专业协会",
        [ProviderKind.Enterprise] = "大中型企业",
        [ProviderKind.TrainingInstitution] = "行业培训机构",
    };

    /// <summary>Base designation levels.</summary>
    public static IReadOnlyDictionary<BaseLevel, string> Levels { get; } = new Dictionary<BaseLevel, string>
    {
        [BaseLevel.National] = "国家级",
        [BaseLevel.Provincial] = "省级",
        [BaseLevel.Municipal] = "市级",
    };

    /// <summary>Base statuses.</summary>
    public static IReadOnlyDictionary<BaseStatus, string> Statuses { get; } = new Dictionary<BaseStatus, string>
    {
        [BaseStatus.Active] = "有效",
        [BaseStatus.UnderReview] = "整改考核中",
        [BaseStatus.Revoked] = "已撤销",
    };
}

/// <summary>A training provider as submitted.</summary>
public sealed record TrainingProviderInput
{
    /// <summary>统一社会信用代码 (only when registering).</summary>
    public string? CreditCode { get; init; }

    /// <summary>机构名称.</summary>
    public string? Name { get; init; }

    /// <summary>机构类别 (高等院校、科研院所、专业协会、大中型企业、行业培训机构).</summary>
    public string? Kind { get; init; }

    /// <summary>所属区域代码.</summary>
    public string? RegionCode { get; init; }

    /// <summary>所属行业代码, optional.</summary>
    public string? DepartmentCode { get; init; }
}

/// <summary>A training provider whose fields are valid in themselves (region and sector still need looking up).</summary>
public sealed record ValidTrainingProvider(UnifiedSocialCreditCode? CreditCode, string Name, ProviderKind Kind, string RegionCode, string? DepartmentCode);

/// <summary>The registry's rules for a training provider's fields.</summary>
public static class TrainingProviderRules
{
    /// <summary>Longest name accepted.</summary>
    public const int MaxNameLength = 128;

    /// <summary>Validates; the credit code is required when <paramref name="registering"/>, and ignored otherwise (it never changes).</summary>
    public static (ValidTrainingProvider? Value, IReadOnlyList<FieldError> Errors) Validate(TrainingProviderInput input, bool registering)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        UnifiedSocialCreditCode? code = null;
        if (registering)
        {
            if (string.IsNullOrWhiteSpace(input.CreditCode))
            {
                errors.Add(new FieldError("creditCode", "required", "请填写统一社会信用代码。"));
            }
            else if (!UnifiedSocialCreditCode.TryParse(input.CreditCode, out var parsed, out var error))
            {
                errors.Add(new FieldError("creditCode", error!, UnifiedSocialCreditCode.Message(error!)));
            }
            else
            {
                code = parsed;
            }
        }

        var name = (input.Name ?? "").Trim();
        if (name.Length == 0)
        {
            errors.Add(new FieldError("name", "required", "请填写机构名称。"));
        }
        else if (name.Length > MaxNameLength || !FreeText.IsValid(name, multiLine: false))
        {
            errors.Add(new FieldError("name", "name.invalid", $"机构名称最多 {MaxNameLength} 个字符，只含普通文字（没有控制字符或文字方向控制字符）。"));
        }

        var kind = ProviderKind.TrainingInstitution;
        if (string.IsNullOrWhiteSpace(input.Kind))
        {
            errors.Add(new FieldError("kind", "required", "请选择机构类别（高等院校、科研院所、专业协会、大中型企业、行业培训机构）。"));
        }
        else if (!RegistryLabels.TryParse(ProviderLabels.Kinds, input.Kind, out kind))
        {
            errors.Add(new FieldError("kind", "kind.invalid", $"机构类别“{input.Kind}”无效，应为 高等院校、科研院所、专业协会、大中型企业 或 行业培训机构。"));
        }

        var region = input.RegionCode?.Trim() ?? "";
        if (region.Length == 0)
        {
            errors.Add(new FieldError("regionCode", "required", "请填写所属区域代码。"));
        }

        var department = string.IsNullOrWhiteSpace(input.DepartmentCode) ? null : input.DepartmentCode.Trim();
        return errors.Count > 0 ? (null, errors) : (new ValidTrainingProvider(code, name, kind, region, department), errors);
    }
}

/// <summary>A base designation as submitted.</summary>
public sealed record EducationBaseInput
{
    /// <summary>基地名称.</summary>
    public string? Name { get; init; }

    /// <summary>The designated organization (a training provider; only when designating).</summary>
    public Guid? OrganizationId { get; init; }

    /// <summary>级别 (国家级、省级、市级).</summary>
    public string? Level { get; init; }

    /// <summary>认定日期.</summary>
    public DateOnly? DesignatedOn { get; init; }

    /// <summary>状态 (有效、整改考核中、已撤销); 有效 by default.</summary>
    public string? Status { get; init; }
}

/// <summary>A base designation whose fields are valid in themselves (the organization still needs looking up).</summary>
public sealed record ValidEducationBase(string Name, Guid? OrganizationId, BaseLevel Level, DateOnly DesignatedOn, BaseStatus Status);

/// <summary>The registry's rules for a base designation's fields.</summary>
public static class EducationBaseRules
{
    /// <summary>Longest name accepted.</summary>
    public const int MaxNameLength = 128;

    /// <summary>Earliest designation date accepted.</summary>
    public static DateOnly Earliest { get; } = new(1980, 1, 1);

    /// <summary>Validates; the organization is required when <paramref name="designating"/>, and ignored otherwise (it never changes).</summary>
    public static (ValidEducationBase? Value, IReadOnlyList<FieldError> Errors) Validate(EducationBaseInput input, DateOnly today, bool designating)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        var name = (input.Name ?? "").Trim();
        if (name.Length == 0)
        {
            errors.Add(new FieldError("name", "required", "请填写基地名称。"));
        }
        else if (name.Length > MaxNameLength || !FreeText.IsValid(name, multiLine: false))
        {
            errors.Add(new FieldError("name", "name.invalid", $"基地名称最多 {MaxNameLength} 个字符，只含普通文字（没有控制字符或文字方向控制字符）。"));
        }

        if (designating && (input.OrganizationId ?? Guid.Empty) == Guid.Empty)
        {
            errors.Add(new FieldError("organizationId", "required", "请选择依托机构（organizationId）。"));
        }

        var level = BaseLevel.Municipal;
        if (string.IsNullOrWhiteSpace(input.Level))
        {
            errors.Add(new FieldError("level", "required", "请选择基地级别（国家级、省级、市级）。"));
        }
        else if (!RegistryLabels.TryParse(ProviderLabels.Levels, input.Level, out level))
        {
            errors.Add(new FieldError("level", "level.invalid", $"基地级别“{input.Level}”无效，应为 国家级、省级 或 市级。"));
        }

        if (input.DesignatedOn is not { } designated)
        {
            errors.Add(new FieldError("designatedOn", "required", "请填写认定日期（designatedOn）。"));
        }
        else if (designated > today || designated < Earliest)
        {
            errors.Add(new FieldError("designatedOn", "designated_on.invalid", $"认定日期应在 {Earliest:yyyy-MM-dd} 至今天之间。"));
        }

        var status = BaseStatus.Active;
        if (!string.IsNullOrWhiteSpace(input.Status) && !RegistryLabels.TryParse(ProviderLabels.Statuses, input.Status, out status))
        {
            errors.Add(new FieldError("status", "status.invalid", $"基地状态“{input.Status}”无效，应为 有效、整改考核中 或 已撤销。"));
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ValidEducationBase(name, designating ? input.OrganizationId : null, level, input.DesignatedOn!.Value, status), errors);
    }
}
