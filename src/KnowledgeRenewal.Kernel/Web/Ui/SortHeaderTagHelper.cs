using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace KnowledgeRenewal.Kernel.Web.Ui;

/// <summary>
/// A sortable column header (UI guide 14): a link that sorts by the column on the server (<c>sort</c>, <c>dir</c> in
/// the address, back to page 1); <c>aria-sort</c> only on the sorted column.
/// <code>&lt;th kr-sort="name"&gt;姓名&lt;/th&gt;</code>
/// </summary>
[HtmlTargetElement("th", Attributes = "kr-sort")]
public sealed class SortHeaderTagHelper : TagHelper
{
    /// <summary>The sort key of the column.</summary>
    [HtmlAttributeName("kr-sort")]
    public string Key { get; set; } = "";

    /// <summary>The view (for the request's address).</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var request = ViewContext.HttpContext.Request;
        var sorted = string.Equals(request.Query["sort"], Key, StringComparison.OrdinalIgnoreCase);
        var descending = sorted && string.Equals(request.Query["dir"], "desc", StringComparison.OrdinalIgnoreCase);
        var label = (await output.GetChildContentAsync().ConfigureAwait(false)).GetContent();
        output.Attributes.SetAttribute("scope", "col");
        if (sorted)
        {
            output.Attributes.SetAttribute("aria-sort", descending ? "descending" : "ascending");
        }

        var query = new QueryBuilder(request.Query
            .Where(q => q.Key is not ("sort" or "dir" or "page"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))))
        {
            { "sort", Key },
            { "dir", sorted && !descending ? "desc" : "asc" },
        };
        var a = new TagBuilder("a");
        a.Attributes["href"] = request.PathBase + request.Path + query.ToQueryString();
        a.AddCssClass("sort-link");
        a.InnerHtml.AppendHtml(label);
        a.InnerHtml.AppendHtml(sorted ? (descending ? "<span aria-hidden=\"true\"> ▼</span>" : "<span aria-hidden=\"true\"> ▲</span>") : "<span aria-hidden=\"true\" class=\"sort-none\"> ↕</span>");
        output.Content.SetHtmlContent(a);
    }
}
