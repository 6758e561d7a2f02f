using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace KnowledgeRenewal.Registry.Domain.Import;

/// <summary>One data row of an import file, its cells already mapped to the schema's columns.</summary>
/// <param name="Number">The row as Excel (or a text editor) numbers it, 1-based.</param>
/// <param name="Values">For each schema column, the cell's text ("" when empty; null when the file has no such column).</param>
/// <param name="CellErrors">Problems of the cells themselves (e.g. a long number Excel rounded), if any.</param>
public sealed record ImportRow(int Number, string?[] Values, IReadOnlyList<ImportError>? CellErrors = null);

/// <summary>Rules for cell contents that hold for any import file.</summary>
public static class ImportCells
{
    /// <summary>
    /// Whether a text cell looks like a spreadsheet formula (CSV injection: <c>=…</c>, <c>@SUM(…)</c>,
    /// <c>+cmd|…</c>, <c>-2+3</c>). A phone number like <c>+86 138-0000-0000</c>, a negative number or a date are
    /// not: after a leading <c>+</c> or <c>-</c> only digits, spaces, hyphens, dots, slashes and parentheses may follow.
    /// </summary>
    public static bool IsFormulaLike(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var value = text.AsSpan().TrimStart();
        if (value.Length < 2)
        {
            return false;
        }

        switch (value[0])
        {
            case '=':
                return true;
            case '@':
                return char.IsAsciiLetter(value[1]);
            case '+':
            case '-':
                foreach (var c in value[1..])
                {
                    if (!(char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '/' or '(' or ')' or ','))
                    {
                        return true;
                    }
                }

                // "-" or "+" followed by digits and separators: a number or a phone, unless it is arithmetic like "-2+3".
                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// The text of a numeric cell: whole numbers without exponent or decimals (<c>13800138000</c>, <c>370811</c>),
    /// others invariant. Null when the number is too long to be exact in a spreadsheet (15 significant digits —
    /// an 18-digit ID number typed as a number has lost its last digits).
    /// </summary>
    public static string? NumberText(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        if (Math.Abs(value) >= 1e15)
        {
            return null;
        }

        return value == Math.Floor(value)
            ? value.ToString("0", CultureInfo.InvariantCulture)
            : value.ToString("0.###############", CultureInfo.InvariantCulture);
    }

    /// <summary>Fields holding long codes that a spreadsheet rounds when they are typed as numbers.</summary>
    public static IReadOnlySet<string> LongCodeFields { get; } = new HashSet<string>(StringComparer.Ordinal) { "idNumber", "employerCreditCode", "creditCode" };

    /// <summary>
    /// Whether text is a number as Excel displays (and saves to CSV) a long number: <c>3.70811E+17</c>. An ID number
    /// or credit code written so has lost its digits.
    /// </summary>
    public static bool IsScientificNumber(string? text)
    {
        var value = text.AsSpan().Trim();
        var e = value.IndexOfAny('E', 'e');
        return e > 0 && e < value.Length - 1
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            && value[(e + 1)..].TrimStart('+').Length > 0;
    }

    /// <summary>The error of a long code that a spreadsheet stored as a number.</summary>
    public static ImportError RoundedNumber(int row, string column, string field) =>
        new(row, column, field, ImportProblemCodes.NumberPrecision,
            $"“{column}”被 Excel 存成了数字，末几位已经丢失（显示为科学计数法）。请将该列设为“文本”格式后重新录入。");

    /// <summary>The text of a date cell (<c>yyyy-MM-dd</c>, with the time when it has one).</summary>
    public static string DateText(DateTime value) =>
        value.TimeOfDay == TimeSpan.Zero
            ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}

/// <summary>
/// The encoding of a CSV file as Excel and text editors save it: a byte-order mark decides (UTF-8, UTF-16 LE/BE);
/// without one, text that decodes as strict UTF-8 is UTF-8, anything else is GB18030 (a superset of GBK and GB2312 —
/// what Excel writes for "CSV" on Chinese Windows).
/// </summary>
public static class ImportTextEncoding
{
    /// <summary>GB18030.</summary>
    public static Encoding Gb18030 { get; } = CreateGb18030();

    /// <summary>Detects the encoding of <paramref name="bytes"/>; <paramref name="preambleLength"/> is the BOM's length to skip.</summary>
    public static Encoding Detect(ReadOnlySpan<byte> bytes, out int preambleLength)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            preambleLength = 3;
            return new UTF8Encoding(false, false);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            preambleLength = 2;
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            preambleLength = 2;
            return new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false);
        }

        preambleLength = 0;
        return Utf8.IsValid(bytes) ? new UTF8Encoding(false, false) : Gb18030;
    }

    /// <summary>Whether the bytes are binary rather than text in an 8-bit encoding (a NUL byte; UTF-16 has a BOM and is not checked).</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        return encoding is not UnicodeEncoding && bytes.Contains((byte)0);
    }

    private static Encoding CreateGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936);
    }
}
