using KnowledgeRenewal.IntegrationTests.Infrastructure;

namespace KnowledgeRenewal.IntegrationTests.Events;

/// <summary>
/// A platform with the event push switched on and short delays (poll 100 ms, backoff from 1 s, capped at 2 s, six
/// attempts: a delivery is dead-lettered some 6–10 s after its first failure), and one employer in county A.
/// </summary>
public sealed class EventPushPlatformFixture : PlatformFixtureBase
{
    public const int MaxAttempts = 6;

    private readonly FixtureRegistry registry = new(20261208);

    public FixtureEmployer Employer { get; private set; } = null!;

    protected override bool DemoMode => false;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["EventPush:Enabled"] = "true",
        ["EventPush:PollIntervalMilliseconds"] = "100",
        ["EventPush:BaseDelayMilliseconds"] = "1000",
        ["EventPush:MaxDelayMilliseconds"] = "2000",
        ["EventPush:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["EventPush:TimeoutMilliseconds"] = "3000",
    };

    protected override Task SeedAsync() => SeedDataAsync(async (_, db) =>
    {
        var bureaus = await FixtureRegistry.CountyBureausAsync(db);
        Employer = registry.AddEmployer(db, "事件推送测试医院", CountyA, Sdk.Departments.Health, bureaus);
    });

    public Task<Person> RegisterAsync(HttpClient client) => registry.RegisterAsync(client, Employer, "推送测试人");
}

[CollectionDefinition(Name)]
public sealed class EventPushPlatform : ICollectionFixture<EventPushPlatformFixture>
{
    public const string Name = "event-push";
}
