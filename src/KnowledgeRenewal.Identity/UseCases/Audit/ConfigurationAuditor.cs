using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Identity.UseCases.Audit;

/// <summary>
/// Records configuration changes in the audit log: at every start the effective settings that govern the platform
/// (modules, security, audit, OData limits, rules, platform options, provider) are compared with those of the
/// previous start; each change becomes an audit record — module switches as <see cref="AuditActions.ModuleToggled"/>.
/// Secret values (keys, passwords, connection strings) are never stored or recorded; only that they changed.
/// </summary>
internal sealed class ConfigurationAuditor(PlatformDbContext db, IConfiguration configuration, IAuditTrail audit, TimeProvider clock) : IStartupStep
{
    /// <inheritdoc />
    public string Name => "configuration audit";

    /// <inheritdoc />
    public int Order => 30;

    /// <inheritdoc />
    Task IStartupStep.RunAsync(CancellationToken cancellationToken) => AuditChangesAsync(cancellationToken);

    private static readonly string[] Sections = ["Modules", "Security", "Audit", "OData", "CreditRules", "Platform", "Database", "Telemetry"];
    private static readonly string[] SecretMarkers = ["key", "secret", "password", "connectionstring", "scrapetoken", "otlp:headers"];

    /// <summary>Compares, records and remembers the current settings.</summary>
    public async Task AuditChangesAsync(CancellationToken cancellationToken)
    {
        var current = Snapshot();
        var stored = await db.ConfigurationSettings.ToDictionaryAsync(s => s.Key, StringComparer.OrdinalIgnoreCase, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        var events = new List<AuditEvent>();
        if (stored.Count == 0)
        {
            events.Add(new AuditEvent(AuditActions.ConfigurationChanged, EntityType: "Configuration", Details: $"baseline: {current.Count} settings"));
        }
        else
        {
            foreach (var key in current.Keys.Union(stored.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))
            {
                var before = stored.GetValueOrDefault(key)?.Value;
                var after = current.GetValueOrDefault(key);
                if (!string.Equals(before, after, StringComparison.Ordinal))
                {
                    events.Add(Change(key, before, after));
                }
            }
        }

        foreach (var (key, value) in current)
        {
            if (!stored.TryGetValue(key, out var setting))
            {
                db.ConfigurationSettings.Add(new ConfigurationSetting { Key = key, Value = value, ChangedAt = now });
            }
            else if (!string.Equals(setting.Value, value, StringComparison.Ordinal))
            {
                setting.Value = value;
                setting.ChangedAt = now;
            }
        }

        db.ConfigurationSettings.RemoveRange(stored.Values.Where(s => !current.ContainsKey(s.Key)));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var auditEvent in events)
        {
            await audit.RecordAsync(auditEvent, cancellationToken).ConfigureAwait(false);
        }
    }

    private static AuditEvent Change(string key, string? before, string? after)
    {
        var isToggle = key.StartsWith("Modules:", StringComparison.OrdinalIgnoreCase) && key.EndsWith(":Enabled", StringComparison.OrdinalIgnoreCase);
        return new AuditEvent(
            isToggle ? AuditActions.ModuleToggled : AuditActions.ConfigurationChanged,
            EntityType: isToggle ? "Module" : "Configuration",
            EntityKey: isToggle ? key.Split(':')[1] : key,
            Details: $"{key}: {before ?? "(unset)"} → {after ?? "(unset)"}");
    }

    private Dictionary<string, string?> Snapshot()
    {
        var snapshot = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in Sections)
        {
            foreach (var (key, value) in configuration.GetSection(section).AsEnumerable())
            {
                if (value is not null)
                {
                    snapshot[key] = IsSecret(key) ? "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)))[..12] : value;
                }
            }
        }

        return snapshot;
    }

    private static bool IsSecret(string key) =>
        SecretMarkers.Any(marker => key.Replace("_", "", StringComparison.Ordinal).Contains(marker, StringComparison.OrdinalIgnoreCase));
}
