using KnowledgeRenewal.Registry.Domain.Import;

namespace KnowledgeRenewal.Registry.Pages.Staff;

/// <summary>An import job's state in the person's words.</summary>
internal static class ImportJobLabels
{
    /// <summary>The status in Chinese.</summary>
    public static string Status(ImportJobStatus status) => status switch
    {
        ImportJobStatus.Queued => "排队中",
        ImportJobStatus.Validating => "正在检查",
        ImportJobStatus.Importing => "正在写入",
        ImportJobStatus.Completed => "已完成",
        ImportJobStatus.Rejected => "未导入（有错误）",
        ImportJobStatus.Failed => "导入失败",
        _ => "--",
    };

    /// <summary>Whether the job is still running.</summary>
    public static bool IsRunning(ImportJobStatus status) => status is ImportJobStatus.Queued or ImportJobStatus.Validating or ImportJobStatus.Importing;
}
