using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Supervision.Domain.Inspections;

/// <summary>Stable codes and refusals of the expert pool and inspections, and who may do what.</summary>
public static class InspectionRules
{
    /// <summary>Who reads and writes the pool, plans and inspections: the program office.</summary>
    public static readonly string[] Office = [PlatformRoles.ProgramOfficeAdmin];

    /// <summary>Risk-signal keys this part computes.</summary>
    public const string OverlapFlagsKey = "overlap_flags";

    /// <summary>Low completion.</summary>
    public const string LowCompletionKey = "low_completion";

    /// <summary>
    /// One inspection's score for a base's assessment (0–100): 100 when nothing was found; otherwise 100 less 20 for
    /// each finding that required rectification and 10 for each other finding, never below 0.
    /// </summary>
    public static decimal Score(InspectionConclusion conclusion, int findings, int rectifications) =>
        conclusion == InspectionConclusion.NoIssues ? 100m : Math.Max(0m, 100m - (20m * rectifications) - (10m * Math.Max(0, findings - rectifications)));

    /// <summary>Evidence files: at most this many bytes each.</summary>
    public const long MaxEvidenceBytes = 10 * 1024 * 1024;

    /// <summary>Not found.</summary>
    public static PlatformException NotFound(string what, Guid id) =>
        new("supervision.not_found", 404, $"未找到{what}", $"没有编号为 {id} 的{what}，或您无权查看。");

    /// <summary>A plan can be drawn (again) only until a result is recorded.</summary>
    public static PlatformException DrawClosed() =>
        new("supervision.draw_closed", 409, "已开始检查，不能重新抽取", "已有检查结果记录或结果已公开，抽取结果不再变动。");

    /// <summary>Findings need a drawn, unpublished plan.</summary>
    public static PlatformException NotOpen() =>
        new("supervision.inspection_closed", 409, "检查结果已公开", "结果公开后检查记录不再变动；整改仍可按期办结。");

    /// <summary>Publishing needs every result.</summary>
    public static PlatformException ResultsMissing(int missing) =>
        new("supervision.results_missing", 409, "还有检查结果未录入", $"还有 {missing} 个检查对象没有录入检查结果，全部录入后才能公开。");

    /// <summary>Results and publishing need a drawn plan.</summary>
    public static PlatformException NotDrawn() =>
        new("supervision.not_drawn", 409, "计划还没有抽取", "先抽取检查对象和检查人员。");

    /// <summary>An evidence file that is not a PDF, JPEG or PNG, or too large.</summary>
    public static PlatformException InvalidEvidence(string fileName, string field = "evidence") =>
        new("supervision.invalid_evidence", 400, "文件无法接收", $"“{fileName}”应为 PDF、JPG 或 PNG 文件，且不超过 10 MB。",
            [new FieldError(field, "invalid_file", $"“{fileName}”应为 PDF、JPG 或 PNG 文件，且不超过 10 MB。")]);

    /// <summary>Closing needs an open rectification.</summary>
    public static PlatformException RectificationNotOpen() =>
        new("supervision.rectification_not_open", 409, "这项发现没有进行中的整改", "只有要求整改且尚未办结的发现才能办结整改。");

    /// <summary>No expert can inspect.</summary>
    public static PlatformException EmptyPool() =>
        new("supervision.expert_pool_empty", 409, "专家库中没有可抽取的专家", "先在专家库中添加专家，再抽取检查人员。");

    /// <summary>The kind in Chinese.</summary>
    public static string KindName(SupervisedObjectKind kind) => kind switch
    {
        SupervisedObjectKind.Project => "项目",
        SupervisedObjectKind.Class => "培训班",
        SupervisedObjectKind.Base => "继续教育基地",
        SupervisedObjectKind.Provider => "施教机构",
        _ => kind.ToString(),
    };

    /// <summary>The plan's status in Chinese.</summary>
    public static string StatusName(InspectionPlanStatus status) => status switch
    {
        InspectionPlanStatus.Draft => "待抽取",
        InspectionPlanStatus.Drawn => "检查中",
        InspectionPlanStatus.Published => "结果已公开",
        _ => status.ToString(),
    };

    /// <summary>The conclusion in Chinese.</summary>
    public static string ConclusionName(InspectionConclusion? conclusion) => conclusion switch
    {
        InspectionConclusion.NoIssues => "未发现问题",
        InspectionConclusion.IssuesFound => "发现问题",
        _ => "待检查",
    };

    /// <summary>The rectification in Chinese.</summary>
    public static string RectificationName(RectificationStatus status) => status switch
    {
        RectificationStatus.NotRequired => "无需整改",
        RectificationStatus.Open => "整改中",
        RectificationStatus.Closed => "整改完成",
        _ => status.ToString(),
    };

    /// <summary>The content type of a PDF, JPEG or PNG by its first bytes, or null.</summary>
    public static string? DetectContentType(ReadOnlySpan<byte> head) =>
        head.StartsWith("%PDF-"u8) ? "application/pdf"
        : head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : null;
}
