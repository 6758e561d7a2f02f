using System.Globalization;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>Chinese names of declaration values, and the parsing of values a client sends (English name or Chinese label).</summary>
public static class DeclarationLabels
{
    /// <summary>待单位审核 / 待主管部门审核 / 已认定 / 已驳回 / 已撤回.</summary>
    public static string Status(DeclarationStatus status) => status switch
    {
        DeclarationStatus.AwaitingEmployer => "待单位审核",
        DeclarationStatus.AwaitingDepartment => "待主管部门审核",
        DeclarationStatus.Approved => "已认定",
        DeclarationStatus.Rejected => "已驳回",
        DeclarationStatus.Withdrawn => "已撤回",
        _ => status.ToString(),
    };

    /// <summary>学时 / 学分.</summary>
    public static string Unit(CreditUnit unit) => unit == CreditUnit.Credit ? "学分" : "学时";

    /// <summary>An activity type by English name (<c>AcademicPaper</c>) or Chinese label (<c>学术论文</c>).</summary>
    public static bool TryParseActivity(string? text, out ActivityType activity) =>
        TryParse(text, ComplianceLabels.Activity, out activity);

    /// <summary>A category by English name (<c>Professional</c>) or Chinese label (<c>专业科目</c>, also <c>专业</c>/<c>公需</c>).</summary>
    public static bool TryParseCategory(string? text, out CreditCategory category)
    {
        var trimmed = text?.Trim();
        if (trimmed is "公需" or "专业")
        {
            category = trimmed == "公需" ? CreditCategory.Public : CreditCategory.Professional;
            return true;
        }

        return TryParse(text, ComplianceLabels.Category, out category);
    }

    /// <summary>A unit by English name (<c>Hour</c>, <c>Credit</c>) or Chinese label (<c>学时</c>, <c>学分</c>).</summary>
    public static bool TryParseUnit(string? text, out CreditUnit unit) => TryParse(text, Unit, out unit);

    /// <summary>A status by English name or Chinese label.</summary>
    public static bool TryParseStatus(string? text, out DeclarationStatus status) => TryParse(text, Status, out status);

    private static bool TryParse<T>(string? text, Func<T, string> label, out T value)
        where T : struct, Enum
    {
        value = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.All(c => char.IsAsciiDigit(c) || c == '-'))
        {
            return false; // numbers are not names: "5" must not become an enum member
        }

        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString(), trimmed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(label(candidate), trimmed, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>The English and Chinese names a client may send, for messages: <c>AcademicPaper（学术论文）、…</c>.</summary>
    public static string Choices<T>(Func<T, string> label)
        where T : struct, Enum =>
        string.Join("、", Enum.GetValues<T>().Select(v => string.Create(CultureInfo.InvariantCulture, $"{v}（{label(v)}）")));
}
