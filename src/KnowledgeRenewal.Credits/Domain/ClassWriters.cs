using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Credits.Domain;

/// <summary>
/// Who may create and change classes and upload their rosters: a training provider's staff for their own provider's
/// classes, the program office for any provider's. Everyone else — counties and sectors that may read the classes
/// aimed at them included — changes nothing (403).
/// </summary>
public static class ClassWriters
{
    /// <summary>Roles that run classes.</summary>
    public static IReadOnlyList<string> Roles { get; } = [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.ProviderStaff];

    /// <summary>Whether the caller acts for the program office.</summary>
    public static bool IsProgramOffice(ICurrentAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Roles.Contains(PlatformRoles.ProgramOfficeAdmin) && access.Scope.AllBusinessData;
    }

    /// <summary>403 unless the caller is the program office or staff of the provider running <paramref name="trainingClass"/>.</summary>
    public static void EnsureRunsClass(ICurrentAccess access, TrainingClass trainingClass)
    {
        ArgumentNullException.ThrowIfNull(trainingClass);
        EnsureForProvider(access, trainingClass.ProviderId);
    }

    /// <summary>403 unless the caller is the program office or staff of <paramref name="providerId"/>.</summary>
    public static void EnsureForProvider(ICurrentAccess access, Guid providerId)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (IsProgramOffice(access) || (access.Roles.Contains(PlatformRoles.ProviderStaff) && access.OrganizationId == providerId))
        {
            return;
        }

        throw NotProvider();
    }

    /// <summary>403: only the class's provider or the program office.</summary>
    public static PlatformException NotProvider() =>
        new(RosterProblemCodes.NotClassProvider, 403, "无权操作该班次", "只有开办该班次的施教机构或市项目办可以登记、修改班次和上传学员名单。");
}
