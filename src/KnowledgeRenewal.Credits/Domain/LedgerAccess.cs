using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Credits.Domain;

/// <summary>
/// Who may do what with the ledger. Reading follows the data layer's scope (a person's records are visible to
/// whoever may see the person now, and a provider sees the records of its own classes). Recording approved hours by
/// hand, reviewing pending records and revoking approved ones is for the authorities over the person: the program
/// office, the county administrator of the person's region, the department administrator of the person's sector.
/// Providers record through rosters, professionals through declarations; the separated administrators never.
/// </summary>
public static class LedgerAccess
{
    /// <summary>Roles that record, review and revoke by hand.</summary>
    public static IReadOnlyList<string> Authorities { get; } =
        [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin];

    /// <summary>Whether <paramref name="caller"/> is an authority over <paramref name="person"/> (their region, sector or everything).</summary>
    public static bool IsAuthorityOver(ICurrentAccess caller, Professional person)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(person);
        return caller.Roles.Any(Authorities.Contains) && caller.Scope.CanSee(person.RegionCode, person.DepartmentCode, null);
    }

    /// <summary>403 <c>ledger.not_entitled</c> unless <paramref name="caller"/> is an authority over <paramref name="person"/>; <paramref name="action"/> names what was refused.</summary>
    public static void EnsureAuthorityOver(ICurrentAccess caller, Professional person, string action)
    {
        if (!IsAuthorityOver(caller, person))
        {
            throw new LedgerException(
                LedgerProblemCodes.NotEntitled,
                403,
                $"只有项目办、该人员所在县（市、区）人社部门或所属行业主管部门可以{action}。");
        }
    }
}
