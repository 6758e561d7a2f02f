using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Kernel;

/// <summary>
/// The deployment's configuration or installed modules do not allow the platform to start.
/// <see cref="Exception.Message"/> lists every problem with its fix; the host prints it and exits.
/// </summary>
public sealed class PlatformConfigurationException : Exception
{
    /// <summary>Creates the exception from a headline and the problems found.</summary>
    public PlatformConfigurationException(string headline, IReadOnlyList<string> problems)
        : base(headline + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => " - " + p)))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception.</summary>
    public PlatformConfigurationException()
        : this("The platform configuration is invalid.", [])
    {
    }

    /// <summary>Creates the exception.</summary>
    public PlatformConfigurationException(string message)
        : this(message, [])
    {
    }

    /// <summary>Creates the exception.</summary>
    public PlatformConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Each problem, one sentence with its fix.</summary>
    public IReadOnlyList<string> Problems { get; }
}
