using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.CreditRules;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Demo;

/// <summary>How a demo declaration's review ends (or where it stands).</summary>
public enum DemoOutcome
{
    /// <summary>Still with the employer.</summary>
    AwaitingEmployer = 1,

    /// <summary>The employer agreed; with the department.</summary>
    AwaitingDepartment = 2,

    /// <summary>Both agreed.</summary>
    Approved = 3,

    /// <summary>The employer refused, with a reason.</summary>
    RejectedByEmployer = 4,

    /// <summary>The employer agreed, the department refused, with a reason.</summary>
    RejectedByDepartment = 5,

    /// <summary>The person withdrew it while undecided.</summary>
    Withdrawn = 6,
}

/// <summary>A demo professional who declares.</summary>
/// <param name="Id">The professional.</param>
/// <param name="DepartmentCode">Their sector (its module's rules compute the hours).</param>
public sealed record DemoDeclarant(Guid Id, string DepartmentCode);

/// <summary>One demo evidence file.</summary>
/// <param name="FileName">Its name.</param>
/// <param name="Content">Its bytes (a small valid PDF or PNG).</param>
public sealed record DemoEvidenceFile(string FileName, byte[] Content);

/// <summary>A planned demo declaration: what was declared, the credit the rules grant, how the review goes.</summary>
/// <param name="Declarant">Who declares.</param>
/// <param name="Declared">What.</param>
/// <param name="Credit">The credit the rules in force grant.</param>
/// <param name="Outcome">Where the review ends.</param>
/// <param name="SubmittedAt">When it was submitted (UTC).</param>
/// <param name="EmployerReviewedAt">When the employer decided (UTC), if it did.</param>
/// <param name="DepartmentReviewedAt">When the department decided (UTC), if it did.</param>
/// <param name="WithdrawnAt">When the person withdrew it (UTC), if they did.</param>
/// <param name="EmployerReviewer">The employer's reviewer.</param>
/// <param name="DepartmentReviewer">The department's reviewer.</param>
/// <param name="EmployerComment">The employer's comment or reason.</param>
/// <param name="DepartmentComment">The department's comment or reason.</param>
/// <param name="WithdrawalReason">The withdrawal's reason (the person's words after 本人撤回), if any.</param>
/// <param name="Evidence">The evidence files.</param>
public sealed record DemoDeclaration(
    DemoDeclarant Declarant,
    DeclaredActivity Declared,
    DeclarationCredit Credit,
    DemoOutcome Outcome,
    DateTime SubmittedAt,
    DateTime? EmployerReviewedAt,
    DateTime? DepartmentReviewedAt,
    DateTime? WithdrawnAt,
    string EmployerReviewer,
    string DepartmentReviewer,
    string? EmployerComment,
    string? DepartmentComment,
    string? WithdrawalReason,
    IReadOnlyList<DemoEvidenceFile> Evidence);

/// <summary>
/// Plans demo declarations: each declarant gets one to four activities their rules count (conferences and papers
/// most often), ended between the program's start and a few days ago (one in four in the last three months), with
/// hours computed by <see cref="DeclarationHours"/> exactly as the API computes them, and one to three small evidence
/// files. About half end approved; a quarter of the recent ones are still under review (older ones are decided); the
/// rest are rejected by the employer or the department with a reason, or withdrawn. The first declarant (the demo account's own record) gets one in every
/// state. Deterministic: the same faker seed, declarants and day give the same plan.
/// </summary>
public static class DemoDeclarations
{
    private static readonly ActivityType[] Weighted =
    [
        ActivityType.AcademicConference, ActivityType.AcademicConference, ActivityType.AcademicConference,
        ActivityType.AcademicPaper, ActivityType.AcademicPaper, ActivityType.Lecturing, ActivityType.FurtherStudy,
        ActivityType.ResearchProject, ActivityType.Monograph, ActivityType.Patent, ActivityType.TechnicalStandard,
    ];

    private static readonly DemoOutcome[] OwnOutcomes =
    [
        DemoOutcome.Approved, DemoOutcome.AwaitingEmployer, DemoOutcome.AwaitingDepartment, DemoOutcome.RejectedByEmployer,
        DemoOutcome.RejectedByDepartment, DemoOutcome.Withdrawn,
    ];

    private static readonly string[] EmployerRejections =
    [
        "会议证明未加盖主办单位公章，请补充盖章件后重新申报。",
        "证明材料与申报的活动名称不一致，请核对后重新申报。",
        "论文未提供期刊封面、目录页及版权页，无法核实。",
        "活动时间与本单位考勤记录不符。",
    ];

    private static readonly string[] DepartmentRejections =
    [
        "该活动未列入本年度继续教育项目目录，不予认定。",
        "主办单位不具备学分（学时）授予资格。",
        "同一活动已通过培训班次登记学时，不能重复申报。",
        "证明材料模糊无法辨认，请重新上传清晰扫描件。",
    ];

