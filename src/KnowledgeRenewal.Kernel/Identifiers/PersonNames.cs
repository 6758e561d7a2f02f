using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;

namespace KnowledgeRenewal.Kernel.Identifiers;

/// <summary>Names shown where a person need not be identified (samples of what-if changes): the surname and the last character.</summary>
public static class PersonNames
{
    /// <summary>
    /// 张三 → 张*, 张思远 → 张*远, 欧阳明月 → 欧**月; a single character stays as is, a blank name becomes *.
    /// </summary>
    public static string Mask(string? name)
    {
        var text = name?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return "*";
        }

        var characters = System.Globalization.StringInfo.ParseCombiningCharacters(text);
        var count = characters.Length;
        if (count == 1)
        {
            return text;
        }

        var first = System.Globalization.StringInfo.GetNextTextElement(text, 0);
        if (count == 2)
        {
            return first + "*";
        }

        var last = System.Globalization.StringInfo.GetNextTextElement(text, characters[^1]);
        return first + new string('*', count - 2) + last;
    }
}
