using System.Globalization;

namespace KnowledgeRenewal.Programs.Domain;

/// <summary>The ten digital-technology fields of the seed's section 三(三) (数字技术技能领域), each with its national occupational standard.</summary>
public enum DigitalField
{
    /// <summary>人工智能.</summary>
    ArtificialIntelligence = 1,

    /// <summary>物联网.</summary>
    InternetOfThings = 2,

    /// <summary>大数据.</summary>
    BigData = 3,

    /// <summary>云计算.</summary>
    CloudComputing = 4,

    /// <summary>数字化管理.</summary>
    DigitalManagement = 5,

    /// <summary>智能制造.</summary>
    SmartManufacturing = 6,

    /// <summary>工业互联网.</summary>
    IndustrialInternet = 7,

    /// <summary>虚拟现实.</summary>
    VirtualReality = 8,

    /// <summary>区块链.</summary>
    Blockchain = 9,

    /// <summary>集成电路.</summary>
    IntegratedCircuits = 10,
}

/// <summary>The three professional technical levels of every field (专业技术等级).</summary>
public enum DigitalLevel
{
    /// <summary>初级.</summary>
    Junior = 1,

    /// <summary>中级.</summary>
    Intermediate = 2,

    /// <summary>高级.</summary>
    Senior = 3,
}

/// <summary>What a catalogued institution does: training and evaluation are done by different organizations.</summary>
public enum InstitutionKind
{
    /// <summary>培训机构 — trains and issues training-qualified certificates.</summary>
    Training = 1,

    /// <summary>评价机构 — evaluates and issues professional technical level certificates.</summary>
    Evaluation = 2,
}

/// <summary>The two certificates of the pipeline.</summary>
public enum DigitalCertificateKind
{
    /// <summary>培训合格证书 — from a passed training; makes the person eligible for a vocational-training subsidy.</summary>
    TrainingQualified = 1,

    /// <summary>专业技术等级证书 — from a passed evaluation; linked to professional titles.</summary>
    ProfessionalLevel = 2,
}

/// <summary>How a certificate counts for professional titles (seed 四(二)).</summary>
public enum TitleLinkage
{
    /// <summary>无 — a training-qualified certificate is no title evidence.</summary>
    None = 0,

    /// <summary>可作为职称认定依据 — a junior or intermediate level certificate: within the junior/intermediate title recognition.</summary>
    TitleRecognition = 1,

    /// <summary>高级职称申报参考 — a senior level certificate: an important reference for the senior title evaluation.</summary>
    SeniorTitleReference = 2,
}

/// <summary>One field of the catalog.</summary>
/// <param name="Field">The field.</param>
/// <param name="Code">Two-digit code used in certificate numbers.</param>
/// <param name="Name">Its Chinese name.</param>
public sealed record DigitalFieldInfo(DigitalField Field, string Code, string Name);

/// <summary>
/// The reference data of digital-technology-engineer cultivation: the ten fields × three levels, their Chinese
/// names, the title linkage of each certificate and the subsidy standard per level. Fixed by the seed, so it lives
/// in code (like the public-subject catalog), not in the database.
/// </summary>
public static class DigitalEngineerCatalog
{
    /// <summary>The fields in the seed's order.</summary>
    public static IReadOnlyList<DigitalFieldInfo> Fields { get; } =
    [
        new(DigitalField.ArtificialIntelligence, "01", "人工智能"),
        new(DigitalField.InternetOfThings, "02", "物联网"),
        new(DigitalField.BigData, "03", "大数据"),
        new(DigitalField.CloudComputing, "04", "云计算"),
        new(DigitalField.DigitalManagement, "05", "数字化管理"),
        new(DigitalField.SmartManufacturing, "06", "智能制造"),
        new(DigitalField.IndustrialInternet, "07", "工业互联网"),
        new(DigitalField.VirtualReality, "08", "虚拟现实"),
        new(DigitalField.Blockchain, "09", "区块链"),
        new(DigitalField.IntegratedCircuits, "10", "集成电路"),
    ];

