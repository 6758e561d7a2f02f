using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Modules;

public class SdkInfoTests
{
    [Theory]
    [InlineData("1.0", "1.0", true)]
    [InlineData("1.0", "1.3", true)]
    [InlineData("1.3", "1.3", true)]
    [InlineData("1.4", "1.3", false)]
    [InlineData("2.0", "1.9", false)]
    [InlineData("1.0", "2.0", false)]
    [InlineData("1.9", "2.0", false)]
    public void A_module_runs_on_the_same_major_version_with_an_equal_or_newer_minor(string required, string provided, bool expected)
    {
        Assert.Equal(expected, SdkInfo.IsCompatible(Version.Parse(required), Version.Parse(provided)));
    }

    [Fact]
    public void A_module_built_against_this_SDK_runs_on_it()
    {
        Assert.True(SdkInfo.IsCompatible(SdkInfo.Version, SdkInfo.Version));
    }

    [Fact]
    public void IsCompatible_rejects_missing_versions()
    {
        Assert.Throws<ArgumentNullException>(() => SdkInfo.IsCompatible(null!, SdkInfo.Version));
        Assert.Throws<ArgumentNullException>(() => SdkInfo.IsCompatible(SdkInfo.Version, null!));
    }
}
