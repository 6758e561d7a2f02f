using System.Globalization;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Credits.Domain;

/// <summary>The record of a digital-engineer training the ledger holds now (the latest of its chain).</summary>
/// <param name="Id">The record.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Hours">Its hours.</param>
/// <param name="CreditYear">Its credit year.</param>
/// <param name="ConcurrencyStamp">Its stamp (a revocation must find it unchanged).</param>
public sealed record DigitalTrainingRecord(Guid Id, CreditRecordStatus Status, CreditHours Hours, int CreditYear, Guid ConcurrencyStamp)
{
    /// <summary>Whether it counts or may count (pending or approved).</summary>
    public bool Live => Status is CreditRecordStatus.Pending or CreditRecordStatus.Approved;
}

/// <summary>What a training's facts do to the ledger.</summary>
public enum DigitalTrainingAction
{
    /// <summary>Nothing: no hours and none recorded, or the record says exactly this, or a reviewer's decision stands.</summary>
    Unchanged = 0,

    /// <summary>A first record (or, after a revocation, a new one linked to the revoked record).</summary>
    Create = 1,

    /// <summary>The hours changed: the record is revoked (pending: rejected) and a linked correction added.</summary>
    Correct = 2,

    /// <summary>The training became 不合格: the record is revoked (pending: rejected), nothing replaces it.</summary>
    Withdraw = 3,
}

/// <summary>
/// The rules of digital-engineer training hours (数字技术工程师培训学时, seed 四(二); ADR 0017): a training is completed
/// when its institution records it 合格 (after its last day); its attended hours then go into the trainee's ledger as
/// ONE approved professional-subject record of the training's last day, source <see cref="RecordSource.DigitalTraining"/>,
/// under the subject of the digital field in the industry-and-IT catalog (<see cref="SubjectCode"/>). A changed result
/// corrects that record as the ledger corrects (revoke and a linked new record), a 不合格 one withdraws it, the same
/// facts again change nothing. Overlapping training of other organizations that overloads a day leaves the new record
/// pending, as a roster's would.
/// </summary>
public static class DigitalTrainingHours
{
    /// <summary>The module whose catalog holds the digital fields' subjects (工业和信息化).</summary>
    public const string CatalogModule = "industry-it";

    /// <summary>
    /// The professional subject of a digital-technology field in the industry-and-IT catalog: the subject whose
    /// content the field's national occupational standard covers; fields without a subject of their own (virtual
    /// reality, blockchain) fall under digital transformation (<c>GX-SZZX</c>).
    /// </summary>
    public static string SubjectCode(DigitalField field) => field switch
    {
        DigitalField.ArtificialIntelligence => "GX-RGZN",
        DigitalField.BigData or DigitalField.CloudComputing => "GX-DSJ",
        DigitalField.IntegratedCircuits => "GX-JCDL",
        DigitalField.SmartManufacturing => "GX-ZNZZ",
        DigitalField.IndustrialInternet => "GX-GYHLW",
        DigitalField.InternetOfThings => "GX-5GGY",
        _ => "GX-SZZX",
    };

    /// <summary>The record's title: <c>数字技术工程师培训·大数据（中级）·{institution}</c>, at most <see cref="CreditRecord.TitleLength"/> characters.</summary>
    public static string Title(DigitalField field, DigitalLevel level, string institutionName)
    {
        var title = $"数字技术工程师培训·{DigitalEngineerCatalog.FieldName(field)}（{DigitalEngineerCatalog.LevelName(level)}）·{institutionName}";
        return title.Length <= CreditRecord.TitleLength ? title : title[..(CreditRecord.TitleLength - 1)] + "…";
    }

    /// <summary>The training's hours as exact credit hours (whole hours, within the ledger's bound per record).</summary>
    public static CreditHours Hours(int hours) =>
        CreditHours.FromHours(Math.Min(Math.Max(hours, 0), (int)LedgerRules.MaxHoursPerRecord.Hours));

    /// <summary>The training's hours spread evenly over its days (rounded up to 0.01), for the overlap check.</summary>
    public static CreditHours HoursPerDay(DateOnly start, DateOnly end, int hours)
    {
        var days = Math.Max(1, end.DayNumber - start.DayNumber + 1);
        return CreditHours.FromHoursRoundedUp(Hours(hours).Hours / days);
    }

    /// <summary>
    /// What the facts do given the training's latest record (<paramref name="current"/>, null when none):
    /// 不合格 withdraws a live record; 合格 creates the first record, corrects a live one with other hours, leaves one
    /// with the same hours alone; after a revocation or rejection, only a changed result (<paramref name="changed"/>:
    /// the institution changed it, not the same facts again) records anew — a reviewer's decision otherwise stands.
    /// </summary>
    public static DigitalTrainingAction Decide(bool passed, int hours, bool changed, DigitalTrainingRecord? current)
    {
        if (!passed)
        {
            return current is { Live: true } ? DigitalTrainingAction.Withdraw : DigitalTrainingAction.Unchanged;
        }

        if (current is null)
        {
            return DigitalTrainingAction.Create;
        }

        if (current.Live)
        {
            return current.Hours == Hours(hours) ? DigitalTrainingAction.Unchanged : DigitalTrainingAction.Correct;
        }

        return changed ? DigitalTrainingAction.Create : DigitalTrainingAction.Unchanged;
    }

