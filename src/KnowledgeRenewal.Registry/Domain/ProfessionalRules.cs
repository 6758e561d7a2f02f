using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Registry.Domain;

/// <summary>A professional as submitted — a form or a spreadsheet row: every field is text.</summary>
public sealed record ProfessionalInput
{
    /// <summary>身份证号.</summary>
    public string? IdNumber { get; init; }

    /// <summary>姓名.</summary>
    public string? Name { get; init; }

    /// <summary>性别 (optional; must agree with the ID number).</summary>
    public string? Gender { get; init; }

    /// <summary>出生日期 (optional; must agree with the ID number).</summary>
    public string? BirthDate { get; init; }

    /// <summary>手机号码.</summary>
    public string? Phone { get; init; }

    /// <summary>工作单位统一社会信用代码.</summary>
    public string? EmployerCreditCode { get; init; }

    /// <summary>所属区域代码 (optional; always the employer's — see <see cref="ProfessionalOwnership"/>).</summary>
    public string? RegionCode { get; init; }

    /// <summary>所属行业代码 (optional; the employer's — stated only where the employer has none, see <see cref="ProfessionalOwnership"/>).</summary>
    public string? DepartmentCode { get; init; }

    /// <summary>职称系列.</summary>
    public string? TitleSeries { get; init; }

    /// <summary>职称级别.</summary>
    public string? TitleLevel { get; init; }

    /// <summary>专业.</summary>
    public string? Specialty { get; init; }

    /// <summary>最高学历.</summary>
    public string? Education { get; init; }

    /// <summary>人员状态 (optional; 在职 by default).</summary>
    public string? Status { get; init; }
}

/// <summary>A professional whose fields are valid in themselves (the employer, region and sector still need looking up).</summary>
public sealed record ValidProfessional(
    ResidentIdNumber IdNumber,
    string Name,
    Gender Gender,
    DateOnly BirthDate,
    string? Phone,
    UnifiedSocialCreditCode EmployerCreditCode,
    string? RegionCode,
    string? DepartmentCode,
    string? TitleSeries,
    TitleLevel TitleLevel,
    string? Specialty,
    EducationLevel Education,
    ProfessionalStatus Status);

/// <summary>The fields of a professional that may change after registration (a form's update): every field is text.</summary>
public sealed record ProfessionalDetailsInput
{
    /// <summary>姓名.</summary>
    public string? Name { get; init; }

    /// <summary>手机号码 (empty clears it).</summary>
    public string? Phone { get; init; }

    /// <summary>职称系列.</summary>
    public string? TitleSeries { get; init; }

    /// <summary>职称级别.</summary>
    public string? TitleLevel { get; init; }

    /// <summary>专业.</summary>
    public string? Specialty { get; init; }

    /// <summary>最高学历.</summary>
    public string? Education { get; init; }

    /// <summary>人员状态 (在职 by default).</summary>
    public string? Status { get; init; }
}

/// <summary>Changeable fields of a professional, valid in themselves.</summary>
public sealed record ValidProfessionalDetails(
    string Name,
    string? Phone,
    string? TitleSeries,
    TitleLevel TitleLevel,
    string? Specialty,
    EducationLevel Education,
    ProfessionalStatus Status);

/// <summary>
/// The registry's rules for a professional's fields — the one place both the REST API and the bulk import use.
/// Every error names the field (as the API spells it), a stable code and a Chinese message.
/// </summary>
public static class ProfessionalRules
{
    /// <summary>Longest name accepted.</summary>
    public const int MaxNameLength = 32;

    /// <summary>Longest title series accepted.</summary>
    public const int MaxTitleSeriesLength = 32;

    /// <summary>Longest specialty accepted.</summary>
    public const int MaxSpecialtyLength = 64;

    /// <summary>Validates the fields; <paramref name="row"/> goes into every error of a spreadsheet row.</summary>
    public static (ValidProfessional? Value, IReadOnlyList<FieldError> Errors) Validate(ProfessionalInput input, DateOnly today, int? row = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        void Fail(string field, string code, string message) => errors.Add(new FieldError(field, code, message, row));

        ResidentIdNumber idNumber = default;
        if (string.IsNullOrWhiteSpace(input.IdNumber))
        {
            Fail("idNumber", "required", "请填写身份证号。");
        }
        else if (!ResidentIdNumber.TryParse(input.IdNumber, today, out idNumber, out var idError))
        {
            Fail("idNumber", idError!, IdNumberMessage(idError!));
        }

        var name = CheckName(input.Name, Fail);

        var valid = idNumber.Value is not null;
        var gender = valid ? (idNumber.IsMale ? Gender.Male : Gender.Female) : default;
        if (!string.IsNullOrWhiteSpace(input.Gender))
        {
            if (!RegistryLabels.TryParse(RegistryLabels.Genders, input.Gender, out var stated))
            {
                Fail("gender", "gender.invalid", $"性别“{input.Gender}”无效，应为“男”或“女”。");
            }
            else if (valid && stated != gender)
            {
                Fail("gender", "gender.mismatch", $"性别“{input.Gender}”与身份证号不符（身份证号显示为{RegistryLabels.Genders[gender]}）。");
            }
        }

        var birth = valid ? idNumber.BirthDate : default;
        if (!string.IsNullOrWhiteSpace(input.BirthDate))
        {
            if (!TryParseDate(input.BirthDate, out var stated))
            {
                Fail("birthDate", "birth_date.invalid", $"出生日期“{input.BirthDate}”无效，应为 yyyy-MM-dd 格式。");
            }
            else if (valid && stated != birth)
            {
                Fail("birthDate", "birth_date.mismatch", $"出生日期“{input.BirthDate}”与身份证号不符（身份证号显示为 {birth:yyyy-MM-dd}）。");
            }
        }

        var phone = CheckPhone(input.Phone, Fail);

        UnifiedSocialCreditCode employer = default;
        if (string.IsNullOrWhiteSpace(input.EmployerCreditCode))
        {
            Fail("employerCreditCode", "required", "请填写工作单位统一社会信用代码。");
        }
        else if (!UnifiedSocialCreditCode.TryParse(input.EmployerCreditCode, out employer, out var codeError))
        {
            Fail("employerCreditCode", codeError!, "工作单位" + UnifiedSocialCreditCode.Message(codeError!));
        }

        var titleLevel = CheckTitleLevel(input.TitleLevel, Fail);
        var education = CheckEducation(input.Education, Fail);
        var status = CheckStatus(input.Status, Fail);
        var titleSeries = Clean(input.TitleSeries, MaxTitleSeriesLength, "titleSeries", "职称系列", Fail);
        var specialty = Clean(input.Specialty, MaxSpecialtyLength, "specialty", "专业", Fail);
        var region = Clean(input.RegionCode, 16, "regionCode", "所属区域代码", Fail);
        var department = Clean(input.DepartmentCode, 32, "departmentCode", "所属行业代码", Fail);

        return errors.Count > 0
            ? (null, errors)
            : (new ValidProfessional(idNumber, name, gender, birth, phone, employer, region, department, titleSeries, titleLevel, specialty, education, status), errors);
    }

