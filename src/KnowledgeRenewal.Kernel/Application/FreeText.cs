using System.Buffers;
using System.Globalization;
using System.Text;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Kernel.Application;

/// <summary>
/// The platform's one rule for free text a client sends (names, titles, comments, reasons, descriptions): no
/// control characters (NUL, ESC, DEL, C1 …), no bidirectional controls (U+202A–U+202E overrides and embeddings,
/// U+2066–U+2069 isolates, U+200E/U+200F/U+061C marks), no line or paragraph separators (U+2028/U+2029) and no
/// unpaired surrogates. A multi-line field (a description or comment) may also hold line breaks (CR, LF) and tabs;
/// a single-line field holds none. <see cref="Behaviors.ValidationBehavior{TRequest,TResponse}"/> applies it to
/// every string of every request; the registry's rules apply it to imported rows.
/// </summary>
public static class FreeText
{
    /// <summary>The field error code of a string that breaks the rule.</summary>
    public const string InvalidCharacterCode = "invalid_character";

    /// <summary>The first character <paramref name="text"/> may not hold, or null when it follows the rule.</summary>
    /// <param name="text">The text (null is fine).</param>
    /// <param name="multiLine">Whether the field may hold CR, LF and TAB.</param>
    public static Rune? FirstForbidden(string? text, bool multiLine)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed) != OperationStatus.Done)
            {
                // An unpaired surrogate: reported as the replacement character.
                return Rune.ReplacementChar;
            }

            if (!IsAllowed(rune, multiLine))
            {
                return rune;
            }

            i += consumed - 1;
        }

        return null;
    }

    /// <summary>Whether <paramref name="text"/> follows the rule.</summary>
    public static bool IsValid(string? text, bool multiLine) => FirstForbidden(text, multiLine) is null;

    /// <summary>
    /// The field error for <paramref name="text"/> in <paramref name="field"/> (named as the client sent it), or
    /// null when the text follows the rule.
    /// </summary>
    /// <param name="field">The field path, e.g. <c>title</c> or <c>targets[0].name</c>.</param>
    /// <param name="text">The text.</param>
    /// <param name="multiLine">Whether the field may hold CR, LF and TAB.</param>
    /// <param name="row">The 1-based row of an imported file, when the text comes from one.</param>
    public static FieldError? Check(string field, string? text, bool multiLine, int? row = null) =>
        FirstForbidden(text, multiLine) is { } rune ? new FieldError(field, InvalidCharacterCode, Message(field, rune, multiLine), row) : null;

    /// <summary>The Chinese message naming <paramref name="field"/> and the character it may not hold.</summary>
    public static string Message(string field, Rune rune, bool multiLine)
    {
        var what = IsBidiControl(rune.Value) ? "文字方向控制字符"
            : rune == Rune.ReplacementChar ? "无效字符（不成对的代理项）"
            : "控制字符";
        var allowed = multiLine ? "（该字段只允许换行和制表符）" : "（该字段为单行文本，不能含换行）";
        return string.Create(CultureInfo.InvariantCulture, $"字段“{field}”含有不允许的{what} U+{rune.Value:X4}{allowed}，请删除后重新提交。");
    }

    private static bool IsAllowed(Rune rune, bool multiLine)
    {
        var value = rune.Value;
        if (value is '\t' or '\n' or '\r')
        {
            return multiLine;
        }

        if (value is 0xFFFE or 0xFFFF)
        {
            // Noncharacters: no client means them.
            return false;
        }

        var category = Rune.GetUnicodeCategory(rune);
        return category is not (UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            && !IsBidiControl(value);
    }

    // The Unicode Bidi_Control property: marks, embeddings, overrides and isolates.
    private static bool IsBidiControl(int value) =>
        value is 0x061C or 0x200E or 0x200F or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);
}
