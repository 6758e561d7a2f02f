using KnowledgeRenewal.Programs.Domain;
using System.Globalization;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>A training class as submitted (a form or an API body): enums and codes as text, so every field gets a Chinese message.</summary>
public sealed record TrainingClassInput
{
    /// <summary>The provider running the class (the program office names it; provider staff may leave it empty — their own).</summary>
    public Guid? ProviderId { get; init; }

    /// <summary>The program project the class belongs to, if any.</summary>
    public Guid? ProjectId { get; init; }

    /// <summary>班次名称.</summary>
    public string? Title { get; init; }

    /// <summary>开班日期.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>结业日期.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>学时 (per trainee, at most).</summary>
    public decimal? Hours { get; init; }

    /// <summary>公需 / 专业 (or Public / Professional).</summary>
    public string? Category { get; init; }

    /// <summary>科目代码 (optional).</summary>
    public string? SubjectCode { get; init; }

    /// <summary>Activity type (面授培训, 网络学习 …, or the English name); default 面授培训.</summary>
    public string? Activity { get; init; }

    /// <summary>The module's credit class (e.g. health's <c>I</c>), optional.</summary>
    public string? CreditClass { get; init; }

    /// <summary>线下 / 线上 / 线上线下结合 (or Offline / Online / Mixed); default 线下.</summary>
    public string? Mode { get; init; }

    /// <summary>The sector the class is for (optional).</summary>
    public string? DepartmentCode { get; init; }

    /// <summary>The region the class is for (optional; the city means everyone).</summary>
    public string? RegionCode { get; init; }

    /// <summary>The catalog course the class teaches (optional).</summary>
    public Guid? CourseId { get; init; }
}

/// <summary>A class whose fields are valid in themselves (provider, subject, credit class, region and sector still need looking up).</summary>
/// <param name="ProviderId">The provider named, if any.</param>
/// <param name="ProjectId">The project, if any.</param>
/// <param name="Title">Title, trimmed.</param>
/// <param name="StartDate">First day.</param>
/// <param name="EndDate">Last day.</param>
/// <param name="Hours">Most hours one trainee can earn.</param>
/// <param name="Category">Public or professional.</param>
/// <param name="SubjectCode">The subject, if any.</param>
/// <param name="Activity">The activity trainees are credited for.</param>
/// <param name="CreditClass">The credit class, if any.</param>
/// <param name="Mode">Offline, online or mixed.</param>
/// <param name="DepartmentCode">The sector it is for, if any.</param>
/// <param name="RegionCode">The region it is for, if any.</param>
/// <param name="CourseId">The catalog course it teaches, if any.</param>
public sealed record ValidTrainingClass(
    Guid? ProviderId,
    Guid? ProjectId,
    string Title,
    DateOnly StartDate,
    DateOnly EndDate,
    CreditHours Hours,
    CreditCategory Category,
    string? SubjectCode,
    ActivityType Activity,
    string? CreditClass,
    DeliveryMode Mode,
    string? DepartmentCode,
    string? RegionCode,
    Guid? CourseId = null)
{
    /// <summary>Copies the values onto a class (never its provider, status or stamp).</summary>
    public void ApplyTo(TrainingClass target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.ProjectId = ProjectId;
        target.Title = Title;
        target.StartDate = StartDate;
        target.EndDate = EndDate;
        target.Hours = Hours;
        target.Category = Category;
        target.SubjectCode = SubjectCode;
        target.Activity = Activity;
        target.CreditClass = CreditClass;
        target.Mode = Mode;
        target.DepartmentCode = DepartmentCode;
        target.RegionCode = RegionCode;
        target.CourseId = CourseId;
    }
}

/// <summary>Stable codes of the problems of classes and rosters.</summary>
public static class RosterProblemCodes
{
    /// <summary>A class that has finished or was cancelled cannot be changed (409).</summary>
    public const string ClassNotEditable = "class.not_editable";

