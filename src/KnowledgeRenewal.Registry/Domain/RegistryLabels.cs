using KnowledgeRenewal.Kernel.Identifiers;

namespace KnowledgeRenewal.Registry.Domain;

/// <summary>
/// The Chinese labels of the registry's choices, as people write them in forms and spreadsheets, and their parsing
/// (the Chinese label, the English name, or the number are all accepted).
/// </summary>
public static class RegistryLabels
{
    /// <summary>Gender labels.</summary>
    public static IReadOnlyDictionary<Gender, string> Genders { get; } = new Dictionary<Gender, string>
    {
        [Gender.Male] = "男",
        [Gender.Female] = "女",
    };

    /// <summary>Title-level labels.</summary>
    public static IReadOnlyDictionary<TitleLevel, string> TitleLevels { get; } = new Dictionary<TitleLevel, string>
    {
        [TitleLevel.None] = "未评定",
        [TitleLevel.Junior] = "初级",
        [TitleLevel.Intermediate] = "中级",
        [TitleLevel.AssociateSenior] = "副高级",
        [TitleLevel.Senior] = "正高级",
    };

    /// <summary>Education labels.</summary>
    public static IReadOnlyDictionary<EducationLevel, string> Educations { get; } = new Dictionary<EducationLevel, string>
    {
        [EducationLevel.Secondary] = "中专及以下",
        [EducationLevel.Associate] = "大专",
        [EducationLevel.Bachelor] = "本科",
        [EducationLevel.Master] = "硕士研究生",
        [EducationLevel.Doctorate] = "博士研究生",
    };

    /// <summary>Status labels.</summary>
    public static IReadOnlyDictionary<ProfessionalStatus, string> Statuses { get; } = new Dictionary<ProfessionalStatus, string>
    {
        [ProfessionalStatus.Active] = "在职",
        [ProfessionalStatus.Retired] = "退休",
        [ProfessionalStatus.Left] = "离职",
    };

    /// <summary>Ownership labels.</summary>
    public static IReadOnlyDictionary<Ownership, string> Ownerships { get; } = new Dictionary<Ownership, string>
    {
        [Ownership.Public] = "公有制",
        [Ownership.NonPublic] = "非公有制",
    };

    // Common alternative spellings people use.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["副高"] = "副高级",
        ["正高"] = "正高级",
        ["无"] = "未评定",
        ["员级"] = "初级",
        ["助理级"] = "初级",
        ["研究生"] = "硕士研究生",
        ["硕士"] = "硕士研究生",
        ["博士"] = "博士研究生",
        ["大学本科"] = "本科",
        ["专科"] = "大专",
        ["中专"] = "中专及以下",
        ["高中"] = "中专及以下",
        ["离岗"] = "离职",
        ["调出"] = "离职",
        ["公有"] = "公有制",
        ["非公有"] = "非公有制",
        ["民营"] = "非公有制",
    };

    /// <summary>Parses a value of <typeparamref name="T"/> from its Chinese label, alias, English name or number.</summary>
    public static bool TryParse<T>(IReadOnlyDictionary<T, string> labels, string? text, out T value)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(labels);
        var trimmed = text?.Trim() ?? "";
        var label = Aliases.GetValueOrDefault(trimmed, trimmed);
        foreach (var (candidate, name) in labels)
        {
            if (name == label)
            {
                value = candidate;
                return true;
            }
        }

        // English names and numbers, but only of defined values.
        if (Enum.TryParse(trimmed, ignoreCase: true, out value) && labels.ContainsKey(value))
        {
            return true;
        }

        value = default;
        return false;
    }
}
