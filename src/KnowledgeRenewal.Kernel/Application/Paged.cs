using System.Text.Json.Serialization;
using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Kernel.Application;

/// <summary>A page of a list: the platform's one paging answer (REST and pages alike).</summary>
/// <typeparam name="T">What the list shows.</typeparam>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Rows per page.</param>
/// <param name="Total">Rows in the whole list.</param>
/// <param name="Items">This page's rows.</param>
public sealed record Paged<T>(int Page, int PageSize, int Total, IReadOnlyList<T> Items)
{
    /// <summary>Number of pages (at least 1), for pages that show a pager; not part of the JSON answer (<c>page, pageSize, total, items</c>).</summary>
    [JsonIgnore]
    public int Pages => Math.Max(1, (Total + PageSize - 1) / Math.Max(PageSize, 1));
}

/// <summary>
/// Paging of filtered lists: a specification filters and orders (counted with its criteria only), the page is cut
/// in the database, and only the page's rows are projected.
/// </summary>
public static class Paging
{
    /// <summary>Default rows per page.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>Largest page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>
    /// Counts the rows <paramref name="specification"/> selects, then reads page <paramref name="page"/> of them in
    /// its order, projected with <paramref name="project"/> (in the database).
    /// </summary>
    public static async Task<Paged<TView>> ToPagedAsync<TEntity, TView>(
        this IQueryable<TEntity> source,
        ISpecification<TEntity> specification,
        int page,
        int pageSize,
        Func<IQueryable<TEntity>, IQueryable<TView>> project,
        CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(project);
        var total = await source.WithCriteria(specification).CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = source.WithSpecification(specification).Skip((page - 1) * pageSize).Take(pageSize);
        var items = await project(rows).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new Paged<TView>(page, pageSize, total, items);
    }

    /// <summary>The page number rule: from 1.</summary>
    public static IRuleBuilderOptions<T, int> ValidPage<T>(this IRuleBuilder<T, int> rule) =>
        rule.GreaterThanOrEqualTo(1).WithErrorCode("out_of_range").WithMessage("页码（page）应从 1 开始。");

    /// <summary>The page size rule: 1 to <see cref="MaxPageSize"/>.</summary>
    public static IRuleBuilderOptions<T, int> ValidPageSize<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, MaxPageSize).WithErrorCode("out_of_range").WithMessage($"每页条数（pageSize）应在 1 至 {MaxPageSize} 之间。");
}
