using Microsoft.Extensions.Configuration;

namespace KnowledgeRenewal.UnitTests.TestDoubles;

/// <summary>In-memory configuration built from <c>key=value</c> pairs.</summary>
public static class TestConfiguration
{
    public static IConfigurationRoot From(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
}
