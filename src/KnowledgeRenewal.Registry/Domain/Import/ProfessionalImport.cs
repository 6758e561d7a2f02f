using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Registry.Domain.Import;

/// <summary>An employer as an import sees it: found by credit code among the employers the requester may see.</summary>
/// <param name="Id">The employer.</param>
/// <param name="Code">Its credit code.</param>
/// <param name="RegionCode">Its region.</param>
/// <param name="DepartmentCode">Its sector, if any.</param>
public sealed record EmployerRef(Guid Id, string Code, string RegionCode, string? DepartmentCode);

/// <summary>A registered professional an import row matches (by ID-number hash), with what an update compares and needs.</summary>
public sealed record ExistingProfessional(
    Guid Id,
    string IdNumberHash,
    string Name,
    string? PhoneCipher,
    string? PhoneMasked,
    Guid EmployerId,
    string RegionCode,
    string DepartmentCode,
    string? TitleSeries,
    TitleLevel TitleLevel,
    string? Specialty,
    EducationLevel Education,
    ProfessionalStatus Status,
    Guid ConcurrencyStamp,
    DateOnly? OpenEmploymentStartedOn,
    Guid? UserId = null);

/// <summary>What the data layer found for a batch of professional rows.</summary>
public sealed class ProfessionalLookups
{
    /// <summary>Visible employers by credit code.</summary>
    public required IReadOnlyDictionary<string, EmployerRef> Employers { get; init; }

    /// <summary>Visible registered professionals by ID-number hash.</summary>
    public required IReadOnlyDictionary<string, ExistingProfessional> Existing { get; init; }

    /// <summary>Hashes registered but outside the requester's scope.</summary>
    public required IReadOnlySet<string> Elsewhere { get; init; }

    /// <summary>Region codes of the registry.</summary>
    public required IReadOnlySet<string> Regions { get; init; }

    /// <summary>Department codes of the registry.</summary>
    public required IReadOnlySet<string> Departments { get; init; }
}

/// <summary>A row whose fields passed the rules: the value, its look-up key, and the personal data already encrypted.</summary>
/// <param name="Row">The row number.</param>
/// <param name="Value">The validated fields.</param>
/// <param name="Hash">Keyed hash of the ID number.</param>
/// <param name="IdNumberCipher">The ID number, encrypted.</param>
/// <param name="PhoneCipher">The phone, encrypted (null when none).</param>
public sealed record ProfessionalCandidate(int Row, ValidProfessional Value, string Hash, string IdNumberCipher, string? PhoneCipher);

/// <summary>What an import does with a row.</summary>
public enum ImportAction
{
    /// <summary>A new record.</summary>
    Create = 1,

    /// <summary>A changed record.</summary>
    Update = 2,

    /// <summary>The record is as the row says.</summary>
    Unchanged = 3,
}

/// <summary>A resolved professional row: what to write.</summary>
/// <param name="Row">The row number.</param>
/// <param name="Action">Create, update or nothing.</param>
/// <param name="Record">The record's new state (for an update, every column; <see cref="Professional.Id"/> is the existing one).</param>
/// <param name="ExpectedStamp">For an update, the concurrency stamp read (the write fails if it changed since).</param>
/// <param name="Moved">Whether the employer changed (close the open employment, open one at the new employer).</param>
/// <param name="EndOfCurrent">For a move, the last day of the open employment.</param>
/// <param name="ChangedProperties">For an update, the properties that changed (for the audit log; never values).</param>
/// <param name="Existing">For an update, the record as it was (its old owners: a change of them is a move out of their scope, ADR 0023).</param>
public sealed record ProfessionalChange(
    int Row, ImportAction Action, Professional Record, Guid ExpectedStamp, bool Moved, DateOnly? EndOfCurrent, IReadOnlyList<string> ChangedProperties, ExistingProfessional? Existing = null);

