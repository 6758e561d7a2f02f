using System.Text.RegularExpressions;

namespace KnowledgeRenewal.Sdk;

/// <summary>
/// Turns the OData libraries' English error messages about a query into the platform's Chinese detail, naming
/// only what the client wrote (a property, a function, a position), and a cleaned technical reason without type
/// names, namespaces or LINQ — or none when the message cannot be cleaned.
/// </summary>
public static partial class ODataQueryMessages
{
    /// <summary>The Chinese detail and the cleaned reason (null when nothing safe is left) of <paramref name="message"/>.</summary>
    public static (string Detail, string? Reason) Describe(string? message)
    {
        var text = Prefix().Replace(message ?? "", "").Trim();
        return ("OData 查询参数无效：" + Chinese(text), Clean(text));
    }

    private static string Chinese(string text)
    {
        if (MissingProperty().Match(text) is { Success: true } missing)
        {
            return $"找不到属性“{missing.Groups["name"].Value}”（属性名区分大小写，可用的属性见 $metadata）。";
        }

        if (NotUsable().Match(text) is { Success: true } notUsable)
        {
            return $"属性“{notUsable.Groups["name"].Value}”不能用于 ${notUsable.Groups["option"].Value}。";
        }

        if (UnknownFunction().Match(text) is { Success: true } function)
        {
            return $"不支持函数“{function.Groups["name"].Value}”。";
        }

        if (NotAllowed().Match(text) is { Success: true } notAllowed)
        {
            return $"平台不允许使用“{notAllowed.Groups["name"].Value}”。";
        }

        if (Syntax().Match(text) is { Success: true } syntax)
        {
            return $"查询表达式有语法错误（第 {syntax.Groups["position"].Value} 个字符附近）。";
        }

        if (Incompatible().IsMatch(text))
        {
            return "运算或比较两侧的类型不兼容（例如把数值属性与字符串比较），请按 $metadata 中的属性类型书写值。";
        }

        return "请对照 $metadata 检查属性名、值的类型与查询写法。";
    }

    // Keeps the message only without qualified names (KnowledgeRenewal.CreditRecord, System.String, Edm.Int32),
    // generic arity, lambdas or LINQ.
    private static string? Clean(string text)
    {
        var cleaned = OnType().Replace(text, "");
        cleaned = Qualified().Replace(cleaned, m => m.Groups["last"].Value);
        return cleaned.Length == 0 || Technical().IsMatch(cleaned) ? null : cleaned;
    }

    [GeneratedRegex(@"^The query specified in the URI is not valid\.\s*")]
    private static partial Regex Prefix();

    [GeneratedRegex(@"Could not find a property named '(?<name>[^']*)'")]
    private static partial Regex MissingProperty();

    [GeneratedRegex(@"The property '(?<name>[^']*)' cannot be used (?:in|for) (?:the )?\$(?<option>\w+)")]
    private static partial Regex NotUsable();

    [GeneratedRegex(@"unknown function with name '(?<name>[^']*)'")]
    private static partial Regex UnknownFunction();

    [GeneratedRegex(@"^(?:Query option|Function|Arithmetic operator|Logical operator|Order by) '(?<name>[^']*)' is not allowed")]
    private static partial Regex NotAllowed();

    [GeneratedRegex(@"(?:Syntax error|expected|not valid) at position (?<position>\d+)|at position (?<position>\d+)")]
    private static partial Regex Syntax();

    [GeneratedRegex(@"incompatible type|cannot be converted to type|Incompatible primitive", RegexOptions.IgnoreCase)]
    private static partial Regex Incompatible();

    [GeneratedRegex(@"\s+on type '[^']*'")]
    private static partial Regex OnType();

    [GeneratedRegex(@"\b(?:[A-Za-z_][\w`]*\.)+(?<last>[A-Za-z_][\w`]*)\b")]
    private static partial Regex Qualified();

    [GeneratedRegex(@"=>|DbSet|Expression|IQueryable|`\d|System|Microsoft|KnowledgeRenewal|\.cs\b|   at ")]
    private static partial Regex Technical();
}
