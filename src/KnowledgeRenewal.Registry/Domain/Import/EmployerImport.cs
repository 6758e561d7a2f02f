using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Registry.Domain.Import;

/// <summary>An organization registered under a credit code an import row names.</summary>
/// <param name="Id">The organization.</param>
/// <param name="IsEmployer">Whether it is an employer (not a training provider or another kind).</param>
/// <param name="Visible">Whether the requester may see it.</param>
/// <param name="Name">Its name.</param>
/// <param name="Ownership">Its ownership (employers).</param>
/// <param name="RegionCode">Its region.</param>
/// <param name="DepartmentCode">Its sector.</param>
/// <param name="ConcurrencyStamp">Its concurrency stamp (employers).</param>
public sealed record ExistingOrganization(Guid Id, bool IsEmployer, bool Visible, string Name, Ownership Ownership, string RegionCode, string? DepartmentCode, Guid ConcurrencyStamp);

/// <summary>What the data layer found for a batch of employer rows.</summary>
public sealed class EmployerLookups
{
    /// <summary>Organizations by credit code (any kind, visible or not).</summary>
    public required IReadOnlyDictionary<string, ExistingOrganization> Existing { get; init; }

    /// <summary>The parent organization of a new employer in a region (its county bureau, or the program office).</summary>
    public required Func<string, Guid?> ParentFor { get; init; }

    /// <summary>Region codes of the registry.</summary>
    public required IReadOnlySet<string> Regions { get; init; }

    /// <summary>Department codes of the registry.</summary>
    public required IReadOnlySet<string> Departments { get; init; }
}

/// <summary>A resolved employer row: what to write.</summary>
/// <param name="Row">The row number.</param>
/// <param name="Action">Create, update or nothing.</param>
/// <param name="Record">The employer's new state (for an update, its <see cref="Organization.Id"/> is the existing one).</param>
/// <param name="ExpectedStamp">For an update, the concurrency stamp read.</param>
/// <param name="ChangedProperties">For an update, the properties that changed.</param>
/// <param name="Existing">For an update, the employer as it was (its old sector: a change of it is a move out of that scope, ADR 0023).</param>
public sealed record EmployerChange(int Row, ImportAction Action, Employer Record, Guid ExpectedStamp, IReadOnlyList<string> ChangedProperties, ExistingOrganization? Existing = null);

/// <summary>
/// The import's rules for employer rows, on top of <see cref="EmployerRules"/>: region and sector exist, the employer
/// is within the requester's scope (county: its region; department: its sector), and an upsert by credit code — the
/// region of a registered employer does not change (as through the API), and a code registered for another kind of
/// organization is refused.
/// </summary>
public sealed class EmployerImportRules
{
    private readonly ImportHeader header;
    private readonly DateTime now;
    private readonly AccessScope scope;
    private readonly int code, name, ownership, region, department;

    /// <summary>Creates the rules for one file.</summary>
    public EmployerImportRules(ImportHeader header, DateTime now, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(header);
        this.header = header;
        this.now = now;
        this.scope = scope;
        var schema = header.Schema;
        (code, name, ownership, region, department) = (schema.IndexOf("creditCode"), schema.IndexOf("name"), schema.IndexOf("ownership"), schema.IndexOf("regionCode"), schema.IndexOf("departmentCode"));
    }

    /// <summary>The field rules of one row; null when it has errors (recorded).</summary>
    public ValidEmployer? Check(ImportRow row, ImportErrorCollector errors)
    {
        ArgumentNullException.ThrowIfNull(row);
        var v = row.Values;
        var input = new EmployerInput { CreditCode = v[code], Name = v[name], Ownership = v[ownership], RegionCode = v[region], DepartmentCode = v[department] };
        var (valid, fieldErrors) = EmployerRules.Validate(input, row.Number);
        return ImportRowChecks.Report(row, fieldErrors, header, errors) ? valid : null;
    }

    /// <summary>Applies the look-ups to a checked row; null when it has errors (recorded).</summary>
    public EmployerChange? Resolve(int row, ValidEmployer value, EmployerLookups lookups, ImportErrorCollector errors)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(lookups);
        ArgumentNullException.ThrowIfNull(errors);
        var failed = false;
        void Fail(string field, string errorCode, string message)
        {
            errors.Add(row, new FieldError(field, errorCode, message, row), header);
            failed = true;
        }

        if (!lookups.Regions.Contains(value.RegionCode))
        {
            Fail("regionCode", "region.not_found", $"所属区域代码“{value.RegionCode}”不存在。");
        }

        if (value.DepartmentCode is not null && !lookups.Departments.Contains(value.DepartmentCode))
        {
            Fail("departmentCode", "department.not_found", $"所属行业代码“{value.DepartmentCode}”不存在。");
        }

        if (failed)
        {
            return null;
        }

        lookups.Existing.TryGetValue(value.CreditCode.Value, out var existing);
        if (existing is { IsEmployer: false })
        {
            Fail("creditCode", "organization.duplicate", "该统一社会信用代码已登记为其他类型的机构（如施教机构），不能再登记为用人单位。");
            return null;
        }

        if (existing is { Visible: false } || (existing is not null && !scope.CanSee(existing.RegionCode, existing.DepartmentCode, null)))
        {
            Fail("creditCode", ImportRowChecks.OutOfScope, "该用人单位已在平台登记，但不在您的管理范围内。");
            return null;
        }

        if (!scope.CanSee(value.RegionCode, value.DepartmentCode, null))
        {
            Fail(scope.RegionCodes.Count > 0 ? "regionCode" : "departmentCode", ImportRowChecks.OutOfScope, "县（市、区）管理员只能登记本地区的用人单位，行业主管部门管理员只能登记本行业的用人单位。");
            return null;
        }

        if (existing is null)
        {
            var parent = lookups.ParentFor(value.RegionCode);
            var created = new Employer
            {
                Code = value.CreditCode.Value,
                Name = value.Name,
                Ownership = value.Ownership,
                RegionCode = value.RegionCode,
                DepartmentCode = value.DepartmentCode,
                ParentId = parent,
                CreatedAt = now,
            };
            return new EmployerChange(row, ImportAction.Create, created, Guid.Empty, []);
        }

        if (existing.RegionCode != value.RegionCode)
        {
            Fail("regionCode", "employer.region_immutable", $"用人单位的所属区域登记后不能修改（现为“{existing.RegionCode}”）；如单位迁址，请联系市项目办。");
            return null;
        }

        var changed = new List<string>();
        var record = new Employer
        {
            Id = existing.Id,
            Code = value.CreditCode.Value,
            Name = existing.Name,
            Ownership = existing.Ownership,
            RegionCode = existing.RegionCode,
            DepartmentCode = existing.DepartmentCode,
        };
        if (value.Name != existing.Name)
        {
            record.Name = value.Name;
            changed.Add(nameof(Employer.Name));
        }

        if (value.Ownership != existing.Ownership)
        {
            record.Ownership = value.Ownership;
            changed.Add(nameof(Employer.Ownership));
        }

        if (header.Has(department) && value.DepartmentCode != existing.DepartmentCode)
        {
            record.DepartmentCode = value.DepartmentCode;
            changed.Add(nameof(Employer.DepartmentCode));
        }

        return new EmployerChange(row, changed.Count == 0 ? ImportAction.Unchanged : ImportAction.Update, record, existing.ConcurrencyStamp, changed, existing);
    }
}
