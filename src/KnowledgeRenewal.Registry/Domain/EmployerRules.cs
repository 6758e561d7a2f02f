using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Registry.Domain;

/// <summary>An employer as submitted — a form or a spreadsheet row.</summary>
public sealed record EmployerInput
{
    /// <summary>统一社会信用代码.</summary>
    public string? CreditCode { get; init; }

    /// <summary>单位名称.</summary>
    public string? Name { get; init; }

    /// <summary>所有制 (公有制 / 非公有制).</summary>
    public string? Ownership { get; init; }

    /// <summary>所属区域代码 (GB/T 2260 or a functional zone's code).</summary>
    public string? RegionCode { get; init; }

    /// <summary>所属行业代码 (a line department's code), optional.</summary>
    public string? DepartmentCode { get; init; }
}

/// <summary>The fields of an employer that may change after registration (not the credit code, not the region).</summary>
public sealed record EmployerDetailsInput
{
    /// <summary>单位名称.</summary>
    public string? Name { get; init; }

    /// <summary>所有制 (公有制 / 非公有制).</summary>
    public string? Ownership { get; init; }

    /// <summary>所属行业代码 (a line department's code), optional.</summary>
    public string? DepartmentCode { get; init; }
}

/// <summary>Changeable fields of an employer, valid in themselves (the sector still needs looking up).</summary>
public sealed record ValidEmployerDetails(string Name, Ownership Ownership, string? DepartmentCode);

/// <summary>An employer whose fields are valid in themselves (region and sector still need looking up).</summary>
public sealed record ValidEmployer(UnifiedSocialCreditCode CreditCode, string Name, Ownership Ownership, string RegionCode, string? DepartmentCode);

/// <summary>The registry's rules for an employer's fields (REST API and bulk import).</summary>
public static class EmployerRules
{
    /// <summary>Longest name accepted.</summary>
    public const int MaxNameLength = 128;

    /// <summary>Validates the fields; <paramref name="row"/> goes into every error of a spreadsheet row.</summary>
    public static (ValidEmployer? Value, IReadOnlyList<FieldError> Errors) Validate(EmployerInput input, int? row = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        UnifiedSocialCreditCode code = default;
        if (string.IsNullOrWhiteSpace(input.CreditCode))
        {
            errors.Add(new FieldError("creditCode", "required", "请填写统一社会信用代码。", row));
        }
        else if (!UnifiedSocialCreditCode.TryParse(input.CreditCode, out code, out var error))
        {
            errors.Add(new FieldError("creditCode", error!, UnifiedSocialCreditCode.Message(error!), row));
        }

        var name = CheckName(input.Name, errors, row);
        var ownership = CheckOwnership(input.Ownership, errors, row);

        var region = input.RegionCode?.Trim() ?? "";
        if (region.Length == 0)
        {
            errors.Add(new FieldError("regionCode", "required", "请填写所属区域代码。", row));
        }

        var department = string.IsNullOrWhiteSpace(input.DepartmentCode) ? null : input.DepartmentCode.Trim();
        return errors.Count > 0 ? (null, errors) : (new ValidEmployer(code, name, ownership, region, department), errors);
    }

    /// <summary>Validates the fields that may change after registration (name, ownership, sector) — the same rules as <see cref="Validate"/>.</summary>
    public static (ValidEmployerDetails? Value, IReadOnlyList<FieldError> Errors) ValidateDetails(EmployerDetailsInput input, int? row = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        var name = CheckName(input.Name, errors, row);
        var ownership = CheckOwnership(input.Ownership, errors, row);
        var department = string.IsNullOrWhiteSpace(input.DepartmentCode) ? null : input.DepartmentCode.Trim();
        return errors.Count > 0 ? (null, errors) : (new ValidEmployerDetails(name, ownership, department), errors);
    }

    private static string CheckName(string? text, List<FieldError> errors, int? row)
    {
        var name = (text ?? "").Trim();
        if (name.Length == 0)
        {
            errors.Add(new FieldError("name", "required", "请填写单位名称。", row));
        }
        else if (name.Length > MaxNameLength || !FreeText.IsValid(name, multiLine: false))
        {
            errors.Add(new FieldError("name", "name.invalid", $"单位名称最多 {MaxNameLength} 个字符，只含普通文字（没有控制字符或文字方向控制字符）。", row));
        }

        return name;
    }

    private static Ownership CheckOwnership(string? text, List<FieldError> errors, int? row)
    {
        var ownership = Ownership.Public;
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new FieldError("ownership", "required", "请选择所有制（公有制 / 非公有制）。", row));
        }
        else if (!RegistryLabels.TryParse(RegistryLabels.Ownerships, text, out ownership))
        {
            errors.Add(new FieldError("ownership", "ownership.invalid", $"所有制“{text}”无效，应为“公有制”或“非公有制”。", row));
        }

        return ownership;
    }
}
