namespace KnowledgeRenewal.Modules.Education.Tests;

/// <summary>The department's real catalog.</summary>
public sealed class EducationCatalogTests
{
    private readonly EducationModule module = new();

    [Fact]
    public void Has_at_least_15_active_subjects_with_Chinese_names_and_distinct_codes()
    {
        var catalog = module.Catalog;
        var active = catalog.Where(s => !s.IsRetired).ToArray();

        Assert.True(active.Length >= 15, $"education has {active.Length} active subjects");
        Assert.All(active, s => Assert.Contains(s.Name, c => c is >= '\u4e00' and <= '\u9fff'));
        Assert.Equal(catalog.Count, catalog.Select(s => s.Code).Distinct(StringComparer.Ordinal).Count());
    }
}
