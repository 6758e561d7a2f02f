namespace KnowledgeRenewal.Modules.HousingConstruction.Tests;

/// <summary>The department's real catalog: at least 15 active subjects under the <c>ZJ-</c> prefix, with its key subjects.</summary>
public sealed class HousingConstructionCatalogTests
{
    private readonly HousingConstructionModule module = new();

    [Fact]
    public void Declares_at_least_15_active_subjects()
    {
        Assert.InRange(module.Catalog.Count(s => !s.IsRetired), 15, int.MaxValue);
    }

    [Theory]
    [InlineData("ZJ-ZPSJZ")]
    [InlineData("ZJ-AQSC")]
    public void Declares_its_key_subjects(string code)
    {
        var subject = Assert.Single(module.Catalog, s => s.Code == code);

        Assert.False(subject.IsRetired);
        Assert.InRange(subject.DefaultCreditHours, 6m, 16m);
    }
}
