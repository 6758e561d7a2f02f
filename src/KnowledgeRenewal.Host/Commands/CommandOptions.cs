namespace KnowledgeRenewal.Host.Commands;

/// <summary>
/// The options of a host command (<c>--name value</c> or <c>--name=value</c>), told apart from the configuration
/// overrides that follow the command for the host itself (<c>--Database:Provider=…</c>).
/// </summary>
/// <param name="Own">The command's own option names, e.g. <c>--year</c>.</param>
public sealed record CommandOptions(params string[] Own)
{
    /// <summary>The arguments that are not the command's own options (configuration overrides for the host).</summary>
    public string[] HostArguments(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = Split(args[i]);
            if (Own.Contains(name, StringComparer.Ordinal))
            {
                i += inline is null ? 1 : 0;
                continue;
            }

            rest.Add(args[i]);
        }

        return [.. rest];
    }

    /// <summary>The command's own options and their values; null and an error when one has no value.</summary>
    public Dictionary<string, string>? Read(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = Split(args[i]);
            if (!Own.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }

            var value = inline ?? (i + 1 < args.Count ? args[++i] : null);
            if (string.IsNullOrWhiteSpace(value) || value.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"{name} needs a value.";
                return null;
            }

            values[name] = value.Trim();
        }

        error = null;
        return values;
    }

    private static (string Name, string? Inline) Split(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 0
            ? (argument[..equals], argument[(equals + 1)..])
            : (argument, null);
    }
}
