using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.OData.UriParser;

namespace KnowledgeRenewal.Sdk;

/// <summary>
/// <c>$search</c> on the platform's feeds (ADR 0028): on a set whose descriptive table names searchable properties
/// (names, titles, numbers — see <see cref="EdmDescriptions.Search"/>), each term must be contained in one of them;
/// terms are separated by spaces or <c>AND</c>, a phrase is quoted (<c>"继续 教育"</c>). The condition is added to the
/// caller's already scoped query, so a search never reaches a row the caller could not read. Anything else is refused
/// with 400 — <c>$search</c> is never silently ignored: a set without searchable properties, a single entity, or an
/// expression with <c>OR</c>, <c>NOT</c> or parentheses.
/// </summary>
internal static partial class ODataSearch
{
    private const string ItemKey = "KnowledgeRenewal.ODataSearch";

    /// <summary>At most this many terms.</summary>
    public const int MaxTerms = 5;

    /// <summary>At most this many characters per term.</summary>
    public const int MaxTermLength = 50;

    /// <summary>A parsed search of one request: the properties it looks in and its terms.</summary>
    internal sealed record Plan(IReadOnlyList<string> Properties, IReadOnlyList<string> Terms);

    /// <summary>What a request's <c>$search</c> asks, or why it is refused (Chinese detail, English technical detail).</summary>
    public static (Plan? Plan, (string Code, string Detail, string Technical)? Refusal) Read(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Query.TryGetValue("$search", out var raw))
        {
            return (null, null);
        }

        var feature = context.ODataFeature();
        var path = feature.Path;
        if (feature.Model is null || path is null || path.FirstSegment is not EntitySetSegment set || !(path.Count == 1 || path.Count == 2 && path.LastSegment is CountSegment))
        {
            return (null, (ProblemCodes.ODataSearchUnsupported, "$search 只能用于数据集（例如 /odata/Professionals?$search=张），不能用于单条记录或导航属性。",
                "$search is supported on entity set requests only."));
        }

        var properties = EdmAnnotations.SearchableProperties(feature.Model, set.EntitySet.Name);
        if (properties.Count == 0)
        {
            return (null, (ProblemCodes.ODataSearchUnsupported,
                $"数据集“{set.EntitySet.Name}”不支持 $search（$metadata 中该数据集的 Capabilities.SearchRestrictions 为 Searchable=false），请改用 $filter，例如 contains(属性,'文字')。",
                $"Entity set '{set.EntitySet.Name}' is not searchable."));
        }

        var text = raw.ToString().Trim();
        if (text.Length == 0)
        {
            return (null, (ProblemCodes.ODataSearchInvalid, "$search 不能为空。", "The $search expression is empty."));
        }

        if (Unsupported().Match(text) is { Success: true } unsupported)
        {
            return (null, (ProblemCodes.ODataSearchInvalid,
                $"$search 不支持“{unsupported.Value.Trim()}”：多个词以空格或 AND 分隔（须同时包含），短语用双引号括起。",
                $"The $search operator or token '{unsupported.Value.Trim()}' is not supported; only terms, quoted phrases and AND are."));
        }

        var terms = new List<string>();
        foreach (Match match in Token().Matches(text))
        {
            var term = match.Groups["phrase"].Success ? match.Groups["phrase"].Value.Trim() : match.Groups["word"].Value;
            if (term.Length > 0 && term != "AND")
            {
                terms.Add(term);
            }
        }

        if (terms.Count == 0 || text.Count(c => c == '"') % 2 != 0)
        {
            return (null, (ProblemCodes.ODataSearchInvalid, "$search 的写法无效：请写要查找的词，短语用成对的双引号括起。", "The $search expression has no term or an unbalanced quote."));
        }

        if (terms.Count > MaxTerms || terms.Any(t => t.Length > MaxTermLength))
        {
            return (null, (ProblemCodes.ODataSearchInvalid, $"$search 最多 {MaxTerms} 个词，每个词最多 {MaxTermLength} 个字符。",
                $"The $search expression exceeds {MaxTerms} terms or {MaxTermLength} characters per term."));
        }

        return (new Plan(properties, terms), null);
    }

    /// <summary>Keeps the plan for <see cref="Apply"/>.</summary>
    public static void Remember(HttpContext context, Plan plan) => context.Items[ItemKey] = plan;

    /// <summary>
    /// Narrows <paramref name="queryable"/> to the rows where every term is contained in one of the searchable
    /// properties (a parameterized <c>LIKE</c>/<c>instr</c> in the database); unchanged without a remembered plan.
    /// </summary>
    public static IQueryable Apply(HttpContext context, IQueryable queryable)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(queryable);
        if (context.Items[ItemKey] is not Plan plan)
        {
            return queryable;
        }

        var type = queryable.ElementType;
        var row = Expression.Parameter(type, "row");
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        var properties = plan.Properties.Select(p => type.GetProperty(p)).Where(p => p?.PropertyType == typeof(string)).ToList();
        Expression? all = null;
        foreach (var term in plan.Terms)
        {
            // The term is read from a holder's property so that EF Core sends it as a parameter, never as SQL text.
            var value = Expression.Property(Expression.Constant(new Term(term)), nameof(Term.Value));
            Expression? any = null;
            foreach (var property in properties)
            {
                var access = Expression.Property(row, property!);
                var match = Expression.AndAlso(Expression.NotEqual(access, Expression.Constant(null, typeof(string))), Expression.Call(access, contains, value));
                any = any is null ? match : Expression.OrElse(any, match);
            }

            any ??= Expression.Constant(false);
            all = all is null ? any : Expression.AndAlso(all, any);
        }

        var predicate = Expression.Lambda(all ?? Expression.Constant(true), row);
        var where = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [type], queryable.Expression, Expression.Quote(predicate));
        return queryable.Provider.CreateQuery(where);
    }

    private sealed record Term(string Value);

    // OR, NOT, a leading minus and parentheses are search operators the platform does not implement.
    [GeneratedRegex(@"(?<![^\s""])(?:OR|NOT)(?![^\s""])|[()]|(?<![^\s])-(?=\S)")]
    private static partial Regex Unsupported();

    [GeneratedRegex(@"""(?<phrase>[^""]*)""|(?<word>[^\s""]+)")]
    private static partial Regex Token();
}
