using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Identity.UseCases.Accounts;

/// <summary>Role-list rules shared by account creation and role changes.</summary>
internal static class RoleMessages
{
    public const string Required = "角色（roles）至少选择一个。";

    public static bool Exists(string? role) => role is not null && PlatformRoles.All.Contains(role);

    public static string Unknown(string? role) => $"角色“{role}”不存在。";
}