    /// <summary>A class can be finished only after its last day (409).</summary>
    public const string ClassNotEnded = "class.not_ended";

    /// <summary>The class's state does not allow finishing or cancelling it (409).</summary>
    public const string ClassInvalidTransition = "class.invalid_transition";

    /// <summary>Only the class's provider (or the program office) may change it or upload its roster (403).</summary>
    public const string NotClassProvider = "roster.not_class_provider";

    /// <summary>A roster can be uploaded only for a finished class (409).</summary>
    public const string ClassNotFinished = "roster.class_not_finished";

    /// <summary>
    /// Row: nobody with this ID number and this name is registered — an unknown number and a registered number with
    /// another name are not told apart (the column is the ID number's either way).
    /// </summary>
    public const string PersonNotRegistered = "roster.person_not_registered";

    /// <summary>Row: the person is outside the class's region or sector.</summary>
    public const string OutOfAudience = "roster.out_of_audience";

    /// <summary>Row: the hours are not a positive amount exact to 0.01.</summary>
    public const string HoursInvalid = "roster.hours_invalid";

    /// <summary>Row: more hours than the class has.</summary>
    public const string HoursAboveClass = "roster.hours_above_class";

    /// <summary>Row: the category is neither 公需 nor 专业.</summary>
    public const string CategoryInvalid = "roster.category_invalid";

    /// <summary>Warning: the person was already credited for the class another way; the row is recorded pending.</summary>
    public const string FlagDuplicateClass = "roster.flag_duplicate_class";

    /// <summary>Warning: overlapping classes of other providers overload a day; the row is recorded pending.</summary>
    public const string FlagDayOverload = "roster.flag_day_overload";

    /// <summary>Warning: a person of an earlier roster of the class is missing from this one (their record is kept).</summary>
    public const string PersonMissing = "roster.person_missing";
}

/// <summary>
/// The field rules of training classes (<see cref="TrainingClass"/>), shared by the API and the demo data: title,
/// dates in order and within sense, hours above zero and within what the days can hold, category, activity and mode.
/// What needs the database (provider, subject, credit class, region, sector) is checked by the caller. Also the
/// state rules: a class is edited while planned, finished after its last day, cancelled while planned.
/// </summary>
public static class RosterClassRules
{
    /// <summary>The longest class (days).</summary>
    public const int MaxDays = 366;

    /// <summary>How far ahead classes can be planned (years).</summary>
    public const int PlanningYears = 2;

    /// <summary>Activities a class can credit, with their Chinese names.</summary>
    public static IReadOnlyDictionary<ActivityType, string> Activities { get; } = new Dictionary<ActivityType, string>
    {
        [ActivityType.ClassroomTraining] = "面授培训",
        [ActivityType.OnlineLearning] = "网络学习",
        [ActivityType.AdvancedSeminar] = "高级研修",
        [ActivityType.AcademicConference] = "学术会议",
        [ActivityType.FurtherStudy] = "进修访学",
    };

    /// <summary>Delivery modes with their Chinese names.</summary>
    public static IReadOnlyDictionary<DeliveryMode, string> Modes { get; } = new Dictionary<DeliveryMode, string>
    {
        [DeliveryMode.Offline] = "线下",
        [DeliveryMode.Online] = "线上",
        [DeliveryMode.Mixed] = "线上线下结合",
    };

    /// <summary>Statuses with their Chinese names.</summary>
    public static IReadOnlyDictionary<TrainingClassStatus, string> Statuses { get; } = new Dictionary<TrainingClassStatus, string>
    {
        [TrainingClassStatus.Planned] = "计划中",
        [TrainingClassStatus.Finished] = "已结业",
        [TrainingClassStatus.Cancelled] = "已取消",
    };

    /// <summary>The Chinese name of a category (公需 / 专业).</summary>
    public static string CategoryName(CreditCategory category) => category == CreditCategory.Public ? "公需" : "专业";

