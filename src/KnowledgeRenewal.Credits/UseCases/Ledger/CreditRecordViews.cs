using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Ledger;

/// <summary>
/// Reads credit-record views: the record through the caller's scope filter, the person through the professionals'
/// filter, the provider's name (a public registry fact) past it.
/// </summary>
internal static class CreditRecordViews
{
    /// <summary>One record as the caller may see it, with its stamp; 404 otherwise.</summary>
    public static async Task<Versioned<CreditRecordView>> GetAsync(PlatformDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var found = await db.CreditRecords.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.ConcurrencyStamp })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw NotFound(id);
        var view = await Project(db.CreditRecords.AsNoTracking().Where(r => r.Id == id)).FirstAsync(cancellationToken).ConfigureAwait(false);
        return new Versioned<CreditRecordView>((await WithProviderNamesAsync(db, [view], cancellationToken).ConfigureAwait(false))[0], found.ConcurrencyStamp);
    }

    /// <summary>404 for a record that does not exist or is outside the caller's scope.</summary>
    public static NotFoundException NotFound(Guid id) => new("学时记录", id);

    /// <summary>The view of each record (the person through the professionals' scope filter), in the database.</summary>
    public static IQueryable<CreditRecordView> Project(IQueryable<CreditRecord> records) =>
        records.Select(r => new CreditRecordView
        {
            Id = r.Id,
            ProfessionalId = r.ProfessionalId,
            PersonName = r.Professional!.Name,
            PersonIdNumber = r.Professional!.IdNumberMasked,
            Date = r.Date,
            CreditYear = r.CreditYear,
            Category = r.Category,
            SubjectCode = r.SubjectCode,
            SubjectName = r.SubjectName,
            ModuleKey = r.ModuleKey,
            Activity = r.Activity,
            CreditClass = r.CreditClass,
            Hours = r.HoursDecimal,
            EnteredAmount = r.EnteredAmount,
            EnteredUnit = r.EnteredUnit,
            Title = r.Title,
            Source = r.Source,
            ProviderId = r.ProviderId,
            ClassId = r.ClassId,
            DeclarationId = r.DeclarationId,
            DigitalTrainingId = r.DigitalTrainingId,
            ImportJobId = r.ImportJobId,
            SourceFile = r.SourceFile,
            ExternalReference = r.ExternalReference,
            Status = r.Status,
            RecordedBy = r.RecordedByName,
            RecordedAt = r.RecordedAt,
            ReviewedBy = r.ReviewedByName,
            ReviewedAt = r.ReviewedAt,
            ReviewReason = r.ReviewReason,
            RevokedBy = r.RevokedByName,
            RevokedAt = r.RevokedAt,
            RevocationReason = r.RevocationReason,
            CorrectedByRecordId = r.CorrectedByRecordId,
            CorrectsRecordId = r.CorrectsRecordId,
            Flag = r.Flag,
            FlagDetail = r.FlagDetail,
        });

    /// <summary>
    /// The views with their providers' names. Provider names are public registry facts: shown whoever the caller is
    /// (the record itself is in scope).
    /// </summary>
    public static async Task<IReadOnlyList<CreditRecordView>> WithProviderNamesAsync(PlatformDbContext db, IReadOnlyList<CreditRecordView> items, CancellationToken cancellationToken)
    {
        var ids = items.Where(i => i.ProviderId is not null).Select(i => i.ProviderId!.Value).Distinct().ToList();
        if (ids.Count == 0)
        {
            return items;
        }

        var names = await db.TrainingProviders.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken).ConfigureAwait(false);
        return [.. items.Select(i => i.ProviderId is { } id ? i with { ProviderName = names.GetValueOrDefault(id) } : i)];
    }

    /// <summary>
    /// The views with their classes' titles (the record is in scope; the class it came from is part of its provenance).
    /// </summary>
    public static async Task<IReadOnlyList<CreditRecordView>> WithClassTitlesAsync(PlatformDbContext db, IReadOnlyList<CreditRecordView> items, CancellationToken cancellationToken)
    {
        var ids = items.Where(i => i.ClassId is not null).Select(i => i.ClassId!.Value).Distinct().ToList();
        if (ids.Count == 0)
        {
            return items;
        }

        var titles = await db.TrainingClasses.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken).ConfigureAwait(false);
        return [.. items.Select(i => i.ClassId is { } id ? i with { ClassTitle = titles.GetValueOrDefault(id) } : i)];
    }
}
