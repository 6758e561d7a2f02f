using System.Text.Json;
using KnowledgeRenewal.Reporting.UseCases.Dashboard;

namespace KnowledgeRenewal.Reporting.Pages.Dashboard;

/// <summary>What <c>/js/dashboard.js</c> reads to draw a table's chart, and how the table reads (the dashboard and the landing page).</summary>
public static class DashboardCharts
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The chart's data as JSON for a <c>&lt;script type="application/json"&gt;</c> block (the landing page) or a
    /// <c>data-chart-json</c> attribute (the dashboard's sections, which htmx swaps in): the kind, the categories, the
    /// drawn series and the link of each category. Escaped so that no text can close the block.
    /// </summary>
    public static string Json(DashboardTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var data = new
        {
            kind = table.Chart,
            title = table.Title,
            categories = table.Rows.Select(r => r[0].Text),
            links = table.Rows.Select(r => r[0].Href ?? r.Skip(1).Select(c => c.Href).FirstOrDefault(h => h is not null)),
            series = table.Series.Select(i => new { name = table.Columns[i], data = table.Rows.Select(r => r[i].Value) }),
        };

        // The default encoder escapes <, > and & as \u003C …, so "</script>" cannot appear.
        return JsonSerializer.Serialize(data, Options);
    }

    /// <summary>Whether a column holds numbers (right-aligned).</summary>
    public static bool IsNumeric(DashboardTable table, int column)
    {
        ArgumentNullException.ThrowIfNull(table);
        return column > 0 && table.Rows.Any(r => r[column].Value is int or decimal);
    }
}
