using System.Text;
using KnowledgeRenewal.Kernel.Application;

namespace KnowledgeRenewal.UnitTests.Application;

public class FreeTextTests
{
    [Theory]
    [InlineData("王芳")]
    [InlineData("2025 年度 “继续教育” 公需科目（线上）— 第 1 期")]
    [InlineData("Zhang San-Li O'Neil")]
    [InlineData("全角\u3000空格")]
    [InlineData("emoji 😀 and 👩‍⚕️ (ZWJ)")]
    [InlineData("آزمایش עברית")]
    [InlineData("")]
    [InlineData(null)]
    public void Ordinary_text_passes_as_single_line_and_multi_line(string? text)
    {
        Assert.True(FreeText.IsValid(text, multiLine: false));
        Assert.True(FreeText.IsValid(text, multiLine: true));
        Assert.Null(FreeText.Check("title", text, multiLine: false));
    }

    [Theory]
    [InlineData("a\u0000b", 0x0000)]
    [InlineData("a\u001Bb", 0x001B)]
    [InlineData("a\u007Fb", 0x007F)]
    [InlineData("a\u0085b", 0x0085)]
    [InlineData("a\u009Bb", 0x009B)]
    [InlineData("a\u2028b", 0x2028)]
    [InlineData("a\u2029b", 0x2029)]
    [InlineData("invoice\u202Efdp.exe", 0x202E)]
    [InlineData("a\u202Ab", 0x202A)]
    [InlineData("a\u202Db", 0x202D)]
    [InlineData("a\u2066b", 0x2066)]
    [InlineData("a\u2069b", 0x2069)]
    [InlineData("a\u200Eb", 0x200E)]
    [InlineData("a\u200Fb", 0x200F)]
    [InlineData("a\u061Cb", 0x061C)]
    [InlineData("a\uFFFFb", 0xFFFF)]
    public void Control_bidi_and_separator_characters_are_refused_in_every_field(string text, int forbidden)
    {
        Assert.Equal(forbidden, FreeText.FirstForbidden(text, multiLine: false)?.Value);
        Assert.Equal(forbidden, FreeText.FirstForbidden(text, multiLine: true)?.Value);
    }

    [Theory]
    [InlineData("line one\nline two")]
    [InlineData("line one\r\nline two")]
    [InlineData("column\tcolumn")]
    public void Line_breaks_and_tabs_only_in_multi_line_fields(string text)
    {
        Assert.True(FreeText.IsValid(text, multiLine: true));
        Assert.False(FreeText.IsValid(text, multiLine: false));
    }

    [Fact]
    public void An_unpaired_surrogate_is_refused()
    {
        Assert.Equal(Rune.ReplacementChar, FreeText.FirstForbidden("a\uD800b", multiLine: true));
        Assert.Equal(Rune.ReplacementChar, FreeText.FirstForbidden("a\uDC00", multiLine: false));
    }

    [Fact]
    public void The_field_error_names_the_field_and_the_character_in_Chinese()
    {
        var error = FreeText.Check("comment", "同意\u202E", multiLine: true);

        Assert.NotNull(error);
        Assert.Equal("comment", error.Field);
        Assert.Equal(FreeText.InvalidCharacterCode, error.Code);
        Assert.Contains("“comment”", error.Message, StringComparison.Ordinal);
        Assert.Contains("U+202E", error.Message, StringComparison.Ordinal);
        Assert.Contains("文字方向控制字符", error.Message, StringComparison.Ordinal);

        var nul = FreeText.Check("title", "a\0", multiLine: false, row: 7);
        Assert.Equal(7, nul!.Row);
        Assert.Contains("U+0000", nul.Message, StringComparison.Ordinal);
        Assert.Contains("控制字符", nul.Message, StringComparison.Ordinal);
    }
}
