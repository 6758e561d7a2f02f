using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Credits.Domain;

/// <summary>A title-evaluation period: whole credit years <see cref="From"/>–<see cref="To"/>, inside the program.</summary>
/// <param name="From">First year.</param>
/// <param name="To">Last year.</param>
public readonly record struct TitleRecordPeriod(int From, int To)
{
    /// <summary>Whether <paramref name="year"/> lies in the period.</summary>
    public bool Contains(int year) => year >= From && year <= To;

    /// <summary>Whether a cycle <paramref name="start"/>–<paramref name="end"/> overlaps the period.</summary>
    public bool Overlaps(int start, int end) => start <= To && end >= From;

    /// <summary>The years of the period, oldest first.</summary>
    public IEnumerable<int> Years => Enumerable.Range(From, To - From + 1);

    /// <inheritdoc />
    public override string ToString() => From == To ? $"{From}" : $"{From}-{To}";
}

/// <summary>
/// The rules of the title-evaluation record (职称评审继续教育记录): which period may be asked for, and the problem
/// codes. A period is a range of whole credit years inside the program (<see cref="ProgramPeriod.FirstYear"/>–
/// <see cref="ProgramPeriod.LastYear"/>), <c>from</c> not after <c>to</c>. Without <c>from</c> it starts with the
/// program; without <c>to</c> it ends this year (or the program's last year, whichever is earlier).
/// Who may read it is the compliance rule for a person (<see cref="ComplianceAccess.PersonReaders"/> within the data
/// layer's scope) and for an employer's staff (<see cref="ComplianceAccess.SummaryReaders"/>, the employer visible).
/// </summary>
public static class TitleRecordRules
{
    /// <summary>Problem code: a year outside the program 2023–2030.</summary>
    public const string YearOutsideProgram = "title_record.year_outside_program";

    /// <summary>Problem code: <c>from</c> is after <c>to</c>.</summary>
    public const string PeriodReversed = "title_record.period_reversed";

    /// <summary>Problem code: an unknown <c>format</c>.</summary>
    public const string UnknownFormat = "title_record.unknown_format";

    /// <summary>The document's type (in the signed JSON).</summary>
    public const string DocumentType = "JiningTitleEvaluationRecord";

    /// <summary>The public endpoint that checks a signed document (POST the document).</summary>
    public const string VerifyPath = "/api/public/title-records/verify";

    /// <summary>The formats: xlsx (the default) and the signed JSON document.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["xlsx", "json"];

    /// <summary>The format asked for (lower case), or a field error for <c>format</c>.</summary>
    public static string Format(string? format)
    {
        var text = string.IsNullOrWhiteSpace(format) ? "xlsx" : format.Trim().ToLowerInvariant();
        return Formats.Contains(text)
            ? text
            : throw new RequestValidationException([new FieldError("format", UnknownFormat, "导出格式只能是 xlsx（Excel）或 json（带签名的 JSON 文档）。")]);
    }

    /// <summary>The errors of a period, by field (empty when valid).</summary>
    /// <param name="from">The first year asked for.</param>
    /// <param name="to">The last year asked for.</param>
    /// <param name="thisYear">This year (China time), the default end.</param>
    public static IReadOnlyList<FieldError> Check(int? from, int? to, int thisYear)
    {
        var errors = new List<FieldError>();
        if (from is { } f && !InProgram(f))
        {
            errors.Add(Outside("from", "起始年度", f));
        }

        if (to is { } t && !InProgram(t))
        {
            errors.Add(Outside("to", "截止年度", t));
        }

        if (errors.Count == 0)
        {
            var (first, last) = Resolve(from, to, thisYear);
            if (first > last)
            {
                errors.Add(new FieldError("to", PeriodReversed, $"截止年度（{last}）不能早于起始年度（{first}）。"));
            }
        }

        return errors;
    }

    /// <summary>The period asked for; 400 with the fields when <see cref="Check"/> finds errors.</summary>
    public static TitleRecordPeriod Period(int? from, int? to, int thisYear)
    {
        var errors = Check(from, to, thisYear);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var (first, last) = Resolve(from, to, thisYear);
        return new TitleRecordPeriod(first, last);
    }

    private static (int From, int To) Resolve(int? from, int? to, int thisYear) =>
        (from ?? ProgramPeriod.FirstYear, to ?? Math.Clamp(thisYear, ProgramPeriod.FirstYear, ProgramPeriod.LastYear));

    private static bool InProgram(int year) => year >= ProgramPeriod.FirstYear && year <= ProgramPeriod.LastYear;

    private static FieldError Outside(string field, string label, int year) =>
        new(field, YearOutsideProgram, $"{label} {year} 不在知识更新工程实施期（{ProgramPeriod.FirstYear}—{ProgramPeriod.LastYear} 年）内。");
}
