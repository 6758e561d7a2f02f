using System.Globalization;
using System.Text;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>A roster row whose fields are valid in themselves: who (by keyed hash), the name as written, the hours, category and subject.</summary>
/// <param name="Row">The row as the file numbers it.</param>
/// <param name="Hash">Keyed hash of the ID number (the number itself is not kept).</param>
/// <param name="Name">The name as written.</param>
/// <param name="Amount">The hours as written.</param>
/// <param name="Hours">The hours, exact.</param>
/// <param name="Category">The row's category, or the class's.</param>
/// <param name="SubjectCode">The row's subject, or the class's (when the row keeps the class's category).</param>
public sealed record RosterCandidate(int Row, string Hash, string Name, decimal Amount, CreditHours Hours, CreditCategory Category, string? SubjectCode);

/// <summary>A registered professional as a roster sees them (found by ID-number hash, whoever may see them in the registry).</summary>
/// <param name="Id">The professional.</param>
/// <param name="Name">The registered name.</param>
/// <param name="IdNumberMasked">The masked ID number.</param>
/// <param name="RegionCode">Their region now.</param>
/// <param name="DepartmentCode">Their sector now.</param>
/// <param name="EmployerId">Their employer now.</param>
public sealed record RosterPerson(Guid Id, string Name, string IdNumberMasked, string RegionCode, string DepartmentCode, Guid EmployerId);

/// <summary>What a row is recorded under: the subject (if any), the module whose catalog and rules apply, and the credit class.</summary>
/// <param name="Code">The subject code, if any.</param>
/// <param name="Name">The subject name, if any.</param>
/// <param name="ModuleKey">The subject's module, else the person's (null: the platform's).</param>
/// <param name="CreditClass">The class's credit class when that module has it, else null.</param>
public sealed record RosterSubject(string? Code, string? Name, string? ModuleKey, string? CreditClass);

/// <summary>A credit record of the class for a person, as a roster compares with it.</summary>
/// <param name="Id">The record.</param>
/// <param name="ProfessionalId">The person.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Hours">Its hours.</param>
/// <param name="Category">Its category.</param>
/// <param name="SubjectCode">Its subject.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="ConcurrencyStamp">Its stamp (a revocation must find it unchanged).</param>
public sealed record ClassRecord(Guid Id, Guid ProfessionalId, RecordSource Source, CreditRecordStatus Status, CreditHours Hours, CreditCategory Category, string? SubjectCode, DateTime RecordedAt, Guid ConcurrencyStamp)
{
    /// <summary>Whether a roster of the class recorded it.</summary>
    public bool FromRoster => Source is RecordSource.ProjectRoster or RecordSource.ProviderClass;

    /// <summary>Whether it counts or may count (pending or approved).</summary>
    public bool Live => Status is CreditRecordStatus.Pending or CreditRecordStatus.Approved;
}

/// <summary>What a roster row does to the ledger.</summary>
public enum RosterAction
{
    /// <summary>A new record: the person was not on an earlier roster of the class.</summary>
    Create = 1,

    /// <summary>The earlier roster's record differs: it is revoked (or, still pending, rejected) and a new record added.</summary>
    Correct = 2,

    /// <summary>The earlier roster's record says exactly this: nothing changes.</summary>
    Unchanged = 3,
}

/// <summary>A resolved roster row: what to write.</summary>
/// <param name="Row">The row.</param>
/// <param name="Person">The person.</param>
/// <param name="Candidate">The row's values.</param>
/// <param name="Subject">What it is recorded under.</param>
/// <param name="Action">Create, correct or nothing.</param>
/// <param name="Previous">For a correction, the record it replaces.</param>
/// <param name="Flag">Why the new record stays pending, if it does.</param>
/// <param name="FlagDetail">What the flag found (Chinese).</param>
public sealed record RosterChange(int Row, RosterPerson Person, RosterCandidate Candidate, RosterSubject Subject, RosterAction Action, ClassRecord? Previous, RecordWarning? Flag, string? FlagDetail);

/// <summary>The upload a roster's records come from.</summary>
/// <param name="JobId">The import job (null for records seeded as demo data).</param>
/// <param name="FileName">The uploaded file's name.</param>
public sealed record RosterUpload(Guid? JobId, string FileName);