/// <summary>
/// The import's rules for professional rows, on top of <see cref="ProfessionalRules"/> (never repeated here):
/// <see cref="Check"/> runs the field rules and prepares the look-up key; <see cref="Resolve"/> applies the
/// look-ups — the employer among those the requester may see, region and sector (by <see cref="ProfessionalOwnership"/>:
/// the employer's for a new person or a move, a cell that differs is an error), the requester's scope, and an upsert by
/// ID-number hash. A number registered outside the requester's scope gets the refusal of any registration outside
/// it, which does not say that the person is registered. Columns missing from the file leave the record's value as
/// it is; an empty cell clears it. A changed employer is a move, by <see cref="EmploymentHistory"/>.
/// </summary>
public sealed class ProfessionalImportRules
{
    private readonly ImportHeader header;
    private readonly DateOnly today;
    private readonly DateTime now;
    private readonly AccessScope scope;
    private readonly IdNumberHasher hasher;
    private readonly IPersonalDataProtector protector;
    private readonly int id, name, gender, birth, phone, employer, region, department, series, level, specialty, education, status;

    /// <summary>Creates the rules for one file.</summary>
    public ProfessionalImportRules(ImportHeader header, DateOnly today, DateTime now, AccessScope scope, IdNumberHasher hasher, IPersonalDataProtector protector)
    {
        ArgumentNullException.ThrowIfNull(header);
        this.header = header;
        this.today = today;
        this.now = now;
        this.scope = scope;
        this.hasher = hasher;
        this.protector = protector;
        var schema = header.Schema;
        (id, name, gender, birth, phone, employer) = (schema.IndexOf("idNumber"), schema.IndexOf("name"), schema.IndexOf("gender"), schema.IndexOf("birthDate"), schema.IndexOf("phone"), schema.IndexOf("employerCreditCode"));
        (region, department, series, level, specialty) = (schema.IndexOf("regionCode"), schema.IndexOf("departmentCode"), schema.IndexOf("titleSeries"), schema.IndexOf("titleLevel"), schema.IndexOf("specialty"));
        (education, status) = (schema.IndexOf("education"), schema.IndexOf("status"));
    }

    /// <summary>The field rules, the hash and the encryption of one row (thread-safe); null when the row has errors (recorded).</summary>
    public ProfessionalCandidate? Check(ImportRow row, ImportErrorCollector errors)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(errors);
        var v = row.Values;
        var input = new ProfessionalInput
        {
            IdNumber = v[id],
            Name = v[name],
            Gender = v[gender],
            BirthDate = v[birth],
            Phone = v[phone],
            EmployerCreditCode = v[employer],
            RegionCode = v[region],
            DepartmentCode = v[department],
            TitleSeries = v[series],
            TitleLevel = v[level],
            Specialty = v[specialty],
            Education = v[education],
            Status = v[status],
        };
        var (valid, fieldErrors) = ProfessionalRules.Validate(input, today, row.Number);
        if (!ImportRowChecks.Report(row, fieldErrors, header, errors) || valid is null)
        {
            return null;
        }