    /// <summary>
    /// Validates the fields that may change after registration (name, phone, title, specialty, education, status) —
    /// the same rules as <see cref="Validate"/>; identity, employer and ownership fields are not part of it.
    /// </summary>
    public static (ValidProfessionalDetails? Value, IReadOnlyList<FieldError> Errors) ValidateDetails(ProfessionalDetailsInput input, int? row = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        void Fail(string field, string code, string message) => errors.Add(new FieldError(field, code, message, row));

        var name = CheckName(input.Name, Fail);
        var phone = CheckPhone(input.Phone, Fail);
        var titleLevel = CheckTitleLevel(input.TitleLevel, Fail);
        var education = CheckEducation(input.Education, Fail);
        var status = CheckStatus(input.Status, Fail);
        var titleSeries = Clean(input.TitleSeries, MaxTitleSeriesLength, "titleSeries", "职称系列", Fail);
        var specialty = Clean(input.Specialty, MaxSpecialtyLength, "specialty", "专业", Fail);
        return errors.Count > 0
            ? (null, errors)
            : (new ValidProfessionalDetails(name, phone, titleSeries, titleLevel, specialty, education, status), errors);
    }

    /// <summary>The Chinese message of an ID-number error code.</summary>
    public static string IdNumberMessage(string code) => code switch
    {
        "id_number.length" => "身份证号应为 18 位。",
        "id_number.digits" => "身份证号前 17 位应为数字。",
        "id_number.check_character" => "身份证号最后一位应为数字或 X。",
        "id_number.birth_date" => "身份证号中的出生日期无效（不存在或晚于今天）。",
        "id_number.checksum" => "身份证号校验位错误，请核对是否输错。",
        _ => "身份证号无效。",
    };

    private static string CheckName(string? text, Action<string, string, string> fail)
    {
        var name = (text ?? "").Trim();
        if (name.Length == 0)
        {
            fail("name", "required", "请填写姓名。");
        }
        else if (name.Length > MaxNameLength || !FreeText.IsValid(name, multiLine: false) || name.Any(char.IsAsciiDigit))
        {
            fail("name", "name.invalid", $"姓名“{name}”无效：不能含数字、控制字符或文字方向控制字符，长度不超过 {MaxNameLength} 个字符。");
        }

        return name;
    }

    private static string? CheckPhone(string? text, Action<string, string, string> fail)
    {
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(text) && (phone = MobileNumber.Normalize(text)) is null)
        {
            fail("phone", "phone.invalid", "手机号码无效，应为 11 位中国大陆手机号码。");
        }

        return phone;
    }

    private static TitleLevel CheckTitleLevel(string? text, Action<string, string, string> fail)
    {
        var titleLevel = TitleLevel.None;
        if (!string.IsNullOrWhiteSpace(text) && !RegistryLabels.TryParse(RegistryLabels.TitleLevels, text, out titleLevel))
        {
            fail("titleLevel", "title_level.invalid", $"职称级别“{text}”无效，应为 初级、中级、副高级、正高级 或 未评定。");
        }

        return titleLevel;
    }

    private static EducationLevel CheckEducation(string? text, Action<string, string, string> fail)
    {
        var education = EducationLevel.Bachelor;
        if (string.IsNullOrWhiteSpace(text))
        {
            fail("education", "required", "请选择最高学历。");
        }
        else if (!RegistryLabels.TryParse(RegistryLabels.Educations, text, out education))
        {
            fail("education", "education.invalid", $"最高学历“{text}”无效，应为 中专及以下、大专、本科、硕士研究生 或 博士研究生。");
        }

        return education;
    }

    private static ProfessionalStatus CheckStatus(string? text, Action<string, string, string> fail)
    {
        var status = ProfessionalStatus.Active;
        if (!string.IsNullOrWhiteSpace(text) && !RegistryLabels.TryParse(RegistryLabels.Statuses, text, out status))
        {
            fail("status", "status.invalid", $"人员状态“{text}”无效，应为 在职、退休 或 离职。");
        }

        return status;
    }

    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy-M-d"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date);

    private static string? Clean(string? text, int maxLength, string field, string label, Action<string, string, string> fail)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length > maxLength || !FreeText.IsValid(value, multiLine: false))
        {
            fail(field, "too_long", $"{label}最多 {maxLength} 个字符，只含普通文字（没有控制字符或文字方向控制字符）。");
            return null;
        }

        return value;
    }
}