/// <summary>
/// The rules of one roster file (学员名单) of one class. <see cref="Check"/> runs the field rules of a row: a valid ID
/// number (hashed for the look-up), a name, hours above zero, exact to 0.01 and not above the class's length, a
/// category (公需/专业, else the class's), a subject code (else the class's). <see cref="Resolve"/> then applies what
/// the registry and the ledger say: the person is registered, the name is theirs, they are in the class's audience
/// (region, sector), the subject is in their catalogs; and it decides what the row does (<see cref="Reconcile"/>)
/// and whether the new record must wait for review (the same class recorded another way, an overloaded day).
/// </summary>
public sealed class RosterRowRules
{
    private readonly ImportHeader header;
    private readonly TrainingClass trainingClass;
    private readonly DateOnly today;
    private readonly IdNumberHasher hasher;
    private readonly int id, name, hours, category, subject;

    /// <summary>Creates the rules for one file of <paramref name="trainingClass"/>.</summary>
    public RosterRowRules(ImportHeader header, TrainingClass trainingClass, DateOnly today, IdNumberHasher hasher)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(trainingClass);
        this.header = header;
        this.trainingClass = trainingClass;
        this.today = today;
        this.hasher = hasher;
        var schema = header.Schema;
        (id, name, hours, category, subject) = (schema.IndexOf("idNumber"), schema.IndexOf("name"), schema.IndexOf("hours"), schema.IndexOf("category"), schema.IndexOf("subjectCode"));
    }

    /// <summary>The field rules of one row (thread-safe); null when it has errors (recorded).</summary>
    public RosterCandidate? Check(ImportRow row, ImportErrorCollector errors)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(errors);
        var v = row.Values;
        var fieldErrors = new List<FieldError>();
        void Fail(string field, string code, string message) => fieldErrors.Add(new FieldError(field, code, message, row.Number));

        ResidentIdNumber idNumber = default;
        if (string.IsNullOrWhiteSpace(v[id]))
        {
            Fail("idNumber", "required", "请填写身份证号。");
        }
        else if (!ResidentIdNumber.TryParse(v[id], today, out idNumber, out var idError))
        {
            Fail("idNumber", idError!, ProfessionalRules.IdNumberMessage(idError!));
        }

        var written = v[name]?.Trim() ?? "";
        if (written.Length == 0)
        {
            Fail("name", "required", "请填写姓名。");
        }

        decimal amount = 0;
        var exact = CreditHours.Zero;
        var text = v[hours]?.Trim() ?? "";
        if (text.Length == 0)
        {
            Fail("hours", "required", "请填写学时。");
        }
        else if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out amount))
        {
            Fail("hours", RosterProblemCodes.HoursInvalid, $"学时“{text}”不是数字。");
        }
        else if (LedgerRules.ToHours(amount, CreditUnit.Hour, null, out var hoursError) is not { } value)
        {
            Fail("hours", RosterProblemCodes.HoursInvalid, hoursError!);
        }
        else if (value > trainingClass.Hours)
        {
            Fail("hours", RosterProblemCodes.HoursAboveClass, $"学时 {value} 超过了本班次的学时 {trainingClass.Hours}。");
        }
        else
        {
            exact = value;
        }

        var rowCategory = trainingClass.Category;
        var categoryText = header.Has(category) ? v[category]?.Trim() : null;
        if (!string.IsNullOrEmpty(categoryText) && !RosterClassRules.TryParseCategory(categoryText, out rowCategory))
        {
            Fail("category", RosterProblemCodes.CategoryInvalid, $"科目类别“{categoryText}”无效，应为“公需”或“专业”（不填即班次的科目类别）。");
        }

        var subjectText = header.Has(subject) ? LedgerRules.Trim(v[subject]) : null;
        var subjectCode = subjectText?.ToUpperInvariant() ?? (rowCategory == trainingClass.Category ? trainingClass.SubjectCode : null);

        if (!ImportRowChecks.Report(row, fieldErrors, header, errors))
        {
            return null;
        }

        return new RosterCandidate(row.Number, hasher.Hash(idNumber), written, amount, exact, rowCategory, subjectCode);
    }

    /// <summary>
    /// Applies the look-ups to a checked row; null when it has errors (recorded).
    /// </summary>
    /// <param name="candidate">The checked row.</param>
    /// <param name="person">The registered person with the row's ID number, or null.</param>
    /// <param name="resolved">The subject in the person's catalogs, or null with <paramref name="subjectError"/>.</param>
    /// <param name="subjectError">Why the subject is not in the person's catalogs, if it is not.</param>
    /// <param name="classRecords">The person's records of this class (any source, any status).</param>
    /// <param name="overlaps">The person's pending or approved classes of other providers whose days overlap this class.</param>
    /// <param name="errors">The job's errors.</param>
    public RosterChange? Resolve(RosterCandidate candidate, RosterPerson? person, RosterSubject? resolved, string? subjectError, IReadOnlyList<ClassRecord> classRecords, IReadOnlyList<OverlappingClass> overlaps, ImportErrorCollector errors)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(classRecords);
        ArgumentNullException.ThrowIfNull(overlaps);
        ArgumentNullException.ThrowIfNull(errors);
        var row = candidate.Row;
        var failed = false;
        void Fail(string field, string code, string message)
        {
            errors.Add(row, new FieldError(field, code, message, row), header);
            failed = true;
        }

        // An unknown number and a known number with another name answer alike, and nothing more is checked: a roster
        // is no way to learn whether a number is registered, or where its holder belongs.
        if (person is null || !SameName(candidate.Name, person.Name))
        {
            Fail("idNumber", RosterProblemCodes.PersonNotRegistered, "平台上没有与该身份证号和姓名相符的专业技术人员，请核对身份证号和姓名；如尚未登记，请其用人单位先登记后再上传。");
            return null;
        }

        if (trainingClass.RegionCode is { } region && region != JiningReferenceData.CityCode && person.RegionCode != region)
        {
            Fail("idNumber", RosterProblemCodes.OutOfAudience, $"该学员不属于本班次面向的区域（{region}），不能记入本班次学时。");
        }

        if (trainingClass.DepartmentCode is { } department && person.DepartmentCode != department)
        {
            Fail("idNumber", RosterProblemCodes.OutOfAudience, $"该学员不属于本班次面向的行业（{department}），不能记入本班次学时。");
        }

        if (resolved is null)
        {
            Fail("subjectCode", LedgerProblemCodes.UnknownSubject, subjectError ?? "科目无法确定。");
        }

        if (failed)
        {
            return null;
        }

        var (action, previous) = Reconcile(candidate.Hours, candidate.Category, resolved!.Code, classRecords);
        if (action == RosterAction.Unchanged)
        {
            return new RosterChange(row, person, candidate, resolved, action, previous, null, null);
        }

        var (flag, detail) = FlagsFor(classRecords, overlaps);
        return new RosterChange(row, person, candidate, resolved, action, previous, flag, detail);
    }

    /// <summary>
    /// What a roster row does given the person's records of the class: the latest record an earlier roster of the
    /// class wrote (whatever became of it — a reviewer's rejection or revocation stands) is compared with the row;
    /// the same hours, category and subject change nothing, anything else is a correction; no such record, a new one.
    /// </summary>
    public static (RosterAction Action, ClassRecord? Previous) Reconcile(CreditHours hours, CreditCategory category, string? subjectCode, IEnumerable<ClassRecord> classRecords)
    {
        ArgumentNullException.ThrowIfNull(classRecords);
        var current = classRecords.Where(r => r.FromRoster).OrderBy(r => r.RecordedAt).ThenBy(r => r.Id).LastOrDefault();
        if (current is null)
        {
            return (RosterAction.Create, null);
        }

        var same = current.Hours == hours && current.Category == category && string.Equals(current.SubjectCode, subjectCode, StringComparison.OrdinalIgnoreCase);
        return same ? (RosterAction.Unchanged, current) : (RosterAction.Correct, current);
    }

    /// <summary>
    /// Why a new record of this class must wait for review: the person is already credited for the class by another
    /// path (pending or approved, not from a roster), or other providers' classes on the same days overload a day.
    /// </summary>
    public (RecordWarning? Flag, string? Detail) FlagsFor(IReadOnlyList<ClassRecord> classRecords, IReadOnlyList<OverlappingClass> overlaps)
    {
        ArgumentNullException.ThrowIfNull(classRecords);
        var notes = new List<string>();
        RecordWarning? flag = null;
        if (classRecords.FirstOrDefault(r => !r.FromRoster && r.Live) is { } other)
        {
            flag = RecordWarning.DuplicateClass;
            notes.Add($"该学员已有本班次的学时记录（来源：{LedgerLabels.Source(other.Source)}，状态：{LedgerLabels.Status(other.Status)}，{other.Hours} 学时），本次名单的记录须审核后才计入，以免重复。");
        }

        if (RosterOverlap.For(trainingClass, overlaps) is { } overload)
        {
            flag ??= RecordWarning.DayOverload;
            notes.Add(overload.Describe());
        }

        if (notes.Count == 0)
        {
            return (null, null);
        }

        var detail = string.Join(" ", notes);
        return (flag, detail.Length > CreditRecord.ReasonLength ? detail[..(CreditRecord.ReasonLength - 1)] + "…" : detail);
    }

    /// <summary>Whether a written name is the registered one (spaces and the forms of the middle dot of minority names aside).</summary>
    public static bool SameName(string written, string registered) =>
        string.Equals(NormalizeName(written), NormalizeName(registered), StringComparison.Ordinal);

    /// <summary>The credit record of an accepted row: approved on entry by the uploader unless flagged (then pending).</summary>
    public static CreditRecord ToRecord(RosterChange change, TrainingClass trainingClass, RosterUpload upload, LedgerActor actor, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(trainingClass);
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(actor);
        var person = change.Person;
        var record = new CreditRecord
        {
            ProfessionalId = person.Id,
            Date = trainingClass.EndDate,
            CreditYear = trainingClass.EndDate.Year,
            Category = change.Candidate.Category,
            SubjectCode = change.Subject.Code,
            SubjectName = change.Subject.Name is { Length: > 64 } long64 ? long64[..64] : change.Subject.Name,
            ModuleKey = change.Subject.ModuleKey,
            Activity = trainingClass.Activity,
            CreditClass = change.Subject.CreditClass,
            Hours = change.Candidate.Hours,
            EnteredAmount = change.Candidate.Amount,
            EnteredUnit = CreditUnit.Hour,
            Title = trainingClass.Title,
            Source = trainingClass.ProjectId is null ? RecordSource.ProviderClass : RecordSource.ProjectRoster,
            ProviderId = trainingClass.ProviderId,
            ClassId = trainingClass.Id,
            ImportJobId = upload.JobId,
            SourceFile = SourceFile(upload.FileName, change.Row),
            RecordedByUserId = actor.UserId,
            RecordedByName = actor.Name,
            RecordedAt = now,
            CorrectsRecordId = change.Previous is { Status: CreditRecordStatus.Approved } previous && change.Action == RosterAction.Correct ? previous.Id : null,
            Flag = change.Flag,
            FlagDetail = change.FlagDetail,
            RegionCode = person.RegionCode,
            DepartmentCode = person.DepartmentCode,
            EmployerId = person.EmployerId,
        };
        return change.Flag is null ? record.ApprovedOnEntry(actor, now) : record;
    }

    /// <summary>Where a record comes from: <c>名单.xlsx 第 12 行</c> (a long file name is shortened from the left).</summary>
    public static string SourceFile(string fileName, int row)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var suffix = string.Create(CultureInfo.InvariantCulture, $" 第 {row} 行");
        var room = 300 - suffix.Length;
        return (fileName.Length > room ? "…" + fileName[^(room - 1)..] : fileName) + suffix;
    }

    /// <summary>The reason a correction gives the record it replaces (Chinese, what changed, which file and row).</summary>
    public static string CorrectionReason(ClassRecord previous, RosterChange change, string fileName)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(change);
        var what = new List<string>();
        if (previous.Hours != change.Candidate.Hours)
        {
            what.Add($"学时 {previous.Hours} → {change.Candidate.Hours}");
        }

        if (previous.Category != change.Candidate.Category)
        {
            what.Add($"科目类别 {RosterClassRules.CategoryName(previous.Category)} → {RosterClassRules.CategoryName(change.Candidate.Category)}");
        }

        if (!string.Equals(previous.SubjectCode, change.Subject.Code, StringComparison.OrdinalIgnoreCase))
        {
            what.Add($"科目 {previous.SubjectCode ?? "（无）"} → {change.Subject.Code ?? "（无）"}");
        }

        var reason = $"施教机构上传了更正后的学员名单（{SourceFile(fileName, change.Row)}）：{string.Join("，", what)}；原记录由新记录取代。";
        return reason.Length > CreditRecord.ReasonLength ? reason[..(CreditRecord.ReasonLength - 1)] + "…" : reason;
    }

    private static string NormalizeName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            builder.Append(c is '•' or '・' or '.' or '．' or '‧' or '∙' ? '·' : c);
        }

        return builder.ToString();
    }
}
