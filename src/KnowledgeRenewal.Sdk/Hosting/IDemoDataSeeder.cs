namespace KnowledgeRenewal.Sdk;

/// <summary>
/// Seeds realistic demo data when the platform runs in demo mode. Each seeder runs once per database
/// (the platform records <see cref="Key"/> and <see cref="Version"/>); raise the version to seed again.
/// Use <see cref="DemoSeedContext.Faker"/> (Bogus, zh_CN, fixed seed) so every run produces the same city.
/// </summary>
public interface IDemoDataSeeder
{
    /// <summary>Stable key, e.g. <c>health.cme-projects</c>.</summary>
    string Key { get; }

    /// <summary>Version of the seeder's data set.</summary>
    int Version { get; }

    /// <summary>Seeders run in ascending order (reference data first, then what depends on it).</summary>
    int Order { get; }

    /// <summary>Writes the demo data.</summary>
    Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken);
}

/// <summary>What a demo seeder gets: a deterministic random source and the program's time frame.</summary>
public sealed class DemoSeedContext
{
    /// <summary>Creates a context for one seeder; the seed is derived from the platform seed and the seeder key.</summary>
    public DemoSeedContext(int platformSeed, string seederKey)
    {
        ArgumentNullException.ThrowIfNull(seederKey);
        var seed = unchecked(platformSeed * 31 + StableHash(seederKey));
        Faker = new Bogus.Faker("zh_CN") { Random = new Bogus.Randomizer(seed) };
        Seed = seed;
    }

    /// <summary>The seed of this seeder's random source.</summary>
    public int Seed { get; }

    /// <summary>A Bogus faker with the zh_CN locale and a fixed seed.</summary>
    public Bogus.Faker Faker { get; }

    /// <summary>First year demo data covers: the program's first year (<see cref="ProgramPeriod.FirstYear"/>).</summary>
    public int FirstYear { get; init; } = ProgramPeriod.FirstYear;

    /// <summary>Last year demo data covers.</summary>
    public int LastYear { get; init; } = 2026;

    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }
}
