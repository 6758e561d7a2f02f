namespace KnowledgeRenewal.Supervision.Domain.Funding;

/// <summary>What a project's money is spent on (支出科目).</summary>
public enum SpendingCategory
{
    /// <summary>Teaching: lecturers' fees (师资).</summary>
    Teaching = 1,

    /// <summary>Training materials (资料).</summary>
    Materials = 2,

    /// <summary>Venue (场地).</summary>
    Venue = 3,

    /// <summary>Board and lodging (食宿).</summary>
    Accommodation = 4,

    /// <summary>Organization (组织).</summary>
    Organization = 5,

    /// <summary>Subsidies to trainees (补贴).</summary>
    Subsidy = 6,
}

/// <summary>Where a project's money comes from: the budget lines by source of the project's application.</summary>
public enum FundingSource
{
    /// <summary>Central finance (中央财政).</summary>
    Central = 1,

    /// <summary>Provincial finance (省级财政).</summary>
    Provincial = 2,

    /// <summary>Municipal finance (市级财政).</summary>
    Municipal = 3,

    /// <summary>Raised by the host (自筹).</summary>
    SelfRaised = 4,

    /// <summary>Paid by employers (单位).</summary>
    Employer = 5,

    /// <summary>Paid by the trainees (个人).</summary>
    Individual = 6,
}

/// <summary>Why the ring-fence check (专款专用) flags a spending line; several at once.</summary>
[Flags]
public enum SpendingIssues
{
    /// <summary>Nothing flagged.</summary>
    None = 0,

    /// <summary>The category is not among the project's approved budget categories.</summary>
    OutsideCategory = 1,

    /// <summary>The line brings its category over the approved amount.</summary>
    CategoryOverBudget = 2,

    /// <summary>The line brings its funding source over the project's budget line of that source.</summary>
    SourceOverBudget = 4,

    /// <summary>The line brings the project's spending over its total budget.</summary>
    TotalOverBudget = 8,

    /// <summary>The line is dated after the project ended.</summary>
    AfterProjectEnd = 16,
}

/// <summary>
/// One recorded spending of a project (支出记录) with its voucher: category, source, amount in fen, the day, the payee
/// (an organization or a description such as 「授课专家（3 人）」 — no personal data beyond what a voucher names), and
/// the ring-fence flags computed when it was recorded, with their reasons in Chinese. The program office marks a
/// flag as explained with a reason; the flags themselves stay.
/// </summary>
public sealed class SpendingLine
{
    /// <summary>Longest payee.</summary>
    public const int PayeeLength = 128;

    /// <summary>Longest purpose.</summary>
    public const int PurposeLength = 500;

    /// <summary>Longest voucher file name (a longer one keeps its end).</summary>
    public const int VoucherFileNameLength = 128;

    /// <summary>Longest explanation.</summary>
    public const int ExplanationLength = 1000;

    /// <summary>Longest stored reason text.</summary>
    public const int ReasonLength = 1000;

    /// <summary>The line's id.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The project (Programs).</summary>
    public Guid ProjectId { get; init; }

    /// <summary>The category.</summary>
    public SpendingCategory Category { get; init; }

    /// <summary>The funding source paying it.</summary>
    public FundingSource Source { get; init; }

    /// <summary>Amount in fen.</summary>
    public long AmountFen { get; init; }

    /// <summary>The day it was spent (China time).</summary>
    public DateOnly SpentOn { get; init; }

    /// <summary>Who was paid.</summary>
    public required string Payee { get; init; }

    /// <summary>What for.</summary>
    public string? Purpose { get; init; }

    /// <summary>The voucher's file name.</summary>
    public required string VoucherFileName { get; init; }

    /// <summary>The voucher's content type (PDF, JPEG or PNG).</summary>
    public required string VoucherContentType { get; init; }

    /// <summary>The voucher's size in bytes.</summary>
    public long VoucherSize { get; init; }

    /// <summary>The ring-fence flags.</summary>
    public SpendingIssues Flags { get; init; }

    /// <summary>The flags' reasons in Chinese, one a line (empty when not flagged).</summary>
    public string? FlagReasons { get; init; }

    /// <summary>When it was recorded (UTC).</summary>
    public DateTime RecordedAt { get; init; }

    /// <summary>Who recorded it.</summary>
    public string? RecordedByName { get; init; }

    /// <summary>The recorder's organization.</summary>
    public Guid? RecordedByOrganizationId { get; init; }

    /// <summary>Why the flags are acceptable (the program office's explanation); null while open.</summary>
    public string? Explanation { get; private set; }

    /// <summary>When explained (UTC).</summary>
    public DateTime? ExplainedAt { get; private set; }

    /// <summary>Who explained it.</summary>
    public string? ExplainedByName { get; private set; }

    /// <summary>The version (If-Match).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>Whether it is flagged and not yet explained.</summary>
    public bool OpenFlag => Flags != SpendingIssues.None && Explanation is null;

    /// <summary>Marks the flags as explained.</summary>
    public void Explain(string explanation, string? by, DateTime at)
    {
        Explanation = explanation;
        ExplainedByName = by;
        ExplainedAt = at;
        ConcurrencyStamp = Guid.NewGuid();
    }
}

/// <summary>A voucher's bytes, kept apart from the line so lists never read them.</summary>
public sealed class SpendingVoucher
{
    /// <summary>The line's id (one voucher per line).</summary>
    public Guid Id { get; init; }

    /// <summary>The file.</summary>
    public required byte[] Content { get; init; }
}

/// <summary>A project's approved budget of one category (核定支出预算), set by the program office.</summary>
public sealed class ProjectCategoryBudget
{
    /// <summary>The row's id.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The project.</summary>
    public Guid ProjectId { get; init; }

    /// <summary>The category.</summary>
    public SpendingCategory Category { get; init; }

    /// <summary>Approved amount in fen.</summary>
    public long AmountFen { get; set; }

    /// <summary>When it was set (UTC).</summary>
    public DateTime SetAt { get; set; }

    /// <summary>Who set it.</summary>
    public string? SetByName { get; set; }
}
