using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Registry.Domain;

/// <summary>Where a professional belongs: the region and sector that decide who sees and manages the record.</summary>
/// <param name="RegionCode">所属区域 — always the employer's.</param>
/// <param name="DepartmentCode">所属行业 — the employer's; stated (or kept) only when the employer has none.</param>
public sealed record ProfessionalOwners(string RegionCode, string DepartmentCode);

/// <summary>
/// The one rule of a professional's ownership, used by every registry write that sets it (registration through the
/// API, the bulk import's creates and updates, a move): region and sector derive from the employer, never from what
/// a client sends. A stated region or sector that differs from the employer's is refused (a field error in Chinese
/// with a stable code), not silently replaced. Only where the employer has no sector may the stated sector supply it
/// — a known sector, and (see <see cref="MayRegister"/>) one within the caller's own scope; without one the person
/// keeps their current sector (a move), or the field is required. An update at the same employer
/// (<see cref="Keep"/>) leaves what it does not state as it is.
/// </summary>
public static class ProfessionalOwnership
{
    /// <summary>The stated region is not the employer's.</summary>
    public const string RegionNotEmployers = "professional.region_not_employer";

    /// <summary>The stated sector is not the employer's.</summary>
    public const string DepartmentNotEmployers = "professional.department_not_employer";

    /// <summary>
    /// Code of a registration the caller may not make — the person would belong outside the caller's scope, or the
    /// ID number is registered outside it. Both answer alike (<see cref="CannotRegisterTitle"/>,
    /// <see cref="CannotRegisterMessage"/>), so the refusal does not say whether the person is registered elsewhere.
    /// The same code as every other scope refusal of the registry.
    /// </summary>
    public const string CannotRegister = "registry.out_of_scope";

    /// <summary>Title of <see cref="CannotRegister"/>.</summary>
    public const string CannotRegisterTitle = "无法在此登记";

    /// <summary>Chinese message of <see cref="CannotRegister"/>: nothing beyond "not here; ask the program office".</summary>
    public const string CannotRegisterMessage = "无法在本地区、本行业或本单位登记该人员。如需登记或办理调入，请联系市项目办。";

    /// <summary>
    /// Derives the owners of a professional at <paramref name="employerRegionCode"/> /
    /// <paramref name="employerDepartmentCode"/> (a registration, a move); null with the errors (fields
    /// <c>regionCode</c>, <c>departmentCode</c>) when a stated value contradicts the employer or no sector can be found.
    /// </summary>
    /// <param name="employerRegionCode">The employer's region.</param>
    /// <param name="employerDepartmentCode">The employer's sector, if it has one.</param>
    /// <param name="statedRegionCode">The region a client sent, if any (must be the employer's).</param>
    /// <param name="statedDepartmentCode">The sector a client sent, if any (must be the employer's when it has one).</param>
    /// <param name="currentDepartmentCode">The person's sector now (a move), kept when the employer has none and none is stated.</param>
    /// <param name="isKnownDepartment">Whether a sector code exists.</param>
    /// <param name="row">The spreadsheet row, for an import's errors.</param>
    public static (ProfessionalOwners? Owners, IReadOnlyList<FieldError> Errors) Derive(
        string employerRegionCode,
        string? employerDepartmentCode,
        string? statedRegionCode,
        string? statedDepartmentCode,
        string? currentDepartmentCode,
        Func<string, bool> isKnownDepartment,
        int? row = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(employerRegionCode);
        ArgumentNullException.ThrowIfNull(isKnownDepartment);
        var errors = new List<FieldError>();
        var statedRegion = Clean(statedRegionCode);
        var statedDepartment = Clean(statedDepartmentCode);
        if (statedRegion is not null && statedRegion != employerRegionCode)
        {
            errors.Add(RegionError(employerRegionCode, statedRegion, row));
        }

        string? department;
        if (employerDepartmentCode is not null)
        {
            department = employerDepartmentCode;
            if (statedDepartment is not null && statedDepartment != employerDepartmentCode)
            {
                errors.Add(DepartmentError(employerDepartmentCode, statedDepartment, row));
            }
        }
        else if (statedDepartment is not null)
        {
            department = statedDepartment;
            if (!isKnownDepartment(statedDepartment))
            {
                errors.Add(UnknownDepartment(statedDepartment, row));
            }
        }
        else
        {
            department = currentDepartmentCode;
            if (department is null)
            {
                errors.Add(new FieldError("departmentCode", "required", "请填写所属行业代码（工作单位未登记所属行业时须填写）。", row));
            }
        }

        return errors.Count > 0 ? (null, errors) : (new ProfessionalOwners(employerRegionCode, department!), errors);
    }

