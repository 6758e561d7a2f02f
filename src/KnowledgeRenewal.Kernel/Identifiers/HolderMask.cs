using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;

namespace KnowledgeRenewal.Kernel.Identifiers;

/// <summary>
/// How the public sees a certificate's holder: the name with all but its first and last characters hidden
/// (<c>张思远</c> → <c>张*远</c>, <c>李四</c> → <c>李*</c>); the ID number only in its masked form.
/// </summary>
public static class HolderMask
{
    /// <summary>The name partly masked.</summary>
    public static string Name(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Trim();
        var characters = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        var elements = new List<string>();
        while (characters.MoveNext())
        {
            elements.Add(characters.GetTextElement());
        }

        return elements.Count switch
        {
            0 => "*",
            1 => "*",
            2 => elements[0] + "*",
            _ => elements[0] + new string('*', elements.Count - 2) + elements[^1],
        };
    }
}