    private static readonly string[] EmployerApprovals = ["经核实，情况属实，同意上报。", "材料齐全，同意。", "已核对原件，同意上报主管部门。"];

    private static readonly string[] DepartmentApprovals = ["符合认定条件，予以认定。", "材料齐全，同意认定。", "经审核，予以认定。"];

    private static readonly string?[] WithdrawalReasons = [null, "证明材料需补充，重新申报", "活动类型选错了", null];

    /// <summary>Plans the declarations of <paramref name="declarants"/> as of <paramref name="now"/> (UTC).</summary>
    public static IReadOnlyList<DemoDeclaration> Plan(Bogus.Faker faker, IReadOnlyList<DemoDeclarant> declarants, Func<string, RuleBook> books, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(faker);
        ArgumentNullException.ThrowIfNull(declarants);
        ArgumentNullException.ThrowIfNull(books);
        var today = DateOnly.FromDateTime(now);
        var first = new DateOnly(2023, 1, 15);
        var span = today.AddDays(-3).DayNumber - first.DayNumber;
        var plan = new List<DemoDeclaration>();
        if (span <= 0)
        {
            return plan;
        }

        for (var p = 0; p < declarants.Count; p++)
        {
            var declarant = declarants[p];
            var book = books(declarant.DepartmentCode);
            var count = p == 0 ? OwnOutcomes.Length : faker.Random.Int(1, 4);
            for (var i = 0; i < count; i++)
            {
                // One in four in the last three months (those may still be under review), the rest since the start.
                var end = faker.Random.Int(0, 3) == 0
                    ? today.AddDays(-3 - faker.Random.Int(0, Math.Min(85, span)))
                    : first.AddDays(faker.Random.Int(0, span));
                if (book.InForceOn(end) is not { } set)
                {
                    continue;
                }

                var counted = set.Activities.Count == 0 ? Weighted : [.. Weighted.Where(a => set.Activities.Any(r => r.Activity == a))];
                if (counted.Length == 0)
                {
                    continue;
                }

                var activity = faker.PickRandom(counted);
                var rule = set.Activities.FirstOrDefault(r => r.Activity == activity);
                var declared = Declared(faker, declarant.DepartmentCode, activity, rule, set, end);
                var credit = DeclarationHours.Compute(book, declared);
                var recent = today.DayNumber - end.DayNumber <= 90;
                var outcome = p == 0 ? OwnOutcomes[i] : Outcome(faker.Random.Int(0, 99), recent);
                plan.Add(Review(faker, declarant, declared, credit, outcome, now, plan.Count + 1));
            }
        }

        return plan;
    }

    private static DemoOutcome Outcome(int roll, bool recent) => roll switch
    {
        < 14 => recent ? DemoOutcome.AwaitingEmployer : DemoOutcome.Approved,
        < 26 => recent ? DemoOutcome.AwaitingDepartment : DemoOutcome.Approved,
        < 74 => DemoOutcome.Approved,
        < 83 => DemoOutcome.RejectedByEmployer,
        < 91 => DemoOutcome.RejectedByDepartment,
        _ => DemoOutcome.Withdrawn,
    };

    private static DeclaredActivity Declared(Bogus.Faker faker, string department, ActivityType activity, ActivityRule? rule, CreditRuleSet set, DateOnly end)
    {
        var topics = DemoDeclarationTexts.Topics(department);
        var topic = faker.PickRandom<string>(topics);
        var organizer = faker.PickRandom<string>(DemoDeclarationTexts.Organizers(department, activity));
        var (title, days) = activity switch
        {
            ActivityType.AcademicConference => ($"{end.Year}年{topic}学术年会", faker.Random.Int(0, 2)),
            ActivityType.AcademicPaper => ($"{topic}{faker.PickRandom<string>(DemoDeclarationTexts.PaperSuffixes)}", 0),
            ActivityType.Monograph => ($"{topic}实务", 0),
            ActivityType.ResearchProject => ($"{topic}关键问题研究（结题）", faker.Random.Int(180, 360)),
            ActivityType.Patent => ($"一种用于{topic}的辅助装置", 0),
            ActivityType.TechnicalStandard => ($"{topic}技术规范（地方标准）", faker.Random.Int(60, 200)),
            ActivityType.Lecturing => ($"{topic}专题讲座（主讲）", 0),
            ActivityType.FurtherStudy => ($"{topic}进修", faker.Random.Int(30, 90)),
            _ => ($"{topic}学习", 0),
        };

        int? items = null;
        decimal? claimed = null;
        var unit = CreditUnit.Hour;
        if (rule?.CreditPerItem is not null)
        {
            items = faker.Random.Int(0, 5) == 0 ? 2 : 1;
        }
        else if (set.Unit == CreditUnit.Credit)
        {
            unit = CreditUnit.Credit;
            claimed = activity == ActivityType.FurtherStudy ? faker.Random.Int(5, 10) : faker.Random.Int(1, 5);
        }
        else
        {
            claimed = activity switch
            {
                ActivityType.FurtherStudy or ActivityType.DegreeEducation => faker.Random.Int(24, 72),
                ActivityType.Lecturing => faker.Random.Int(4, 16),
                _ => faker.Random.Int(6, 24),
            };
        }

        var description = $"本人参加（完成）“{title}”，主办（发表、授予）单位为{organizer}，相关证明材料见附件。";
        return new DeclaredActivity(activity, title, organizer, description, end.AddDays(-days), end, null, null, items, claimed, unit);
    }

