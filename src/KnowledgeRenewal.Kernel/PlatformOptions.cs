namespace KnowledgeRenewal.Kernel;

/// <summary>Configuration section <c>Platform</c>.</summary>
public sealed class PlatformOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Platform";

    /// <summary>Where the platform listens when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> says otherwise.</summary>
    public string DefaultUrls { get; set; } = "http://localhost:5080";

    /// <summary>Seed realistic demo data (on for <c>dotnet run</c>, which runs in Development; off otherwise).</summary>
    public bool DemoMode { get; set; }

    /// <summary>Seed of the demo data's random source: the same seed gives the same city.</summary>
    public int DemoSeed { get; set; } = 20230324;

    /// <summary>Folder (relative to the content root) that module assemblies can be dropped into.</summary>
    public string ModulesFolder { get; set; } = "data/modules";

    /// <summary>
    /// Add a <c>Server-Timing</c> header (server time, database commands) to every response — for
    /// <c>build/measure-pages.sh</c> and the page budget tests; off in a deployment.
    /// </summary>
    public bool ServerTiming { get; set; }
}
