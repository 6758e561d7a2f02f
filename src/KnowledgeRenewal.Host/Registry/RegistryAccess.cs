using System.Security.Claims;
using KnowledgeRenewal.Core.Identity;
using KnowledgeRenewal.Core.Registry;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace KnowledgeRenewal.Host.Registry;

/// <summary>Stable problem codes of the registry.</summary>
public static class RegistryProblemCodes
{
    /// <summary>The caller's role may not change this kind of registry record.</summary>
    public const string WriteForbidden = "registry.write_forbidden";

    /// <summary>The record (or, for a create or move, the employer or the resulting record) is outside the caller's scope.</summary>
    public const string OutOfScope = "registry.out_of_scope";

    /// <summary>A professional with this resident ID number is registered already.</summary>
    public const string ProfessionalDuplicate = "professional.duplicate";

    /// <summary>An organization with this unified social credit code is registered already.</summary>
    public const string CreditCodeDuplicate = "organization.duplicate";

    /// <summary>An update did not send <c>If-Match</c> with the entity tag it read (428).</summary>
    public const string PreconditionRequired = "concurrency.precondition_required";

    /// <summary>The record changed since the caller read it (412): read it again and repeat the change.</summary>
    public const string Stale = "concurrency.stale";

    /// <summary>Unmasking personal data needs the permission (or one's own record).</summary>
    public const string UnmaskForbidden = "personal_data.unmask_forbidden";
}

/// <summary>
/// Who may read the registry: every business role (what each sees is then cut by the data layer's access-scope
/// filter) and integrator clients granted the named feed scope — <see cref="FeedScopes.Registry"/> for professionals
/// and employment history, <see cref="FeedScopes.Organizations"/> for employers, providers and bases. The system,
/// security and audit administrators are refused (403): the registry is business data. A signed-in caller is
/// required (401 otherwise).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class RegistryReadersAttribute(string feedScope) : Attribute, IAuthorizationRequirementData
{
    /// <summary>Roles that read business data.</summary>
    internal static readonly string[] BusinessRoles = [.. PlatformRoles.All.Except(PlatformRoles.SeparatedAdministrators)];

    /// <summary>The feed scope an integrator client needs.</summary>
    public string FeedScope { get; } = feedScope;

    /// <summary>Whether <paramref name="user"/> may read registry records of <paramref name="feedScope"/>.</summary>
    public static bool IsAllowed(ClaimsPrincipal user, string feedScope)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true
            && (BusinessRoles.Any(user.IsInRole)
                || user.FindAll(PlatformClaims.Scope).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Contains(feedScope));
    }

    /// <inheritdoc />
    public IEnumerable<IAuthorizationRequirement> GetRequirements() =>
        [new DenyAnonymousAuthorizationRequirement(), new AssertionRequirement(context => IsAllowed(context.User, FeedScope))];
}

/// <summary>
/// Who may change registry records, and where: the program office everything; a county administrator its region;
/// a department administrator its sector; employer HR its own staff (professionals only). Professionals do not
/// edit their own record here, providers and the separated administrators change nothing (403).
/// </summary>
public static class RegistryWriters
{
    /// <summary>Roles that may register and change professionals.</summary>
    public static IReadOnlyList<string> ProfessionalWriters { get; } =
        [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin, PlatformRoles.EmployerHr];

    /// <summary>Roles that may register and change employers.</summary>
    public static IReadOnlyList<string> EmployerWriters { get; } =
        [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin];

    /// <summary>403 unless the caller holds one of <paramref name="roles"/>.</summary>
    public static void EnsureRole(ICurrentAccess access, IReadOnlyList<string> roles, string what)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(roles);
        if (!access.Roles.Any(roles.Contains))
        {
            throw new PlatformException(RegistryProblemCodes.WriteForbidden, StatusCodes.Status403Forbidden, "无权修改该数据", $"您的角色不能登记或修改{what}。");
        }
    }

    /// <summary>
    /// 403 unless a record owned by <paramref name="regionCode"/>, <paramref name="departmentCode"/> and
    /// <paramref name="organizationId"/> is within the caller's own scope (region, sector or organization — never
    /// through "self" or a feed).
    /// </summary>
    public static void EnsureInScope(ICurrentAccess access, string? regionCode, string? departmentCode, Guid? organizationId, string detail)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (!access.Scope.CanSee(regionCode, departmentCode, organizationId))
        {
            throw new PlatformException(RegistryProblemCodes.OutOfScope, StatusCodes.Status403Forbidden, "超出管理范围", detail);
        }
    }
}

/// <summary>Optimistic concurrency of registry updates: <c>If-Match</c> with the entity tag read (see <see cref="EntityTag"/>).</summary>
public static class Preconditions
{
    /// <summary>
    /// The stamp the client read, when it is the current one; 428 when no entity tag was sent, 412 when it is stale.
    /// The caller sets it as the original value of the concurrency token, so a change committed in between still
    /// fails (412) in the database.
    /// </summary>
    public static Guid Require(string? ifMatch, Guid current) => EntityTag.Check(ifMatch, current, out var sent) switch
    {
        EntityTagMatch.Current => sent!.Value,
        EntityTagMatch.Stale => throw Stale(),
        _ => throw new PlatformException(
            RegistryProblemCodes.PreconditionRequired,
            StatusCodes.Status428PreconditionRequired,
            "缺少版本标识",
            "修改前请先读取该记录，并在 If-Match 请求头中带上读取时返回的 ETag，以免覆盖他人的修改。"),
    };

    /// <summary>412: the record changed since it was read.</summary>
    public static PlatformException Stale() => new(
        RegistryProblemCodes.Stale,
        StatusCodes.Status412PreconditionFailed,
        "数据已被他人修改",
        "该记录在您读取之后已被修改，请重新读取（获取新的 ETag）后再提交修改。");
}

/// <summary>A view and the entity tag of the record it shows (the endpoint writes the <c>ETag</c> header).</summary>
/// <typeparam name="T">The view.</typeparam>
/// <param name="Value">The view.</param>
/// <param name="Stamp">The record's concurrency stamp.</param>
public sealed record Versioned<T>(T Value, Guid Stamp);