        return new ProfessionalCandidate(
            row.Number,
            valid,
            hasher.Hash(valid.IdNumber),
            protector.Protect(valid.IdNumber.Value),
            valid.Phone is null ? null : protector.Protect(valid.Phone));
    }

    /// <summary>Applies the look-ups to a checked row; null when it has errors (recorded).</summary>
    public ProfessionalChange? Resolve(ProfessionalCandidate candidate, ProfessionalLookups lookups, ImportErrorCollector errors)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(lookups);
        ArgumentNullException.ThrowIfNull(errors);
        var row = candidate.Row;
        var value = candidate.Value;
        void Fail(string field, string code, string message) => errors.Add(row, new FieldError(field, code, message, row), header);

        if (!lookups.Employers.TryGetValue(value.EmployerCreditCode.Value, out var employerRef))
        {
            Fail("employerCreditCode", "employer.not_found", "未找到该统一社会信用代码对应的用人单位（或不在您的管理范围内），请核对代码或先登记用人单位。");
            return null;
        }

        // Region and sector by ProfessionalOwnership, the rule of the REST API too: the employer's for a new person or
        // a move; an update at the same employer keeps what it does not state.
        lookups.Existing.TryGetValue(candidate.Hash, out var existing);
        var (owners, ownerErrors) = existing is not null && existing.EmployerId == employerRef.Id
            ? ProfessionalOwnership.Keep(new ProfessionalOwners(existing.RegionCode, existing.DepartmentCode), employerRef.RegionCode, employerRef.DepartmentCode, value.RegionCode, value.DepartmentCode, lookups.Departments.Contains, row)
            : ProfessionalOwnership.Derive(employerRef.RegionCode, employerRef.DepartmentCode, value.RegionCode, value.DepartmentCode, existing?.DepartmentCode, lookups.Departments.Contains, row);
        foreach (var error in ownerErrors)
        {
            errors.Add(row, error, header);
        }

        if (owners is null)
        {
            return null;
        }

        // Registered outside the requester's scope: the same answer as any registration outside it, never "elsewhere".
        if ((existing is null && lookups.Elsewhere.Contains(candidate.Hash)) || !ProfessionalOwnership.MayRegister(scope, owners, employerRef.Id))
        {
            Fail("idNumber", ProfessionalOwnership.CannotRegister, ProfessionalOwnership.CannotRegisterMessage);
            return null;
        }

        if (existing is not null && !scope.CanSee(existing.RegionCode, existing.DepartmentCode, existing.EmployerId))
        {
            Fail("idNumber", ImportRowChecks.OutOfScope, "只能修改本地区、本行业或本单位的专业技术人员信息。");
            return null;
        }

        return existing is null
            ? Create(candidate, employerRef.Id, owners)
            : Update(candidate, existing, employerRef.Id, owners, Fail);
    }

    private ProfessionalChange Create(ProfessionalCandidate candidate, Guid employerId, ProfessionalOwners owners)
    {
        var value = candidate.Value;
        var record = new Professional
        {
            IdNumberHash = candidate.Hash,
            IdNumberCipher = candidate.IdNumberCipher,
            IdNumberMasked = value.IdNumber.Masked,
            Name = value.Name,
            Gender = value.Gender,
            BirthDate = value.BirthDate,
            PhoneCipher = candidate.PhoneCipher,
            PhoneMasked = value.Phone is null ? null : MobileNumber.Mask(value.Phone),
            EmployerId = employerId,
            RegionCode = owners.RegionCode,
            DepartmentCode = owners.DepartmentCode,
            TitleSeries = value.TitleSeries,
            TitleLevel = value.TitleLevel,
            Specialty = value.Specialty,
            Education = value.Education,
            Status = value.Status,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return new ProfessionalChange(candidate.Row, ImportAction.Create, record, Guid.Empty, false, null, []);
    }

    private ProfessionalChange? Update(ProfessionalCandidate candidate, ExistingProfessional existing, Guid employerId, ProfessionalOwners owners, Action<string, string, string> fail)
    {
        var value = candidate.Value;
        var changed = new List<string>();
        T Pick<T>(int column, T stated, T current, string property)
        {
            if (!header.Has(column) || EqualityComparer<T>.Default.Equals(stated, current))
            {
                return current;
            }

            changed.Add(property);
            return stated;
        }

        var record = new Professional
        {
            Id = existing.Id,
            IdNumberHash = existing.IdNumberHash,
            IdNumberCipher = "",
            IdNumberMasked = value.IdNumber.Masked,
            Name = Pick(name, value.Name, existing.Name, nameof(Professional.Name)),
            Gender = value.Gender,
            BirthDate = value.BirthDate,
            EmployerId = Pick(employer, employerId, existing.EmployerId, nameof(Professional.EmployerId)),
            RegionCode = existing.RegionCode,
            DepartmentCode = existing.DepartmentCode,
            TitleSeries = Pick(series, value.TitleSeries, existing.TitleSeries, nameof(Professional.TitleSeries)),
            TitleLevel = Pick(level, value.TitleLevel, existing.TitleLevel, nameof(Professional.TitleLevel)),
            Specialty = Pick(specialty, value.Specialty, existing.Specialty, nameof(Professional.Specialty)),
            Education = Pick(education, value.Education, existing.Education, nameof(Professional.Education)),
            Status = Pick(status, value.Status, existing.Status, nameof(Professional.Status)),
            PhoneCipher = existing.PhoneCipher,
            PhoneMasked = existing.PhoneMasked,
            UpdatedAt = now,
        };

        // Region and sector by ProfessionalOwnership: a move takes the new employer's; otherwise a stated value is the
        // current one or the employer's.
        if (owners.RegionCode != existing.RegionCode)
        {
            record.RegionCode = owners.RegionCode;
            changed.Add(nameof(Professional.RegionCode));
        }

        if (owners.DepartmentCode != existing.DepartmentCode)
        {
            record.DepartmentCode = owners.DepartmentCode;
            changed.Add(nameof(Professional.DepartmentCode));
        }

        // The stored phone is encrypted with a fresh nonce each time: compare plaintexts.
        if (header.Has(phone) && (existing.PhoneCipher is null ? null : protector.Unprotect(existing.PhoneCipher)) != value.Phone)
        {
            record.PhoneCipher = candidate.PhoneCipher;
            record.PhoneMasked = value.Phone is null ? null : MobileNumber.Mask(value.Phone);
            changed.Add("Phone");
        }

        if (changed.Count == 0)
        {
            return new ProfessionalChange(candidate.Row, ImportAction.Unchanged, record, existing.ConcurrencyStamp, false, null, []);
        }

        var moved = record.EmployerId != existing.EmployerId;
        DateOnly? endOfCurrent = null;
        if (moved)
        {
            var (end, moveErrors) = EmploymentHistory.Move(existing.EmployerId, existing.OpenEmploymentStartedOn, record.EmployerId, today, today);
            if (moveErrors.Count > 0)
            {
                fail("employerCreditCode", moveErrors[0].Code, $"该人员在当前单位的任职今天（{today:yyyy-MM-dd}）才开始，同一天内不能调到另一单位；如单位填写有误，请明天再导入或联系市项目办更正。");
                return null;
            }

            endOfCurrent = end;
        }

        return new ProfessionalChange(candidate.Row, ImportAction.Update, record, existing.ConcurrencyStamp, moved, endOfCurrent, changed, existing);
    }
}

