using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Credits.Web;
namespace KnowledgeRenewal.Credits.UseCases.Ledger;

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

    /// <summary>The current caller as a ledger actor.</summary>
    public static LedgerActor Actor(IAuditActorProvider actors)
    {
        ArgumentNullException.ThrowIfNull(actors);
        var actor = actors.Current;
        return new LedgerActor(actor.UserId, actor.Name);
    }

    /// <summary>403 unless the caller is an authority over <paramref name="person"/> (their region, sector or everything).</summary>
    public static void EnsureAuthorityOver(ICurrentAccess access, Professional person, string action)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(person);
        if (!access.Roles.Any(Authorities.Contains) || !access.Scope.CanSee(person.RegionCode, person.DepartmentCode, null))
        {
            throw new LedgerException(
                LedgerProblemCodes.NotEntitled,
                StatusCodes.Status403Forbidden,
                $"只有项目办、该人员所在县（市、区）人社部门或所属行业主管部门可以{action}。");
        }
    }
}
