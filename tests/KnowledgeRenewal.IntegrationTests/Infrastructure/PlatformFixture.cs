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

    /// <summary>Test accounts and signed-in clients per role.</summary>
    public TestAccounts Accounts { get; private set; } = null!;

    /// <summary>A client signed in as a test account holding <paramref name="role"/>.</summary>
    public Task<HttpClient> ClientAsync(string role) => Accounts.ClientAsync(role);

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Factory = new PlatformFactory(Database);
        Client = Factory.CreateClient();
        Accounts = new TestAccounts(Factory);
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