    private static DemoDeclaration Review(Bogus.Faker faker, DemoDeclarant declarant, DeclaredActivity declared, DeclarationCredit credit, DemoOutcome outcome, DateTime now, int number)
    {
        var end = declared.EndDate.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc);
        var submitted = Clamp(end.AddDays(faker.Random.Int(1, 20)).AddMinutes(faker.Random.Int(0, 600)), now.AddHours(-3));
        var employerAt = Clamp(submitted.AddDays(faker.Random.Int(1, 7)).AddMinutes(faker.Random.Int(0, 480)), now.AddHours(-2));
        var departmentAt = Clamp(employerAt.AddDays(faker.Random.Int(1, 10)).AddMinutes(faker.Random.Int(0, 480)), now.AddHours(-1));
        var employerReviewer = faker.Name.LastName() + faker.Name.FirstName();
        var departmentReviewer = faker.Name.LastName() + faker.Name.FirstName();
        var employerApproval = faker.PickRandom(EmployerApprovals);
        var departmentApproval = faker.PickRandom(DepartmentApprovals);
        var employerRejection = faker.PickRandom(EmployerRejections);
        var departmentRejection = faker.PickRandom(DepartmentRejections);
        var withdrawal = faker.PickRandom(WithdrawalReasons);
        var withdrawnAfterEmployer = faker.Random.Bool();
        var evidence = Evidence(faker, declared, number);

        return outcome switch
        {
            DemoOutcome.AwaitingEmployer => Plan(null, null, null, null, null),
            DemoOutcome.AwaitingDepartment => Plan(employerAt, null, employerApproval, null, null),
            DemoOutcome.Approved => Plan(employerAt, departmentAt, employerApproval, departmentApproval, null),
            DemoOutcome.RejectedByEmployer => Plan(employerAt, null, employerRejection, null, null),
            DemoOutcome.RejectedByDepartment => Plan(employerAt, departmentAt, employerApproval, departmentRejection, null),
            _ => withdrawnAfterEmployer
                ? Plan(employerAt, null, employerApproval, null, departmentAt)
                : Plan(null, null, null, null, employerAt),
        };

        DemoDeclaration Plan(DateTime? employer, DateTime? department, string? employerComment, string? departmentComment, DateTime? withdrawn) => new(
            declarant, declared, credit, outcome, submitted, employer, department, withdrawn, employerReviewer, departmentReviewer,
            employerComment, departmentComment, withdrawn is null ? null : withdrawal, evidence);
    }

    private static DateTime Clamp(DateTime value, DateTime latest) => value > latest ? latest : value;

    private static List<DemoEvidenceFile> Evidence(Bogus.Faker faker, DeclaredActivity declared, int number)
    {
        var label = declared.Activity switch
        {
            ActivityType.AcademicConference => "参会证明",
            ActivityType.AcademicPaper => "论文首页及期刊目录",
            ActivityType.Monograph => "著作版权页",
            ActivityType.ResearchProject => "结题证书",
            ActivityType.Patent => "专利证书",
            ActivityType.TechnicalStandard => "标准发布文件",
            ActivityType.Lecturing => "授课通知",
            ActivityType.FurtherStudy => "进修结业证书",
            _ => "证明材料",
        };
        var files = new List<DemoEvidenceFile>
        {
            new($"{label}.pdf", DemoEvidence.Pdf($"KnowledgeRenewal demo evidence No. {number:D5} - {declared.Activity} - {declared.StartDate:yyyy-MM-dd} to {declared.EndDate:yyyy-MM-dd}")),
        };
        var extra = faker.Random.Int(0, 2);
        if (extra >= 1)
        {
            files.Add(new("现场照片.png", DemoEvidence.Png(faker.Random.Int(16, 48), faker.Random.Int(12, 36), faker.Random.Byte(), faker.Random.Byte(), faker.Random.Byte())));
        }

        if (extra == 2)
        {
            files.Add(new("单位证明.pdf", DemoEvidence.Pdf($"KnowledgeRenewal demo employer statement No. {number:D5}")));
        }

        return files;
    }
}
