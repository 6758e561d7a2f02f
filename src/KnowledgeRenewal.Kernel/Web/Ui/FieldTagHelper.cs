using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace KnowledgeRenewal.Kernel.Web.Ui;

/// <summary>
/// One form field as the UI guide wants it (GOV.UK pattern): label (with 「（选填）」 when optional), hint, the error
/// message next to the field in the person's words, <c>aria-describedby</c> to both, <c>aria-invalid</c> and the red
/// border when wrong; the value kept when the page comes back.
/// <code>&lt;kr-field for="Input.StartDate" label="开始日期" type="date" hint="例如 2026-03-01" /&gt;</code>
/// Types: text (default), number, date, email, tel, password, textarea, select (with <see cref="Items"/>), file.
/// </summary>
[HtmlTargetElement("kr-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper : TagHelper
{
    /// <summary>The bound property.</summary>
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    /// <summary>The label, in the person's words.</summary>
    public string Label { get; set; } = "";

    /// <summary>One short sentence under the label.</summary>
    public string? Hint { get; set; }

    /// <summary>The input type (see the class summary).</summary>
    public string Type { get; set; } = "text";

    /// <summary>Marks the field 「（选填）」.</summary>
    public bool Optional { get; set; }

    /// <summary>The options of a select.</summary>
    public IEnumerable<SelectListItem>? Items { get; set; }

    /// <summary><c>autocomplete</c> of the input.</summary>
    public string? Autocomplete { get; set; }

    /// <summary><c>inputmode</c> of the input (e.g. numeric).</summary>
    public string? InputMode { get; set; }

    /// <summary><c>accept</c> of a file input.</summary>
    public string? Accept { get; set; }

    /// <summary>Allows several files.</summary>
    public bool Multiple { get; set; }

    /// <summary>Rows of a textarea.</summary>
    public int Rows { get; set; } = 4;

    /// <summary>Extra CSS class of the input (e.g. a width).</summary>
    public string? InputClass { get; set; }

    /// <summary>The view (for its model state).</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var error = state?.Errors.FirstOrDefault()?.ErrorMessage;
        var value = state?.AttemptedValue ?? Format(For.Model);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "form-field" : "form-field form-field-error");

        var described = new List<string>();
        var html = output.Content;
        html.AppendHtml($"<label for=\"{id}\">");
        html.Append(Label + (Optional ? "（选填）" : ""));
        html.AppendHtml("</label>");
        if (!string.IsNullOrEmpty(Hint))
        {
            described.Add(id + "-hint");
            html.AppendHtml($"<p class=\"field-help\" id=\"{id}-hint\">");
            html.Append(Hint);
            html.AppendHtml("</p>");
        }

        if (error is not null)
        {
            described.Add(id + "-error");
            html.AppendHtml($"<p class=\"field-error\" id=\"{id}-error\"><span class=\"visually-hidden\">错误：</span>");
            html.Append(error);
            html.AppendHtml("</p>");
        }

        var control = Control(name, id, value);
        if (described.Count > 0)
        {
            control.Attributes["aria-describedby"] = string.Join(' ', described);
        }

        if (error is not null)
        {
            control.Attributes["aria-invalid"] = "true";
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        control.WriteTo(writer, HtmlEncoder.Default);
        html.AppendHtml(writer.ToString());
    }

    private TagBuilder Control(string name, string id, string? value)
    {
        TagBuilder control;
        switch (Type)
        {
            case "textarea":
                control = new TagBuilder("textarea");
                control.Attributes["rows"] = Rows.ToString(CultureInfo.InvariantCulture);
                control.InnerHtml.Append(value ?? "");
                break;
            case "select":
                control = new TagBuilder("select");
                foreach (var item in Items ?? [])
                {
                    var option = new TagBuilder("option");
                    option.Attributes["value"] = item.Value;
                    if (string.Equals(item.Value, value, StringComparison.Ordinal) || (value is null && item.Selected))
                    {
                        option.Attributes["selected"] = "selected";
                    }

                    option.InnerHtml.Append(item.Text);
                    control.InnerHtml.AppendHtml(option);
                }

                break;
            default:
                control = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
                control.Attributes["type"] = Type;
                if (Type != "file" && Type != "password" && value is not null)
                {
                    control.Attributes["value"] = value;
                }

                if (Accept is not null)
                {
                    control.Attributes["accept"] = Accept;
                }

                if (Multiple)
                {
                    control.Attributes["multiple"] = "multiple";
                }

                break;
        }

        control.Attributes["id"] = id;
        control.Attributes["name"] = name;
        if (InputClass is not null)
        {
            control.AddCssClass(InputClass);
        }

        if (Autocomplete is not null)
        {
            control.Attributes["autocomplete"] = Autocomplete;
        }

        if (InputMode is not null)
        {
            control.Attributes["inputmode"] = InputMode;
        }

        return control;
    }

    private static string? Format(object? model) => model switch
    {
        null => null,
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => model.ToString(),
    };
}
