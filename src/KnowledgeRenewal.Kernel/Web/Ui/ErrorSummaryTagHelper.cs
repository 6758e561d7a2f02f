using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace KnowledgeRenewal.Kernel.Web.Ui;

/// <summary>
/// The error summary at the top of <c>&lt;main&gt;</c> (UI guide 2): heading 「出现问题」, one link per problem to its
/// field, focused on load by <c>platform.js</c>. Renders nothing when the form has no problem.
/// <code>&lt;kr-error-summary /&gt;</code>
/// </summary>
[HtmlTargetElement("kr-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    /// <summary>The view (for its model state).</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var state = ViewContext.ViewData.ModelState;
        if (state.IsValid)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-title");
        output.Attributes.SetAttribute("data-error-summary", "");
        var html = output.Content;
        html.AppendHtml("<h2 id=\"error-summary-title\">出现问题</h2><ul>");
        foreach (var (key, entry) in state.OrderBy(e => e.Key.Length == 0 ? 0 : 1))
        {
            foreach (var error in entry?.Errors ?? [])
            {
                html.AppendHtml("<li>");
                if (key.Length > 0)
                {
                    html.AppendHtml($"<a href=\"#{TagBuilder.CreateSanitizedId(key, "_")}\">");
                    html.Append(error.ErrorMessage);
                    html.AppendHtml("</a>");
                }
                else
                {
                    html.Append(error.ErrorMessage);
                }

                html.AppendHtml("</li>");
            }
        }

        html.AppendHtml("</ul>");
    }
}
