using Ardalis.Specification;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Kernel.Persistence;

/// <summary>
/// The platform's repository over <see cref="PlatformDbContext"/>: Ardalis.Specification's repository contract,
/// evaluated by the platform's <see cref="SpecificationEvaluator"/>. Reads run without tracking unless the
/// specification asks for it; writes save immediately.
/// </summary>
public sealed class EfRepository<T>(PlatformDbContext db) : IRepositoryBase<T>
    where T : class
{
    /// <inheritdoc />
    public async Task<T> AddAsync(T entity, CancellationToken cancellationToken = default)
    {
        db.Set<T>().Add(entity);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return entity;
    }

    /// <inheritdoc />
    public async Task<IEnumerable<T>> AddRangeAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default)
    {
        var list = entities.ToList();
        db.Set<T>().AddRange(list);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return list;
    }

    /// <inheritdoc />
    public Task<int> UpdateAsync(T entity, CancellationToken cancellationToken = default)
    {
        db.Set<T>().Update(entity);
        return db.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> UpdateRangeAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default)
    {
        db.Set<T>().UpdateRange(entities);
        return db.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> DeleteAsync(T entity, CancellationToken cancellationToken = default)
    {
        db.Set<T>().Remove(entity);
        return db.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> DeleteRangeAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default)
    {
        db.Set<T>().RemoveRange(entities);
        return db.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Loads and removes the rows through the change tracker (not ExecuteDelete), so the deletion is audited.</remarks>
    public async Task<int> DeleteRangeAsync(ISpecification<T> specification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var rows = await db.Set<T>().WithSpecification(specification).AsTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        db.Set<T>().RemoveRange(rows);
        return await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => db.SaveChangesAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<T?> GetByIdAsync<TId>(TId id, CancellationToken cancellationToken = default)
        where TId : notnull =>
        await db.Set<T>().FindAsync([id], cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Query(specification).FirstOrDefaultAsync(cancellationToken);

    /// <inheritdoc />
    public Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        Query(specification).FirstOrDefaultAsync(cancellationToken);

    /// <inheritdoc />
    public Task<T?> SingleOrDefaultAsync(ISingleResultSpecification<T> specification, CancellationToken cancellationToken = default) =>
        Query(specification).SingleOrDefaultAsync(cancellationToken);

    /// <inheritdoc />
    public Task<TResult?> SingleOrDefaultAsync<TResult>(ISingleResultSpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        Query(specification).SingleOrDefaultAsync(cancellationToken);

    /// <inheritdoc />
    public Task<List<T>> ListAsync(CancellationToken cancellationToken = default) =>
        db.Set<T>().AsNoTracking().ToListAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var list = await Query(specification).ToListAsync(cancellationToken).ConfigureAwait(false);
        return specification.PostProcessingAction is null ? list : specification.PostProcessingAction(list).ToList();
    }

    /// <inheritdoc />
    public async Task<List<TResult>> ListAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var list = await Query(specification).ToListAsync(cancellationToken).ConfigureAwait(false);
        return specification.PostProcessingAction is null ? list : specification.PostProcessingAction(list).ToList();
    }

    /// <inheritdoc />
    public Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        CriteriaOnly(specification).CountAsync(cancellationToken);

    /// <inheritdoc />
    public Task<int> CountAsync(CancellationToken cancellationToken = default) => db.Set<T>().CountAsync(cancellationToken);

    /// <inheritdoc />
    public Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        CriteriaOnly(specification).AnyAsync(cancellationToken);

    /// <inheritdoc />
    public Task<bool> AnyAsync(CancellationToken cancellationToken = default) => db.Set<T>().AnyAsync(cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<T> AsAsyncEnumerable(ISpecification<T> specification) => Query(specification).AsAsyncEnumerable();

    private IQueryable<T> Query(ISpecification<T> specification) => ReadSource(specification).WithSpecification(specification);

    private IQueryable<TResult> Query<TResult>(ISpecification<T, TResult> specification) => ReadSource(specification).WithSpecification(specification);

    // Counting ignores ordering and paging, as Ardalis' own repository does.
    private IQueryable<T> CriteriaOnly(ISpecification<T> specification) => db.Set<T>().WithCriteria(specification);

    private IQueryable<T> ReadSource(ISpecification<T> specification) =>
        specification.AsTracking ? db.Set<T>() : db.Set<T>().AsNoTracking();
}