/// <summary>Checks shared by the professional and employer imports.</summary>
public static class ImportRowChecks
{
    /// <summary>Code of a row outside the requester's scope (as the REST API's 403).</summary>
    public const string OutOfScope = "registry.out_of_scope";

    /// <summary>
    /// Records a row's cell problems and its field errors (a field with a cell problem is reported once); false when
    /// the row has any.
    /// </summary>
    public static bool Report(ImportRow row, IReadOnlyList<FieldError> fieldErrors, ImportHeader header, ImportErrorCollector errors)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(fieldErrors);
        ArgumentNullException.ThrowIfNull(errors);
        var cellErrors = row.CellErrors ?? [];
        foreach (var error in cellErrors)
        {
            errors.Add(error);
        }

        foreach (var error in fieldErrors)
        {
            if (!cellErrors.Any(c => c.Field == error.Field))
            {
                errors.Add(row.Number, error, header);
            }
        }

        return cellErrors.Count == 0 && fieldErrors.Count == 0;
    }
}

/// <summary>
/// Finds rows of one file with the same key (ID-number hash, credit code): each such row gets an error naming the
/// other, and all of them are left out. Not thread-safe: one checker per file, fed in row order.
/// </summary>
public sealed class DuplicateRows(ImportHeader header, string field, string what)
{
    private readonly Dictionary<string, int> first = new(StringComparer.Ordinal);
    private readonly HashSet<int> reported = [];

    /// <summary>Whether <paramref name="key"/> was seen before (both rows are then reported).</summary>
    public bool IsDuplicate(string key, int row, ImportErrorCollector errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (first.TryAdd(key, row))
        {
            return false;
        }

        var earlier = first[key];
        if (reported.Add(earlier))
        {
            errors.Add(new ImportError(earlier, header.ColumnFor(field), field, ImportProblemCodes.DuplicateInFile, $"{what}与第 {row} 行重复：同一文件中每个{what}只能出现一次。"));
        }

        errors.Add(new ImportError(row, header.ColumnFor(field), field, ImportProblemCodes.DuplicateInFile, $"{what}与第 {earlier} 行重复：同一文件中每个{what}只能出现一次。"));
        return true;
    }
}
