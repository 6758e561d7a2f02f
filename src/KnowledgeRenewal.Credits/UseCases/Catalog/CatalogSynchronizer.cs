using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Kernel.Demo;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.UseCases.Catalog;

/// <summary>
/// Writes the declared catalogs into the database at start-up: the core's public subjects and every enabled
/// module's professional subjects and module row. Subjects a catalog no longer declares are retired, never
/// deleted (records point at them). Disabled modules are not touched, so their rows wait for them unchanged.
/// </summary>
public sealed class CatalogSynchronizer(PlatformDbContext db, ModuleRegistry modules, TimeProvider clock) : IStartupStep
{
    /// <inheritdoc />
    public string Name => "catalogs";

    /// <inheritdoc />
    public int Order => 20;

    /// <inheritdoc />
    Task IStartupStep.RunAsync(CancellationToken cancellationToken) => SynchronizeAsync(cancellationToken);

    /// <summary>Synchronises every catalog in one transaction.</summary>
    public async Task SynchronizeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Subjects.IgnoreQueryFilters().ToDictionaryAsync(s => s.Id, cancellationToken).ConfigureAwait(false);
        Sync(Subject.PublicScope, null, PublicSubjectCatalog.OwnerDepartment, CreditCategory.Public, PublicSubjectCatalog.Subjects, existing, now);

        var installed = await db.Modules.IgnoreQueryFilters().ToDictionaryAsync(m => m.Key, cancellationToken).ConfigureAwait(false);
        foreach (var module in modules.Enabled)
        {
            var manifest = module.Manifest;
            if (!installed.TryGetValue(module.Key, out var row))
            {
                row = new InstalledModule
                {
                    Key = module.Key,
                    NameZh = manifest.NameZh,
                    NameEn = manifest.NameEn,
                    DepartmentCode = manifest.DepartmentCode,
                    Version = "",
                    RequiresSdk = "",
                    FirstStartedAt = now,
                };
                db.Modules.Add(row);
            }

            row.NameZh = manifest.NameZh;
            row.NameEn = manifest.NameEn;
            row.Description = manifest.Description;
            row.DepartmentCode = manifest.DepartmentCode;
            row.Version = manifest.Version.ToString();
            row.RequiresSdk = manifest.RequiresSdk.ToString();
            row.SubjectCount = module.ActiveSubjectCount;
            row.LastStartedAt = now;
            Sync(module.Key, module.Key, manifest.DepartmentCode, CreditCategory.Professional, module.Module.Catalog, existing, now);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Sync(
        string scope,
        string? moduleKey,
        string departmentCode,
        CreditCategory category,
        IReadOnlyList<SubjectDefinition> catalog,
        Dictionary<string, Subject> existing,
        DateTime now)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in catalog)
        {
            var id = Subject.KeyOf(scope, definition.Code);
            declared.Add(id);
            if (!existing.TryGetValue(id, out var subject))
            {
                subject = new Subject { Id = id, Code = definition.Code, Name = definition.Name, Discipline = definition.Discipline, DepartmentCode = departmentCode };
                db.Subjects.Add(subject);
                existing[id] = subject;
            }

            var status = definition.IsRetired ? SubjectStatus.Retired : SubjectStatus.Active;
            if (subject.Name != definition.Name || subject.Discipline != definition.Discipline
                || subject.DefaultCreditHours != definition.DefaultCreditHours || subject.Status != status
                || subject.Description != definition.Description || subject.DepartmentCode != departmentCode
                || subject.ModuleKey != moduleKey || subject.Category != category)
            {
                subject.Name = definition.Name;
                subject.Discipline = definition.Discipline;
                subject.DefaultCreditHours = definition.DefaultCreditHours;
                subject.Status = status;
                subject.Description = definition.Description;
                subject.DepartmentCode = departmentCode;
                subject.ModuleKey = moduleKey;
                subject.Category = category;
                subject.UpdatedAt = now;
            }
        }

        var prefix = scope + ":";
        foreach (var gone in existing.Values.Where(s => s.Id.StartsWith(prefix, StringComparison.Ordinal) && !declared.Contains(s.Id) && s.Status != SubjectStatus.Retired))
        {
            gone.Status = SubjectStatus.Retired;
            gone.UpdatedAt = now;
        }
    }
}
