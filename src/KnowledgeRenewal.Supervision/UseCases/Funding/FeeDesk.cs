using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Funding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Supervision.UseCases.Funding;

/// <summary>Who does what with fee standards and employers' training funds (pages and endpoints use the same lists).</summary>
public static class FeeAccess
{
    /// <summary>Read fee standards within scope: the program office all, a county its region's bases, a base's staff their own.</summary>
    public static readonly string[] FeeReaders = [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.ProviderStaff];

    /// <summary>Declare: a base's staff (a training provider's staff whose organization is an active base) or the program office for any base.</summary>
    public static readonly string[] Declarers = [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.ProviderStaff];

    /// <summary>Read training funds within scope: the program office all, counties and departments theirs, an employer's HR its own.</summary>
    public static readonly string[] FundReaders = [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin, PlatformRoles.EmployerHr];

    /// <summary>Record training funds: an employer's HR for its own employer, or the program office.</summary>
    public static readonly string[] FundRecorders = [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.EmployerHr];

    /// <summary>The comma list of <see cref="FeeReaders"/>.</summary>
    public const string FeeReaderRoles = PlatformRoles.ProgramOfficeAdmin + "," + PlatformRoles.CountyAdmin + "," + PlatformRoles.ProviderStaff;

    /// <summary>The comma list of <see cref="Declarers"/>.</summary>
    public const string DeclarerRoles = PlatformRoles.ProgramOfficeAdmin + "," + PlatformRoles.ProviderStaff;

    /// <summary>The comma list of <see cref="FundReaders"/>.</summary>
    public const string FundReaderRoles = PlatformRoles.ProgramOfficeAdmin + "," + PlatformRoles.CountyAdmin + "," + PlatformRoles.DepartmentAdmin + "," + PlatformRoles.EmployerHr;
}

/// <summary>Problem codes of fee standards and training funds.</summary>
public static class FeeProblemCodes
{
    /// <summary>The caller's organization is not an active base.</summary>
    public const string NotABase = "supervision.fee_not_a_base";

    /// <summary>The fee exceeds the declared cost per trainee.</summary>
    public const string OverCost = FeeRules.OverCostCode;

    /// <summary>A standard for the base, year and kind is waiting or approved.</summary>
    public const string Exists = "supervision.fee_standard_exists";

    /// <summary>The standard is not waiting for a decision.</summary>
    public const string NotSubmitted = "supervision.fee_standard_not_submitted";

    /// <summary>The caller records only its own employer's fund.</summary>
    public const string NotOwnEmployer = "supervision.training_fund_not_own_employer";

    /// <summary>The organization named is not an employer.</summary>
    public const string NotAnEmployer = "supervision.training_fund_not_an_employer";
}

/// <summary>A fee standard as read.</summary>
public sealed record FeeStandardView(
    Guid Id, Guid BaseId, string BaseName, int Year, FeeTrainingKind Kind, string KindName, long FeeFen,
    long TeachingFen, long MaterialsFen, long VenueFen, long AccommodationFen, long OrganizationFen, long OtherFen, long CostFen, string? Note,
    FeeStandardStatus Status, string StatusName, string? ReturnReason, DateTime SubmittedAt, string? SubmittedByName, DateTime? DecidedAt, string? DecidedByName,
    bool MayDecide, bool MayRedeclare);

/// <summary>An approved fee standard as anyone reads it: the base, the fee and the cost per trainee by item.</summary>
public sealed record PublicFeeStandard(
    string BaseName, int Year, FeeTrainingKind Kind, string KindName, long FeeFen,
    long TeachingFen, long MaterialsFen, long VenueFen, long AccommodationFen, long OrganizationFen, long OtherFen, long CostFen, DateOnly ApprovedOn);

/// <summary>An employer's training fund of one year; <c>ETag</c> is what changing it sends as If-Match.</summary>
public sealed record TrainingFundView(
    Guid Id, Guid EmployerId, string EmployerName, int Year, long PayrollFen, long TrainingSpentFen, decimal Ratio, decimal Floor, bool BelowFloor,
    DateTime RecordedAt, string? RecordedByName, string ETag);

/// <summary>What the fee-standard and training-fund use cases share.</summary>
internal sealed class FeeDesk(PlatformDbContext db, TimeProvider clock, IOptions<FundingOptions> options)
{
    /// <summary>Now (UTC).</summary>
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The configured floor of the training-fund ratio.</summary>
    public decimal Floor => options.Value.TrainingFundRatioFloor;

    /// <summary>A standard within the caller's scope, or 404.</summary>
    public async Task<FeeStandard> StandardAsync(Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var set = tracked ? db.Set<FeeStandard>() : db.Set<FeeStandard>().AsNoTracking();
        return await set.FirstOrDefaultAsync(f => f.Id == id, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("收费标准", id);
    }

    /// <summary>The view of a standard for <paramref name="access"/>.</summary>
    public static FeeStandardView View(FeeStandard f, ICurrentAccess access)
    {
        ArgumentNullException.ThrowIfNull(f);
        var office = FundingAccess.IsOffice(access);
        var own = office || (access.OrganizationId == f.OrganizationId && access.Roles.Contains(PlatformRoles.ProviderStaff));
        return new FeeStandardView(f.Id, f.BaseId, f.BaseName, f.Year, f.Kind, FeeRules.KindName(f.Kind), f.FeeFen,
            f.TeachingFen, f.MaterialsFen, f.VenueFen, f.AccommodationFen, f.OrganizationFen, f.OtherFen, f.CostFen, f.Note,
            f.Status, FeeRules.StatusName(f.Status), f.ReturnReason, f.SubmittedAt, f.SubmittedByName, f.DecidedAt, f.DecidedByName,
            office && f.Status == FeeStandardStatus.Submitted, own && f.Status == FeeStandardStatus.Returned);
    }

    /// <summary>The view of a fund line with the employer's name.</summary>
    public TrainingFundView View(EmployerTrainingFund f, string employerName)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new TrainingFundView(f.Id, f.EmployerId, employerName, f.Year, f.PayrollFen, f.TrainingSpentFen,
            Math.Round(TrainingFundRules.Ratio(f.PayrollFen, f.TrainingSpentFen), 6), Floor, TrainingFundRules.BelowFloor(f.PayrollFen, f.TrainingSpentFen, Floor),
            f.RecordedAt, f.RecordedByName, EntityTag.Format(f.ConcurrencyStamp));
    }

    /// <summary>The names of <paramref name="ids"/>'s organizations (as recorded; the fund's own scope already decided who reads it).</summary>
    public async Task<Dictionary<Guid, string>> EmployerNamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.Organizations.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking().Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
}
