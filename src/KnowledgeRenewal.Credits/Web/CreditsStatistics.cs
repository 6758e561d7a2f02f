using KnowledgeRenewal.Sdk;
using Ardalis.Specification;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Domain;

namespace KnowledgeRenewal.Credits.Web;

/// <summary>Active public subjects.</summary>
public sealed class PublicSubjectStatistic(IReadRepositoryBase<Subject> subjects) : IPlatformStatistic
{
    /// <inheritdoc />
    public string Label => "公需科目";

    /// <inheritdoc />
    public string Unit => "门";

    /// <inheritdoc />
    public int Order => 30;

    /// <inheritdoc />
    public async Task<long> CountAsync(CancellationToken cancellationToken) =>
        await subjects.CountAsync(new ActiveSubjectsInCategory(CreditCategory.Public), cancellationToken).ConfigureAwait(false);
}

/// <summary>Active professional subjects of the enabled modules.</summary>
public sealed class ProfessionalSubjectStatistic(IReadRepositoryBase<Subject> subjects) : IPlatformStatistic
{
    /// <inheritdoc />
    public string Label => "专业科目（已启用模块）";

    /// <inheritdoc />
    public string Unit => "门";

    /// <inheritdoc />
    public int Order => 40;

    /// <inheritdoc />
    public async Task<long> CountAsync(CancellationToken cancellationToken) =>
        await subjects.CountAsync(new ActiveSubjectsInCategory(CreditCategory.Professional), cancellationToken).ConfigureAwait(false);
}

/// <summary>Enabled modules.</summary>
public sealed class ModuleStatistic(ModuleRegistry registry) : IPlatformStatistic
{
    /// <inheritdoc />
    public string Label => "已启用行业模块";

    /// <inheritdoc />
    public string Unit => "个";

    /// <inheritdoc />
    public int Order => 50;

    /// <inheritdoc />
    public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult((long)registry.Enabled.Count);
}

/// <summary>Approved credit records in the ledger (an aggregate, as above).</summary>
public sealed class ApprovedCreditRecordStatistic(IReadRepositoryBase<CreditRecord> records) : IPlatformStatistic
{
    /// <inheritdoc />
    public string Label => "已认定学时记录";

    /// <inheritdoc />
    public string Unit => "条";

    /// <inheritdoc />
    public int Order => 80;

    /// <inheritdoc />
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        using var system = SystemScope.Enter();
        return await records.CountAsync(new CreditRecordsInStatus(CreditRecordStatus.Approved), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Credit records with the given status.</summary>
public sealed class CreditRecordsInStatus : Specification<CreditRecord>
{
    /// <summary>Creates the specification.</summary>
    public CreditRecordsInStatus(CreditRecordStatus status)
    {
        Query.Where(r => r.Status == status);
    }
}
