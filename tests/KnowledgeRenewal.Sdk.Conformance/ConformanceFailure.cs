using System.Text;
using Xunit.Sdk;

namespace KnowledgeRenewal.Sdk.Conformance;

/// <summary>Turns a list of problems into one failing assertion whose message says, in English and Chinese, what to fix.</summary>
public static class ConformanceFailure
{
    /// <summary>Fails when <paramref name="problems"/> is not empty.</summary>
    /// <param name="module">The module checked.</param>
    /// <param name="what">What was checked, English and Chinese (e.g. "catalog · 专业科目目录").</param>
    /// <param name="problems">The problems, each one sentence with its fix.</param>
    public static void ThrowIfAny(DepartmentModule module, string what, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count > 0)
        {
            throw new XunitException(Format(module, what, problems));
        }
    }

    /// <summary>The failure message for <paramref name="problems"/>.</summary>
    public static string Format(DepartmentModule module, string what, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(problems);
        var text = new StringBuilder();
        text.Append("Module '").Append(module.Manifest.Key).Append("' (").Append(module.GetType().FullName)
            .Append(") breaks the SDK contract — ").Append(what).Append(':').AppendLine();
        text.Append("模块“").Append(module.Manifest.NameZh).Append("”不符合模块 SDK 约定，请逐条修改：").AppendLine();
        foreach (var problem in problems)
        {
            text.Append(" - ").AppendLine(problem);
        }

        text.Append("Fix each line above and run the tests again; modules/README.md §3 explains the rules. 逐条修改后重新运行测试，规则见 modules/README.md 第 3 节。");
        return text.ToString();
    }
}
