using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.Audit;

/// <summary>Switching a module or changing a setting between two starts is in the audit log; secrets never are.</summary>
public sealed class ConfigurationAuditTests
{
    [Fact]
    public async Task A_module_switched_off_and_a_changed_setting_are_recorded_at_the_next_start()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var first = new PlatformFactory(database, new Dictionary<string, string?> { ["Platform:DemoMode"] = "false" }))
        {
            first.CreateClient().Dispose();
        }

        await using var second = new PlatformFactory(database, new Dictionary<string, string?>
        {
            ["Platform:DemoMode"] = "false",
            ["Modules:health:Enabled"] = "false",
            ["Security:LockoutMinutes"] = "30",
            ["Security:TokenEncryptionKey"] = Convert.ToBase64String(new byte[32]),
        });
        using var auditor = await new TestAccounts(second).ClientAsync(PlatformRoles.AuditAdmin);

        var toggles = await auditor.GetJsonAsync($"/api/audit/records?action={AuditActions.ModuleToggled}");
        var changes = await auditor.GetJsonAsync($"/api/audit/records?action={AuditActions.ConfigurationChanged}&pageSize=200");

        var toggle = Assert.Single(toggles.GetProperty("items").EnumerateArray());
        Assert.Equal("health", toggle.GetProperty("entityKey").GetString());
        Assert.Equal("Modules:health:Enabled: True → false", toggle.GetProperty("details").GetString(), ignoreCase: true);
        var details = changes.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("details").GetString()).ToArray();
        Assert.Contains(details, d => d!.StartsWith("baseline:", StringComparison.Ordinal));
        Assert.Contains("Security:LockoutMinutes: 15 → 30", details);
        Assert.Contains(details, d => d!.StartsWith("Security:TokenEncryptionKey: (unset) → sha256:", StringComparison.Ordinal));
        Assert.DoesNotContain(details, d => d!.Contains(Convert.ToBase64String(new byte[32]), StringComparison.Ordinal));
    }
}
