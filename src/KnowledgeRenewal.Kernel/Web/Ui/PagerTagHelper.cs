using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace KnowledgeRenewal.Kernel.Web.Ui;

/// <summary>
/// Paging after a list (UI guide 15): hidden for one page; first, previous, the page numbers near the current one,
/// next and last; every link keeps the list's filters and sorting from the address (only <c>page</c> changes).
/// <code>&lt;kr-pager page="Model.Result.Page" pages="Model.Result.Pages" /&gt;</code>
/// </summary>
[HtmlTargetElement("kr-pager", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PagerTagHelper : TagHelper
{
    /// <summary>The current page, from 1.</summary>
    public int Page { get; set; }

    /// <summary>The number of pages.</summary>
    public int Pages { get; set; }

    /// <summary>The view (for the request's address).</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Pages <= 1)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "pager");
        output.Attributes.SetAttribute("aria-label", "翻页");
        var html = output.Content;
        html.AppendHtml("<ul>");
        if (Page > 1)
        {
            Link(output, 1, "首页", "pager-first");
            Link(output, Page - 1, "上一页", "pager-prev", rel: "prev");
        }

        for (var number = Math.Max(1, Page - 2); number <= Math.Min(Pages, Page + 2); number++)
        {
            if (number == Page)
            {
                html.AppendHtml($"<li class=\"pager-number\"><span aria-current=\"page\">第 {number.ToString(CultureInfo.InvariantCulture)} 页</span></li>");
            }
            else
            {
                Link(output, number, number.ToString(CultureInfo.InvariantCulture), "pager-number", label: $"第 {number} 页");
            }
        }

        if (Page < Pages)
        {
            Link(output, Page + 1, "下一页", "pager-next", rel: "next");
            Link(output, Pages, $"末页（{Pages.ToString(CultureInfo.InvariantCulture)}）", "pager-last");
        }

        html.AppendHtml("</ul>");
    }

    /// <summary>The address of page <paramref name="number"/> of the current list.</summary>
    public static string UrlOf(HttpRequest request, int number)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new QueryBuilder(request.Query.Where(q => !string.Equals(q.Key, "page", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))));
        if (number > 1)
        {
            query.Add("page", number.ToString(CultureInfo.InvariantCulture));
        }

        return request.PathBase + request.Path + query.ToQueryString();
    }

    private void Link(TagHelperOutput output, int number, string text, string css, string? rel = null, string? label = null)
    {
        var a = new TagBuilder("a");
        a.Attributes["href"] = UrlOf(ViewContext.HttpContext.Request, number);
        if (rel is not null)
        {
            a.Attributes["rel"] = rel;
        }

        if (label is not null)
        {
            a.Attributes["aria-label"] = label;
        }

        a.InnerHtml.Append(text);
        output.Content.AppendHtml($"<li class=\"{css}\">");
        output.Content.AppendHtml(a);
        output.Content.AppendHtml("</li>");
    }
}