    /// <summary>The levels, lowest first.</summary>
    public static IReadOnlyList<DigitalLevel> Levels { get; } = [DigitalLevel.Junior, DigitalLevel.Intermediate, DigitalLevel.Senior];

    /// <summary>
    /// Vocational-training subsidy per training-qualified certificate, by level, in yuan (demo standard of the
    /// platform; the provincial standard in force is what a deployment publishes).
    /// </summary>
    public static decimal SubsidyStandard(DigitalLevel level) => level switch
    {
        DigitalLevel.Junior => 1000m,
        DigitalLevel.Intermediate => 1500m,
        DigitalLevel.Senior => 2000m,
        _ => 0m,
    };

    /// <summary>The Chinese name of a field.</summary>
    public static string FieldName(DigitalField field) => Fields.FirstOrDefault(f => f.Field == field)?.Name ?? field.ToString();

    /// <summary>The two-digit code of a field.</summary>
    public static string FieldCode(DigitalField field) => Fields.FirstOrDefault(f => f.Field == field)?.Code ?? "00";

    /// <summary>The Chinese name of a level.</summary>
    public static string LevelName(DigitalLevel level) => level switch
    {
        DigitalLevel.Junior => "初级",
        DigitalLevel.Intermediate => "中级",
        DigitalLevel.Senior => "高级",
        _ => level.ToString(),
    };

    /// <summary>The Chinese name of an institution kind.</summary>
    public static string KindName(InstitutionKind kind) => kind == InstitutionKind.Training ? "培训机构" : "评价机构";

    /// <summary>The Chinese name of a certificate kind.</summary>
    public static string CertificateKindName(DigitalCertificateKind kind) =>
        kind == DigitalCertificateKind.TrainingQualified ? "培训合格证书" : "专业技术等级证书";

    /// <summary>
    /// The title linkage of a certificate, computed from its kind and level: a senior level certificate is a
    /// reference for the senior title application, a junior or intermediate one is eligible for title recognition,
    /// a training-qualified certificate is neither.
    /// </summary>
    public static TitleLinkage Linkage(DigitalCertificateKind kind, DigitalLevel level) => kind switch
    {
        DigitalCertificateKind.ProfessionalLevel when level == DigitalLevel.Senior => TitleLinkage.SeniorTitleReference,
        DigitalCertificateKind.ProfessionalLevel => TitleLinkage.TitleRecognition,
        _ => TitleLinkage.None,
    };

    /// <summary>The Chinese text of a title linkage (null when there is none).</summary>
    public static string? LinkageName(TitleLinkage linkage) => linkage switch
    {
        TitleLinkage.SeniorTitleReference => "高级职称申报参考",
        TitleLinkage.TitleRecognition => "可作为职称认定依据",
        _ => null,
    };

    /// <summary>Reads a field: its English name, its two-digit code or its Chinese name.</summary>
    public static bool TryParseField(string? text, out DigitalField field)
    {
        field = default;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var found = Fields.FirstOrDefault(f => f.Code == value || f.Name == value || string.Equals(f.Field.ToString(), value, StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            return false;
        }

        field = found.Field;
        return true;
    }

    /// <summary>Reads a level: <c>Junior</c>/<c>Intermediate</c>/<c>Senior</c> or 初级/中级/高级.</summary>
    public static bool TryParseLevel(string? text, out DigitalLevel level)
    {
        level = default;
        var value = text?.Trim();
        foreach (var candidate in Levels)
        {
            if (string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase) || LevelName(candidate) == value)
            {
                level = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads an institution kind: <c>Training</c>/<c>Evaluation</c> or 培训机构/评价机构.</summary>
    public static bool TryParseKind(string? text, out InstitutionKind kind)
    {
        kind = default;
        var value = text?.Trim();
        foreach (var candidate in new[] { InstitutionKind.Training, InstitutionKind.Evaluation })
        {
            if (string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase) || KindName(candidate) == value)
            {
                kind = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>The choices of the fields, for messages: <c>ArtificialIntelligence（人工智能）、…</c>.</summary>
    public static string FieldChoices() => string.Join("、", Fields.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Field}（{f.Name}）")));
}
