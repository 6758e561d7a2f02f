using System.Text.RegularExpressions;
using KnowledgeRenewal.Kernel.Application;

namespace KnowledgeRenewal.Registry.Domain;

/// <summary>
/// The purpose a caller states to see personal data unmasked (e.g. “职称评审资格复核”). It is required, at least
/// <see cref="MinLength"/> characters, and goes into the audit record — with anything that looks like an ID or phone
/// number masked, so the audit log never holds personal data even when someone types it into the purpose.
/// </summary>
public static partial class UnmaskPurpose
{
    /// <summary>Shortest purpose accepted (characters, after trimming).</summary>
    public const int MinLength = 4;

    /// <summary>Longest purpose accepted.</summary>
    public const int MaxLength = 200;

    /// <summary>Checks a purpose; null when valid, else the error (field <c>purpose</c>, code, Chinese message).</summary>
    public static KnowledgeRenewal.Sdk.FieldError? Check(string? purpose)
    {
        var text = purpose?.Trim() ?? "";
        if (text.Length < MinLength)
        {
            return new("purpose", "purpose.required", $"请填写查看原始信息的用途（purpose），至少 {MinLength} 个字，例如“职称评审资格复核”。");
        }

        if (text.Length > MaxLength || !FreeText.IsValid(text, multiLine: false))
        {
            return new("purpose", "purpose.invalid", $"用途（purpose）最多 {MaxLength} 个字，只含普通文字（没有控制字符或文字方向控制字符）。");
        }

        return null;
    }

    /// <summary>The purpose as the audit log records it: trimmed, cut to <see cref="MaxLength"/>, digit runs of 7 or more masked.</summary>
    public static string ForAudit(string? purpose)
    {
        var text = (purpose ?? "").Trim();
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }

        text = new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]);
        return LongNumber().Replace(text, m => new string('*', m.Length));
    }

    // ID numbers (17 digits + check), phones (11 digits, maybe with separators or a +86 prefix) and the like.
    [GeneratedRegex(@"\d(?:[\d\s-]{5,}\d)(?:[xX])?|\d{6,}[xX]")]
    private static partial Regex LongNumber();
}
