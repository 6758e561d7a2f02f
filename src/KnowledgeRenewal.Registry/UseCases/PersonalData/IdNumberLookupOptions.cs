using KnowledgeRenewal.Kernel;

namespace KnowledgeRenewal.Registry.UseCases.PersonalData;

/// <summary>
/// Limits of exact ID-number look-ups (section <c>Registry:IdNumberLookups</c>): so many per account in a fixed
/// window; beyond it 429 <see cref="IdNumberLookups.RateLimitedCode"/> with <c>Retry-After</c>.
/// </summary>
internal sealed class IdNumberLookupOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Registry:IdNumberLookups";

    /// <summary>Look-ups one account may make per <see cref="Window"/>.</summary>
    public int PermitLimit { get; set; } = 20;

    /// <summary>The window (fixed; it restarts when it ends).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    /// <summary>What is wrong with the settings (empty when they are usable).</summary>
    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        if (PermitLimit < 1)
        {
            problems.Add($"{Section}:PermitLimit must be at least 1 (is {PermitLimit}).");
        }

        if (Window < TimeSpan.FromSeconds(1))
        {
            problems.Add($"{Section}:Window must be at least one second (is {Window}).");
        }

        return problems;
    }
}

/// <summary>Registers the look-up gate and its limiter.</summary>
internal static class IdNumberLookupServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IdNumberLookups"/> with its options (checked now: invalid limits stop the platform).</summary>
    public static IServiceCollection AddIdNumberLookups(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(IdNumberLookupOptions.Section);
        var problems = (section.Get<IdNumberLookupOptions>() ?? new IdNumberLookupOptions()).Check();
        if (problems.Count > 0)
        {
            throw new PlatformConfigurationException("The ID-number look-up settings (section Registry:IdNumberLookups) are invalid:", problems);
        }

        services.AddOptions<IdNumberLookupOptions>().Bind(section);
        services.AddSingleton<IdNumberLookupLimiter>();
        services.AddScoped<IdNumberLookups>();
        return services;
    }
}
