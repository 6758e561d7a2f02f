namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// A browser test: runs when Debian's Chromium is installed (<see cref="BrowserHost.ChromiumPath"/>), and is skipped
/// with the way to install it otherwise (the tests never download a browser).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    /// <summary>Skips the test when Chromium is absent.</summary>
    public BrowserFactAttribute()
    {
        if (!File.Exists(BrowserHost.ChromiumPath))
        {
            Skip = $"Chromium not found at {BrowserHost.ChromiumPath}: install it with `apt-get install -y chromium fonts-noto-cjk` (or set KR_CHROMIUM to its path).";
        }
    }

    /// <summary>
    /// Makes the test a tool that runs only when this environment variable is <c>1</c> (e.g. <c>KR_SCREENSHOTS</c>, set by
    /// <c>build/screenshots.sh</c>); otherwise it is reported as skipped.
    /// </summary>
    public string? RunsOnlyWith
    {
        get;
        set
        {
            field = value;
            if (Skip is null && value is not null && Environment.GetEnvironmentVariable(value) != "1")
            {
                Skip = $"a tool, not a test: runs only with {value}=1";
            }
        }
    }
}
