namespace KnowledgeRenewal.IntegrationTests.Infrastructure;

/// <summary>
/// One running platform (all modules enabled, demo data seeded) on its own real database, shared by the tests
/// of the <see cref="SharedPlatform"/>. Those tests only read, or write rows no other test counts.
/// </summary>
public sealed class PlatformFixture : PlatformFixtureBase
{
    /// <summary>A client without sign-in, shared by the collection's tests.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>Every answer says its server time and SQL commands (<c>Server-Timing</c>), for the page budget tests.</summary>
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Platform:ServerTiming"] = "true" };

    /// <inheritdoc />
    protected override bool ManySignIns => true;

    /// <inheritdoc/>
    protected override Task SeedAsync()
    {
        Client = Factory.CreateClient();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    protected override ValueTask DisposeHostsAsync()
    {
        Client.Dispose();
        return ValueTask.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class SharedPlatform : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
