using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Registry.UseCases;
using KnowledgeRenewal.Registry.Web;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.UseCases.Ledger;

/// <summary>Credit records within the caller's scope, newest first.</summary>
public sealed record ListCreditRecords(
    Guid? ProfessionalId,
    int? Year,
    CreditRecordStatus? Status,
    RecordSource? Source,
    Guid? ClassId,
    Guid? ProviderId,
    bool? Flagged,
    int Page,
    int PageSize) : IRequest<CreditRecordPage>;

/// <summary>One credit record with its ETag.</summary>
public sealed record GetCreditRecord(Guid Id) : IRequest<Versioned<CreditRecordView>>;

/// <summary>Reads the ledger (the data layer's scope filter decides what the caller sees).</summary>
public sealed class LedgerQueries(PlatformDbContext db) :
    IRequestHandler<ListCreditRecords, CreditRecordPage>,
    IRequestHandler<GetCreditRecord, Versioned<CreditRecordView>>
{
    /// <summary>Most records per page.</summary>
    public const int MaxPageSize = 200;

    /// <inheritdoc />
    public async Task<CreditRecordPage> Handle(ListCreditRecords request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = Math.Max(1, request.Page);
        var size = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var query = db.CreditRecords.AsNoTracking();
        if (request.ProfessionalId is { } person)
        {
            query = query.Where(r => r.ProfessionalId == person);
        }

        if (request.Year is { } year)
        {
            query = query.Where(r => r.CreditYear == year);
        }

        if (request.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (request.Source is { } source)
        {
            query = query.Where(r => r.Source == source);
        }

        if (request.ClassId is { } classId)
        {
            query = query.Where(r => r.ClassId == classId);
        }

        if (request.ProviderId is { } providerId)
        {
            query = query.Where(r => r.ProviderId == providerId);
        }

        if (request.Flagged is { } flagged)
        {
            query = flagged ? query.Where(r => r.Flag != null) : query.Where(r => r.Flag == null);
        }

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await Project(query.OrderByDescending(r => r.Date).ThenByDescending(r => r.Id).Skip((page - 1) * size).Take(size))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new CreditRecordPage(await WithProviderNamesAsync(db, items, cancellationToken).ConfigureAwait(false), total, page, size);
    }

    /// <inheritdoc />
    public async Task<Versioned<CreditRecordView>> Handle(GetCreditRecord request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await GetAsync(db, request.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One record as the caller may see it, with its stamp; 404 otherwise.</summary>
    public static async Task<Versioned<CreditRecordView>> GetAsync(PlatformDbContext db, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await db.CreditRecords.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.ConcurrencyStamp })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw NotFound(id);
        var view = await Project(db.CreditRecords.AsNoTracking().Where(r => r.Id == id)).FirstAsync(cancellationToken).ConfigureAwait(false);
        return new Versioned<CreditRecordView>((await WithProviderNamesAsync(db, [view], cancellationToken).ConfigureAwait(false))[0], found.ConcurrencyStamp);
    }

    /// <summary>404 for a record that does not exist or is outside the caller's scope.</summary>
    public static NotFoundException NotFound(Guid id) => new("学时记录", id);

    /// <summary>The view of each record (the person through the professionals' scope filter).</summary>
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

    // Provider names are public registry facts: shown whoever the caller is (the record itself is in scope).
    private static async Task<IReadOnlyList<CreditRecordView>> WithProviderNamesAsync(PlatformDbContext db, List<CreditRecordView> items, CancellationToken cancellationToken)
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
}
