using System.Reflection;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.OData.UriParser;
using Microsoft.OData.UriParser.Aggregation;

namespace KnowledgeRenewal.Sdk;

/// <summary>
/// Finds <c>INF</c>, <c>-INF</c> or <c>NaN</c> among the literals of a query's <c>$filter</c>, <c>$orderby</c>,
/// the filters of its <c>$expand</c> items and the filters of its <c>$apply</c>.
/// </summary>
internal static class NonFiniteLiterals
{
    private const int MaxDepth = 128;

    /// <summary>Whether any literal of the parsed query options is not a finite number.</summary>
    public static bool In(ODataQueryOptions options) =>
        In(options.Filter?.FilterClause?.Expression, 0)
        || In(options.OrderBy?.OrderByClause)
        || In(options.SelectExpand?.SelectExpandClause, 0)
        || (options.Apply?.ApplyClause?.Transformations.OfType<FilterTransformationNode>().Any(f => In(f.FilterClause?.Expression, 0)) ?? false);

    private static bool In(OrderByClause? clause)
    {
        for (var current = clause; current is not null; current = current.ThenBy)
        {
            if (In(current.Expression, 0))
            {
                return true;
            }
        }

        return false;
    }

    private static bool In(SelectExpandClause? clause, int depth) =>
        clause is not null && depth < MaxDepth && clause.SelectedItems.OfType<ExpandedNavigationSelectItem>().Any(item =>
            In(item.FilterOption?.Expression, 0) || In(item.OrderByOption) || In(item.SelectAndExpand, depth + 1));

    private static bool In(QueryNode? node, int depth) => node switch
    {
        null => false,
        _ when depth > MaxDepth => false,
        ConstantNode constant => constant.Value is double d && !double.IsFinite(d) || constant.Value is float f && !float.IsFinite(f),
        CollectionConstantNode collection => collection.Collection.Any(c => In(c, depth + 1)),
        _ => Children(node).Any(child => In(child, depth + 1)),
    };

    // A node's operands: its properties that are nodes or lists of nodes (binary and unary operators, conversions,
    // function calls, any/all bodies, in-lists …), so every kind of node is walked without a visitor per kind.
    private static IEnumerable<QueryNode> Children(QueryNode node)
    {
        foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            if (typeof(QueryNode).IsAssignableFrom(property.PropertyType))
            {
                if (property.GetValue(node) is QueryNode child)
                {
                    yield return child;
                }
            }
            else if (typeof(IEnumerable<QueryNode>).IsAssignableFrom(property.PropertyType) && property.GetValue(node) is IEnumerable<QueryNode> children)
            {
                foreach (var child in children)
                {
                    yield return child;
                }
            }
        }
    }
}
