using System.Globalization;
using System.Text;

namespace KnowledgeRenewal.Registry.Domain.Import;

/// <summary>One column of an import file: the field it fills, its Chinese header, other accepted headers, and what the template says about it.</summary>
/// <param name="Field">The field, as the REST API and the rules name it (e.g. <c>idNumber</c>).</param>
/// <param name="Header">The Chinese header of the template (e.g. 身份证号).</param>
/// <param name="Required">Whether the header must be present.</param>
/// <param name="Description">What to fill in (template notes).</param>
/// <param name="Aliases">Other headers people use for it.</param>
public sealed record ImportColumn(string Field, string Header, bool Required, string Description, IReadOnlyList<string> Aliases);

/// <summary>The columns of one kind of import file, and how headers are recognized.</summary>
public sealed class ImportSchema
{
    private readonly Dictionary<string, int> byHeader = new(StringComparer.Ordinal);

    private ImportSchema(ImportKind kind, string sheetName, IReadOnlyList<ImportColumn> columns)
    {
        Kind = kind;
        SheetName = sheetName;
        Columns = columns;
        for (var i = 0; i < columns.Count; i++)
        {
            foreach (var name in columns[i].Aliases.Append(columns[i].Header).Append(columns[i].Field))
            {
                byHeader[NormalizeHeader(name)] = i;
            }
        }
    }

    /// <summary>What the file holds.</summary>
    public ImportKind Kind { get; }

    /// <summary>Name of the template's data sheet.</summary>
    public string SheetName { get; }

    /// <summary>The columns, in template order.</summary>
    public IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>The index of a field's column definition.</summary>
    public int IndexOf(string field)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Field == field)
            {
                return i;
            }
        }

        throw new ArgumentException($"No column for field '{field}'.", nameof(field));
    }

    /// <summary>The column definition a header names, or -1.</summary>
    public int Recognize(string? header) =>
        header is not null && byHeader.TryGetValue(NormalizeHeader(header), out var index) ? index : -1;

    /// <summary>The schema of a kind.</summary>
    public static ImportSchema For(ImportKind kind) => kind switch
    {
        ImportKind.Employers => Employers,
        ImportKind.Roster => Roster,
        _ => Professionals,
    };

    /// <summary>
    /// A header as compared: without spaces (also full-width ones and line breaks), required-field stars and a
    /// parenthesized note — <c>*身份证号（18位）</c> is <c>身份证号</c>; English names compare case-insensitively.
    /// </summary>
    public static string NormalizeHeader(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var text = header;
        var note = text.IndexOfAny(['(', '（', '[', '【']);
        if (note > 0)
        {
            text = text[..note];
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '*' or '＊' or '_' or '-' or ':' or '：')
            {
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().Normalize(NormalizationForm.FormKC);
    }

    /// <summary>Professionals (专业技术人员).</summary>
    public static ImportSchema Professionals { get; } = new(ImportKind.Professionals, "专业技术人员", [
        new("idNumber", "身份证号", true, "18 位居民身份证号码，末位 X 可大写或小写。请将该列设为“文本”格式，以免 Excel 把号码变成科学计数法而丢失末几位。", ["身份证号码", "公民身份号码", "证件号码", "idcard", "id"]),
        new("name", "姓名", true, "姓名（中文），不超过 32 个字符。", ["人员姓名"]),
        new("gender", "性别", false, "男 / 女；可不填，须与身份证号一致。", []),
        new("birthDate", "出生日期", false, "yyyy-MM-dd，可不填，须与身份证号一致。", ["出生年月日"]),
        new("phone", "手机号码", false, "11 位中国大陆手机号码，可带 +86。", ["手机号", "手机", "联系电话", "mobile"]),
        new("employerCreditCode", "工作单位统一社会信用代码", true, "工作单位的 18 位统一社会信用代码；单位须已在平台登记且在您的管理范围内。", ["单位统一社会信用代码", "工作单位信用代码", "统一社会信用代码", "employercode"]),
        new("regionCode", "所属区域代码", false, "可不填；所属区域由工作单位决定，填写时须与工作单位的所属区域一致（如 370811 任城区）。", ["区域代码", "region"]),
        new("departmentCode", "所属行业代码", false, "可不填；所属行业由工作单位决定，填写时须与工作单位的所属行业一致（如 health 卫生健康、education 教育）；工作单位未登记所属行业时须填写。", ["行业代码", "department"]),
        new("titleSeries", "职称系列", false, "如 卫生技术、中小学教师、工程技术。", []),
        new("titleLevel", "职称级别", false, "初级、中级、副高级、正高级 或 未评定（不填即未评定）。", ["职称等级"]),
        new("specialty", "专业", false, "所学或从事的专业。", ["所学专业", "从事专业"]),
        new("education", "最高学历", true, "中专及以下、大专、本科、硕士研究生 或 博士研究生。", ["学历"]),
        new("status", "人员状态", false, "在职、退休 或 离职（不填即在职）。", ["状态"]),
    ]);

    /// <summary>Employers (用人单位).</summary>
    public static ImportSchema Employers { get; } = new(ImportKind.Employers, "用人单位", [
        new("creditCode", "统一社会信用代码", true, "18 位统一社会信用代码（GB 32100）。", ["信用代码", "单位统一社会信用代码", "code"]),
        new("name", "单位名称", true, "单位全称，不超过 128 个字符。", ["单位全称", "名称"]),
        new("ownership", "所有制", true, "公有制 或 非公有制（两者同等对待，仅用于统计）。", ["单位性质", "所有制性质"]),
        new("regionCode", "所属区域代码", true, "如 370811 任城区；登记后不能修改。", ["区域代码", "region"]),
        new("departmentCode", "所属行业代码", false, "行业主管部门代码，如 health、education；可不填。", ["行业代码", "department"]),
    ]);

    /// <summary>The roster of a training class (学员名单): who attended and how many credit hours each earned.</summary>
    public static ImportSchema Roster { get; } = new(ImportKind.Roster, "学员名单", [
        new("idNumber", "身份证号", true, "学员的 18 位居民身份证号码；学员须已在平台登记。请将该列设为“文本”格式，以免 Excel 把号码变成科学计数法而丢失末几位。", ["身份证号码", "公民身份号码", "证件号码", "idcard", "id"]),
        new("name", "姓名", true, "学员姓名，须与平台登记的姓名一致。", ["学员姓名", "人员姓名"]),
        new("hours", "学时", true, "该学员获得的学时，大于 0、最多两位小数，不超过班次的学时。", ["学时数", "获得学时", "认定学时", "培训学时"]),
        new("category", "科目类别", false, "公需 或 专业；不填即班次的科目类别。", ["类别", "科目类型", "学时类别"]),
        new("subjectCode", "科目代码", false, "公需科目或本人所在行业专业科目目录中的代码；不填即班次的科目。", ["科目编码", "课程代码", "subject"]),
    ]);

    /// <summary>The column letters of a 0-based column index (0 → A, 26 → AA).</summary>
    public static string ColumnLetters(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    /// <summary>Describes the schema's headers for messages: 身份证号、姓名、….</summary>
    public string Describe(IEnumerable<int> columns) =>
        string.Join("、", columns.Select(i => Columns[i].Header).Distinct());

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind} ({Columns.Count} columns)");
}
