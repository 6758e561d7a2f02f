using System.Linq.Expressions;
using System.Reflection;
using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Sdk;

/// <summary>
/// Applies an Ardalis specification to an EF Core query, in the database: criteria, search, includes,
/// ordering, paging, tracking and query-filter flags, tags and projection.
/// (The platform's own small evaluator; Ardalis.Specification.EntityFrameworkCore is not used.)
/// </summary>
public static class SpecificationEvaluator
{
    private static readonly MethodInfo LikeMethod = typeof(DbFunctionsExtensions)
        .GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string)])!;

    private static readonly Expression Functions = Expression.Property(null, typeof(EF), nameof(EF.Functions));

    /// <summary>Applies <paramref name="specification"/> to <paramref name="source"/>.</summary>
    public static IQueryable<T> WithSpecification<T>(this IQueryable<T> source, ISpecification<T> specification)
        where T : class
    {
        var query = source.WithCriteria(specification);
        if (specification.IgnoreAutoIncludes)
        {
            query = query.IgnoreAutoIncludes();
        }

        if (specification.AsNoTracking)
        {
            query = query.AsNoTracking();
        }
        else if (specification.AsNoTrackingWithIdentityResolution)
        {
            query = query.AsNoTrackingWithIdentityResolution();
        }
        else if (specification.AsTracking)
        {
            query = query.AsTracking();
        }

        if (specification.AsSplitQuery)
        {
            query = query.AsSplitQuery();
        }

        foreach (var tag in specification.QueryTags)
        {
            query = query.TagWith(tag);
        }

        query = ApplyIncludes(query, specification);
        query = OrderEvaluator.Instance.GetQuery(query, specification);
        return PaginationEvaluator.Instance.GetQuery(query, specification);
    }

    /// <summary>Applies only the filtering part of <paramref name="specification"/> (criteria, search, query-filter flag), as counting needs.</summary>
    public static IQueryable<T> WithCriteria<T>(this IQueryable<T> source, ISpecification<T> specification)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(specification);
        var query = specification.IgnoreQueryFilters ? source.IgnoreQueryFilters() : source;
        query = WhereEvaluator.Instance.GetQuery(query, specification);
        return ApplySearch(query, specification);
    }

    /// <summary>Applies <paramref name="specification"/> and its projection to <paramref name="source"/>.</summary>
    public static IQueryable<TResult> WithSpecification<T, TResult>(this IQueryable<T> source, ISpecification<T, TResult> specification)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(specification);
        var query = source.WithSpecification((ISpecification<T>)specification);
        if (specification.Selector is not null)
        {
            return query.Select(specification.Selector);
        }

        return specification.SelectorMany is not null
            ? query.SelectMany(specification.SelectorMany)
            : throw new InvalidOperationException($"Specification {specification.GetType().Name} has no selector.");
    }

    private static IQueryable<T> ApplySearch<T>(IQueryable<T> query, ISpecification<T> specification)
    {
        // Criteria of one search group are OR-ed, groups are AND-ed (as in Ardalis.Specification.EntityFrameworkCore).
        foreach (var group in specification.SearchCriterias.GroupBy(c => c.SearchGroup))
        {
            var parameter = Expression.Parameter(typeof(T), "x");
            Expression? body = null;
            foreach (var criterion in group)
            {
                var selector = new ParameterReplacer(criterion.Selector.Parameters[0], parameter).Visit(criterion.Selector.Body);
                var like = Expression.Call(LikeMethod, Functions, selector, Expression.Constant(criterion.SearchTerm));
                body = body is null ? like : Expression.OrElse(body, like);
            }

            query = query.Where(Expression.Lambda<Func<T, bool>>(body!, parameter));
        }

        return query;
    }

    private static IQueryable<T> ApplyIncludes<T>(IQueryable<T> query, ISpecification<T> specification)
        where T : class
    {
        foreach (var include in specification.IncludeStrings)
        {
            query = query.Include(include);
        }

        // Include/ThenInclude chains become dotted navigation paths ("Department.Subjects").
        string? path = null;
        foreach (var include in specification.IncludeExpressions)
        {
            var member = MemberPath(include.LambdaExpression);
            if (include.Type == IncludeTypeEnum.Include)
            {
                if (path is not null)
                {
                    query = query.Include(path);
                }

                path = member;
            }
            else
            {
                path = path + "." + member;
            }
        }

        return path is null ? query : query.Include(path);
    }

    private static string MemberPath(LambdaExpression lambda)
    {
        var parts = new Stack<string>();
        var expression = lambda.Body;
        while (expression is MemberExpression member)
        {
            parts.Push(member.Member.Name);
            expression = member.Expression!;
        }

        return expression is ParameterExpression && parts.Count > 0
            ? string.Join('.', parts)
            : throw new NotSupportedException($"Include '{lambda}' is not a navigation path; filtered includes are not supported by the platform evaluator.");
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