    /// <summary>The first day on which the training and the person's other overlapping training (other organizations) exceed a day's hours; null when none.</summary>
    public static DayOverload? Overload(DigitalTrainingFacts facts, IEnumerable<OverlappingClass> others)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return RosterOverlap.FirstOverloadedDay(facts.StartDate, facts.EndDate, HoursPerDay(facts.StartDate, facts.EndDate, facts.Hours), others, LedgerRules.MaxHoursPerDay);
    }

    /// <summary>The reason a changed result gives the record it revokes (Chinese: what changed, the institution's reason).</summary>
    public static string ChangeReason(DigitalTrainingFacts facts, DigitalTrainingRecord previous)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(previous);
        var what = facts.Passed
            ? string.Create(CultureInfo.InvariantCulture, $"培训学时 {previous.Hours} → {Hours(facts.Hours)}，原记录由新记录取代")
            : "培训结果改为不合格，不再计入学时";
        var reason = $"{facts.InstitutionName}更正了数字技术工程师培训结果：{what}。{(string.IsNullOrWhiteSpace(facts.Reason) ? "" : "理由：" + facts.Reason.Trim())}";
        return reason.Length > CreditRecord.ReasonLength ? reason[..(CreditRecord.ReasonLength - 1)] + "…" : reason;
    }

    /// <summary>
    /// The credit record of a completed training: approved on entry by the institution's actor unless
    /// <paramref name="overload"/> flags it (then pending), linked to <paramref name="follows"/> when it replaces one.
    /// </summary>
    public static CreditRecord ToRecord(
        DigitalTrainingFacts facts, DigitalTrainingPerson person, DigitalTrainingSubject subject, Guid? providerId, Guid? follows, DayOverload? overload, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(subject);
        var actor = new LedgerActor(facts.ActorUserId, facts.ActorName);
        var hours = Hours(facts.Hours);
        var detail = overload?.Describe();
        var record = new CreditRecord
        {
            ProfessionalId = facts.ProfessionalId,
            Date = facts.EndDate,
            CreditYear = facts.EndDate.Year,
            Category = CreditCategory.Professional,
            SubjectCode = subject.Code,
            SubjectName = subject.Name is { Length: > 64 } name ? name[..64] : subject.Name,
            ModuleKey = subject.ModuleKey,
            Activity = ActivityType.ClassroomTraining,
            Hours = hours,
            EnteredAmount = hours.Hours,
            EnteredUnit = CreditUnit.Hour,
            Title = Title(facts.Field, facts.Level, facts.InstitutionName),
            Source = RecordSource.DigitalTraining,
            ProviderId = providerId,
            DigitalTrainingId = facts.TrainingId,
            CorrectsRecordId = follows,
            RecordedByUserId = actor.UserId,
            RecordedByName = actor.Name,
            RecordedAt = now,
            Flag = overload is null ? null : RecordWarning.DayOverload,
            FlagDetail = detail is { Length: > CreditRecord.ReasonLength } ? detail[..(CreditRecord.ReasonLength - 1)] + "…" : detail,
            RegionCode = person.RegionCode,
            DepartmentCode = person.DepartmentCode,
            EmployerId = person.EmployerId,
        };
        return overload is null ? record.ApprovedOnEntry(actor, now) : record;
    }
}

/// <summary>A digital-engineer training's completion facts as the ledger takes them (Programs' <c>DigitalTrainingCompleted</c>).</summary>
/// <param name="TrainingId">The training record.</param>
/// <param name="ProfessionalId">The trainee.</param>
/// <param name="InstitutionOrganizationId">The training institution's organization.</param>
/// <param name="InstitutionName">The training institution's name.</param>
/// <param name="Field">The field.</param>
/// <param name="Level">The level.</param>
/// <param name="StartDate">First day.</param>
/// <param name="EndDate">Last day (the credit day).</param>
/// <param name="Hours">Attended hours.</param>
/// <param name="Passed">合格 or not.</param>
/// <param name="ActorUserId">Who recorded or changed it (account).</param>
/// <param name="ActorName">Who recorded or changed it.</param>
/// <param name="Reason">Why the result changed (null when first recorded).</param>
public sealed record DigitalTrainingFacts(
    Guid TrainingId, Guid ProfessionalId, Guid InstitutionOrganizationId, string InstitutionName, DigitalField Field, DigitalLevel Level, DateOnly StartDate, DateOnly EndDate,
    int Hours, bool Passed, Guid? ActorUserId, string ActorName, string? Reason);

/// <summary>The trainee as the ledger records them now.</summary>
/// <param name="RegionCode">Their region.</param>
/// <param name="DepartmentCode">Their sector.</param>
/// <param name="EmployerId">Their employer.</param>
public sealed record DigitalTrainingPerson(string RegionCode, string DepartmentCode, Guid EmployerId);

/// <summary>The subject a training's record is recorded under (the field's subject, when its catalog is enabled).</summary>
/// <param name="Code">The subject code, if any.</param>
/// <param name="Name">Its name.</param>
/// <param name="ModuleKey">Its module.</param>
public sealed record DigitalTrainingSubject(string? Code, string? Name, string? ModuleKey);