    /// <summary>
    /// The owners after an update of someone who stays at the same employer (the import's upsert): what is not stated
    /// stays as it is — a record that disagrees with its employer (the program office may have placed it so) is not
    /// silently moved by a routine update — and a stated value must be the current one (the round trip of an export)
    /// or the employer's (a correction); where the employer has no sector, a known stated sector replaces the current
    /// one. Anything else is refused with the errors of <see cref="Derive"/>. A change of employer is a move:
    /// <see cref="Derive"/>.
    /// </summary>
    /// <param name="current">The person's owners now.</param>
    /// <param name="employerRegionCode">The employer's region.</param>
    /// <param name="employerDepartmentCode">The employer's sector, if it has one.</param>
    /// <param name="statedRegionCode">The region a client sent, if any.</param>
    /// <param name="statedDepartmentCode">The sector a client sent, if any.</param>
    /// <param name="isKnownDepartment">Whether a sector code exists.</param>
    /// <param name="row">The spreadsheet row, for an import's errors.</param>
    public static (ProfessionalOwners? Owners, IReadOnlyList<FieldError> Errors) Keep(
        ProfessionalOwners current,
        string employerRegionCode,
        string? employerDepartmentCode,
        string? statedRegionCode,
        string? statedDepartmentCode,
        Func<string, bool> isKnownDepartment,
        int? row = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(isKnownDepartment);
        var errors = new List<FieldError>();
        var region = current.RegionCode;
        if (Clean(statedRegionCode) is { } statedRegion && statedRegion != current.RegionCode)
        {
            if (statedRegion == employerRegionCode)
            {
                region = employerRegionCode;
            }
            else
            {
                errors.Add(RegionError(employerRegionCode, statedRegion, row));
            }
        }

        var department = current.DepartmentCode;
        if (Clean(statedDepartmentCode) is { } statedDepartment && statedDepartment != current.DepartmentCode)
        {
            if (employerDepartmentCode is null ? isKnownDepartment(statedDepartment) : statedDepartment == employerDepartmentCode)
            {
                department = statedDepartment;
            }
            else
            {
                errors.Add(employerDepartmentCode is null ? UnknownDepartment(statedDepartment, row) : DepartmentError(employerDepartmentCode, statedDepartment, row));
            }
        }

        return errors.Count > 0 ? (null, errors) : (new ProfessionalOwners(region, department), errors);
    }

    /// <summary>
    /// The refusal of a registration (or move) the caller may not make: 403 <see cref="CannotRegister"/>, worded alike
    /// whether the person would belong outside the caller's scope or is registered outside it.
    /// </summary>
    public static PlatformException Refusal() => new(CannotRegister, 403, CannotRegisterTitle, CannotRegisterMessage);

    /// <summary>
    /// Whether a caller with <paramref name="scope"/> may register (or move) someone to <paramref name="owners"/> at
    /// <paramref name="employerId"/>: the region, the sector or the employer must be the caller's own — a department
    /// administrator only its own sector, never through "self" or a feed.
    /// </summary>
    public static bool MayRegister(AccessScope scope, ProfessionalOwners owners, Guid employerId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(owners);
        return scope.CanSee(owners.RegionCode, owners.DepartmentCode, employerId);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static FieldError RegionError(string employerRegionCode, string stated, int? row) => new(
        "regionCode",
        RegionNotEmployers,
        $"所属区域由工作单位决定：该单位属于“{employerRegionCode}”，不能填写“{stated}”。请留空或填写单位所属区域；如人员已到其他单位工作，请办理调动。",
        row);

    private static FieldError DepartmentError(string employerDepartmentCode, string stated, int? row) => new(
        "departmentCode",
        DepartmentNotEmployers,
        $"所属行业由工作单位决定：该单位属于“{employerDepartmentCode}”，不能填写“{stated}”。请留空或填写单位所属行业。",
        row);

    private static FieldError UnknownDepartment(string stated, int? row) => new("departmentCode", "department.not_found", $"所属行业代码“{stated}”不存在。", row);
}
