using System.Text;
using KnowledgeRenewal.Registry.Domain.Import;

namespace KnowledgeRenewal.UnitTests.Import;

/// <summary>Header detection, cell rules and encoding detection of import files.</summary>
public sealed class ImportFileRulesTests
{
    private static IReadOnlyList<IReadOnlyList<string?>> Rows(params string?[][] rows) => rows;

    [Fact]
    public void The_header_is_found_below_title_rows_with_stars_notes_aliases_and_English_names()
    {
        var header = HeaderDetector.Detect(ImportSchema.Professionals, Rows(
            ["济宁市专业技术人员信息表"],
            ["填报单位：", "任城区"],
            ["序号", "*身份证号（18位）", "姓 名", "employerCreditCode", "学历", "职称级别\n(初级/中级)"]));

        Assert.Equal(3, header.Row);
        var schema = header.Schema;
        Assert.Equal(1, header.FileColumns[schema.IndexOf("idNumber")]);
        Assert.Equal(2, header.FileColumns[schema.IndexOf("name")]);
        Assert.Equal(3, header.FileColumns[schema.IndexOf("employerCreditCode")]);
        Assert.Equal(4, header.FileColumns[schema.IndexOf("education")]);
        Assert.Equal(5, header.FileColumns[schema.IndexOf("titleLevel")]);
        Assert.False(header.Has(schema.IndexOf("phone")));
        Assert.Equal("*身份证号（18位）", header.ColumnFor("idNumber"));
        Assert.Equal("手机号码", header.ColumnFor("phone"));
    }

    [Fact]
    public void Of_a_two_row_header_the_lower_row_with_more_columns_wins()
    {
        var header = HeaderDetector.Detect(ImportSchema.Professionals, Rows(
            ["身份证号", "姓名", "工作单位统一社会信用代码", "最高学历", "职称", "职称"],
            ["身份证号", "姓名", "工作单位统一社会信用代码", "最高学历", "职称系列", "职称级别"],
            ["370811199001011234", "张三", "x", "本科", "卫生技术", "中级"]));

        Assert.Equal(2, header.Row);
        Assert.True(header.Has(ImportSchema.Professionals.IndexOf("titleLevel")));
    }

    [Fact]
    public void Missing_and_duplicate_headers_are_named()
    {
        var missing = Assert.Throws<ImportFileException>(() => HeaderDetector.Detect(ImportSchema.Professionals, Rows(["身份证号", "姓名"])));
        Assert.Equal(ImportProblemCodes.MissingHeaders, missing.Code);
        Assert.Equal(["工作单位统一社会信用代码", "最高学历"], missing.Errors.Select(e => e.Field));

        var none = Assert.Throws<ImportFileException>(() => HeaderDetector.Detect(ImportSchema.Employers, Rows(["a", "b"], [])));
        Assert.Equal(4, none.Errors.Count);

        var duplicate = Assert.Throws<ImportFileException>(() => HeaderDetector.Detect(ImportSchema.Employers, Rows(["统一社会信用代码", "单位名称", "所有制", "所属区域代码", "单位名称"])));
        Assert.Equal(ImportProblemCodes.DuplicateHeader, duplicate.Code);
        Assert.Contains("单位名称", duplicate.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=1+1", true)]
    [InlineData("=HYPERLINK(\"x\")", true)]
    [InlineData("@SUM(A1:A2)", true)]
    [InlineData("+cmd|' /C calc'!A0", true)]
    [InlineData("-2+3", true)]
    [InlineData("+86 139-0000-1234", false)]
    [InlineData("+8613900001234", false)]
    [InlineData("-12.5", false)]
    [InlineData("-", false)]
    [InlineData("=", false)]
    [InlineData("@", false)]
    [InlineData("a=b", false)]
    [InlineData("张三", false)]
    [InlineData("", false)]
    public void Formula_like_text_is_told_from_phones_and_numbers(string text, bool formula) =>
        Assert.Equal(formula, ImportCells.IsFormulaLike(text));

    [Fact]
    public void Numbers_become_text_as_typed_and_long_ones_are_marked_rounded()
    {
        Assert.Equal("13800138000", ImportCells.NumberText(13800138000));
        Assert.Equal("370811", ImportCells.NumberText(370811));
        Assert.Equal("2.5", ImportCells.NumberText(2.5));
        Assert.Null(ImportCells.NumberText(370811199001011234d));
        Assert.True(ImportCells.IsScientificNumber("3.70811E+17"));
        Assert.True(ImportCells.IsScientificNumber("3.70811e17"));
        Assert.False(ImportCells.IsScientificNumber("91370800MA3C0000X1"));
        Assert.False(ImportCells.IsScientificNumber("370811199001011234"));
        Assert.Equal("1990-01-02", ImportCells.DateText(new DateTime(1990, 1, 2)));
    }

    [Fact]
    public void The_encoding_is_the_BOMs_else_strict_UTF8_else_GB18030()
    {
        const string text = "身份证号,姓名\r\n370811199001011234,颜真卿\r\n";
        var gbk = ImportTextEncoding.Gb18030.GetBytes(text);
        Assert.Same(ImportTextEncoding.Gb18030, ImportTextEncoding.Detect(gbk, out var none));
        Assert.Equal(0, none);
        Assert.Equal(text, ImportTextEncoding.Gb18030.GetString(gbk));

        Assert.IsType<UTF8Encoding>(ImportTextEncoding.Detect(Encoding.UTF8.GetBytes(text), out var noBom));
        Assert.Equal(0, noBom);

        byte[] withBom = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
        var utf8 = ImportTextEncoding.Detect(withBom, out var bom);
        Assert.Equal((3, text), (bom, utf8.GetString(withBom, bom, withBom.Length - bom)));

        byte[] utf16 = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)];
        var unicode = ImportTextEncoding.Detect(utf16, out var two);
        Assert.Equal((2, text), (two, unicode.GetString(utf16, two, utf16.Length - two)));
        Assert.False(ImportTextEncoding.LooksBinary(utf16, unicode));

        byte[] utf16Be = [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)];
        var bigEndian = ImportTextEncoding.Detect(utf16Be, out var twoBe);
        Assert.Equal(text, bigEndian.GetString(utf16Be, twoBe, utf16Be.Length - twoBe));

        Assert.True(ImportTextEncoding.LooksBinary([0x89, 0x50, 0x4E, 0x47, 0, 0], ImportTextEncoding.Detect([0x89, 0x50, 0x4E, 0x47, 0, 0], out _)));
    }
}
