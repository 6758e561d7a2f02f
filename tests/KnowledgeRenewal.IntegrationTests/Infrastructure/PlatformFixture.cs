namespace KnowledgeRenewal.IntegrationTests.Infrastructure;

/// <summary>
/// One running platform (all modules enabled, demo data seeded) on its own real database, shared by the tests
/// of the <see cref="SharedPlatform"/>. Those tests only read, or write rows no other test counts.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public PlatformFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public SqlLog Sql => Factory.Sql;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Factory = new PlatformFactory(Database);
        Client = Factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SharedPlatform : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
