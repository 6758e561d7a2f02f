using System.Text.RegularExpressions;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace KnowledgeRenewal.Kernel.Web;

/// <summary>
/// The model binder's messages in Chinese, for every page and controller (MVC's own are English: "The value 'abc' is
/// not valid for year."). They never name the field: a page shows the message next to its field, a problem names the
/// field in <c>errors[].field</c>. Set once on <c>MvcOptions.ModelBindingMessageProvider</c>.
/// </summary>
public static partial class ChineseBindingMessages
{
    /// <summary>
    /// A value that could not be read (not a number, not a date, not one of the choices). It does not repeat the value:
    /// an answer never echoes what was sent (it may be an ID number probed through a query string), and a page shows the
    /// value in its field anyway.
    /// </summary>
    public const string Invalid = "所填的值格式不对，请按要求的格式重新填写（例如数字 2026，日期 2026-03-01）。";

    /// <summary>Replaces every message of <paramref name="provider"/> with its Chinese counterpart.</summary>
    public static void Apply(DefaultModelBindingMessageProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        provider.SetMissingBindRequiredValueAccessor(_ => "请填写此项。");
        provider.SetMissingKeyOrValueAccessor(() => "请填写此项。");
        provider.SetMissingRequestBodyRequiredValueAccessor(() => "请提交请求内容。");
        provider.SetValueMustNotBeNullAccessor(_ => Invalid);
        provider.SetAttemptedValueIsInvalidAccessor((_, _) => Invalid);
        provider.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => Invalid);
        provider.SetUnknownValueIsInvalidAccessor(_ => "所填的值无效，请重新填写。");
        provider.SetNonPropertyUnknownValueIsInvalidAccessor(() => "所填的值无效，请重新填写。");
        provider.SetValueIsInvalidAccessor(_ => Invalid);
        provider.SetValueMustBeANumberAccessor(_ => "请填写数字。");
        provider.SetNonPropertyValueMustBeANumberAccessor(() => "请填写数字。");
    }

    /// <summary>
    /// The field error of a route, query or header value the minimal-API binder refused (its exception says, in English,
    /// <c>Failed to bind parameter "int? year" from "abc".</c> or <c>Required parameter "int year" was not provided …</c>);
    /// null for any other message.
    /// </summary>
    public static FieldError? FromMinimalApi(string? message)
    {
        if (message is null)
        {
            return null;
        }

        if (FailedToBind().Match(message) is { Success: true } failed)
        {
            return new FieldError(failed.Groups["name"].Value, "invalid_value", Invalid);
        }

        return NotProvided().Match(message) is { Success: true } missing
            ? new FieldError(missing.Groups["name"].Value, "required", "请填写此项。")
            : null;
    }

    [GeneratedRegex("""^Failed to bind parameter "[^"]* (?<name>[^" ]+)" from ".*"\.$""", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("""^Required parameter "[^"]* (?<name>[^" ]+)" was not provided""")]
    private static partial Regex NotProvided();
}