    /// <summary>Parses 公需 / 专业 (also 公需科目, 专业科目, Public, Professional).</summary>
    public static bool TryParseCategory(string? text, out CreditCategory category)
    {
        switch (text?.Trim())
        {
            case "公需" or "公需科目" or "公共科目":
                category = CreditCategory.Public;
                return true;
            case "专业" or "专业科目":
                category = CreditCategory.Professional;
                return true;
        }

        return Enum.TryParse(text?.Trim(), ignoreCase: true, out category) && Enum.IsDefined(category) && !int.TryParse(text, out _);
    }

    /// <summary>Parses a value from its Chinese name or its English name (never a number).</summary>
    public static bool TryParse<T>(IReadOnlyDictionary<T, string> names, string? text, out T value)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(names);
        var trimmed = text?.Trim() ?? "";
        foreach (var (candidate, name) in names)
        {
            if (name == trimmed || (typeof(T) == typeof(DeliveryMode) && trimmed == "混合" && name == "线上线下结合"))
            {
                value = candidate;
                return true;
            }
        }

        return Enum.TryParse(trimmed, ignoreCase: true, out value) && names.ContainsKey(value) && !int.TryParse(trimmed, out _);
    }

    /// <summary>Checks the fields; the valid class, or null with every error (field named, Chinese message).</summary>
    public static (ValidTrainingClass? Value, IReadOnlyList<FieldError> Errors) Validate(TrainingClassInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        void Fail(string field, string code, string message) => errors.Add(new FieldError(field, code, message));

        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            Fail("title", "required", "请填写班次名称（title）。");
        }
        else if (title.Length > TrainingClass.TitleLength)
        {
            Fail("title", "too_long", $"班次名称（title）最多 {TrainingClass.TitleLength} 个字。");
        }

        var datesKnown = true;
        if (input.StartDate is null)
        {
            Fail("startDate", "required", "请填写开班日期（startDate），格式为 yyyy-MM-dd。");
            datesKnown = false;
        }
        else if (input.StartDate < LedgerRules.EarliestDate)
        {
            Fail("startDate", "date.out_of_range", $"开班日期（startDate）不能早于 {LedgerRules.EarliestDate:yyyy-MM-dd}。");
            datesKnown = false;
        }

        if (input.EndDate is null)
        {
            Fail("endDate", "required", "请填写结业日期（endDate），格式为 yyyy-MM-dd。");
            datesKnown = false;
        }
        else if (input.EndDate > today.AddYears(PlanningYears))
        {
            Fail("endDate", "date.out_of_range", $"结业日期（endDate）不能晚于 {today.AddYears(PlanningYears):yyyy-MM-dd}（最多提前 {PlanningYears} 年安排班次）。");
            datesKnown = false;
        }

        var days = 0;
        if (datesKnown)
        {
            days = input.EndDate!.Value.DayNumber - input.StartDate!.Value.DayNumber + 1;
            if (days < 1)
            {
                Fail("endDate", "date.order", "结业日期（endDate）不能早于开班日期（startDate）。");
            }
            else if (days > MaxDays)
            {
                Fail("endDate", "date.out_of_range", $"班次最长 {MaxDays} 天，请按学年或学期分成多个班次。");
            }
        }

        CreditHours hours = default;
        if (input.Hours is not { } amount)
        {
            Fail("hours", "required", "请填写学时（hours）。");
        }
        else if (LedgerRules.ToHours(amount, CreditUnit.Hour, null, out var hoursError) is not { } exact)
        {
            Fail("hours", LedgerProblemCodes.InvalidHours, "学时（hours）" + hoursError!.TrimStart('学', '时'));
        }
        else if (days is >= 1 and <= MaxDays && exact.Hundredths > LedgerRules.MaxHoursPerDay.Hundredths * days)
        {
            Fail("hours", "hours.above_days", string.Create(CultureInfo.InvariantCulture, $"学时（hours）{exact} 超过了 {days} 天最多能容纳的 {CreditHours.FromHundredths(LedgerRules.MaxHoursPerDay.Hundredths * days)} 学时（每天最多 {LedgerRules.MaxHoursPerDay} 学时）。"));
        }
        else
        {
            hours = exact;
        }

        var category = CreditCategory.Professional;
        if (string.IsNullOrWhiteSpace(input.Category))
        {
            Fail("category", "required", "请选择科目类别（category）：公需 或 专业。");
        }
        else if (!TryParseCategory(input.Category, out category))
        {
            Fail("category", "category.invalid", "科目类别（category）应为 公需 或 专业。");
        }

        var activity = ActivityType.ClassroomTraining;
        if (!string.IsNullOrWhiteSpace(input.Activity) && !TryParse(Activities, input.Activity, out activity))
        {
            Fail("activity", "activity.invalid", $"活动类型（activity）应为 {string.Join("、", Activities.Values)} 之一。");
        }

        var mode = DeliveryMode.Offline;
        if (!string.IsNullOrWhiteSpace(input.Mode) && !TryParse(Modes, input.Mode, out mode))
        {
            Fail("mode", "mode.invalid", "培训方式（mode）应为 线下、线上 或 线上线下结合。");
        }

        var subject = Normalize(input.SubjectCode, 32, "subjectCode", "科目代码", Fail)?.ToUpperInvariant();
        var creditClass = Normalize(input.CreditClass, 16, "creditClass", "学分类别", Fail);
        var department = Normalize(input.DepartmentCode, 32, "departmentCode", "面向行业代码", Fail);
        var region = Normalize(input.RegionCode, 16, "regionCode", "面向区域代码", Fail);

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new ValidTrainingClass(input.ProviderId, input.ProjectId, title!, input.StartDate!.Value, input.EndDate!.Value, hours, category, subject, activity, creditClass, mode, department, region, input.CourseId), errors);
    }

    /// <summary>Null when a class in <paramref name="status"/> may be changed; else the reason (Chinese).</summary>
    public static string? CheckEditable(TrainingClassStatus status) =>
        status == TrainingClassStatus.Planned ? null : $"该班次{Statuses[status]}，不能再修改。";

    /// <summary>Finishes a planned class after its last day; throws a 409 problem otherwise.</summary>
    public static void Finish(TrainingClass trainingClass, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(trainingClass);
        if (trainingClass.Status != TrainingClassStatus.Planned)
        {
            throw new PlatformException(RosterProblemCodes.ClassInvalidTransition, 409, "状态冲突", $"该班次{Statuses[trainingClass.Status]}，不能结业（只有计划中的班次可以结业）。");
        }

        if (today <= trainingClass.EndDate)
        {
            throw new PlatformException(RosterProblemCodes.ClassNotEnded, 409, "班次尚未结束", $"该班次的结业日期为 {trainingClass.EndDate:yyyy-MM-dd}，结业日期之后才能办理结业。");
        }

        trainingClass.Status = TrainingClassStatus.Finished;
    }

    /// <summary>Cancels a planned class; throws a 409 problem otherwise (a finished class has a roster).</summary>
    public static void Cancel(TrainingClass trainingClass)
    {
        ArgumentNullException.ThrowIfNull(trainingClass);
        if (trainingClass.Status != TrainingClassStatus.Planned)
        {
            throw new PlatformException(RosterProblemCodes.ClassInvalidTransition, 409, "状态冲突", $"该班次{Statuses[trainingClass.Status]}，不能取消（只有计划中的班次可以取消）。");
        }

        trainingClass.Status = TrainingClassStatus.Cancelled;
    }

    private static string? Normalize(string? text, int maxLength, string field, string label, Action<string, string, string> fail)
    {
        var value = LedgerRules.Trim(text);
        if (value is not null && value.Length > maxLength)
        {
            fail(field, "too_long", $"{label}（{field}）过长。");
            return null;
        }

        return value;
    }
}
