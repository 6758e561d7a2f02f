using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Kernel.Web;

/// <summary>
/// A limit of the caller's was reached (429): the problem carries the stable <see cref="PlatformException.Code"/> and
/// the response a <c>Retry-After</c> header with <see cref="RetryAfter"/> in whole seconds.
/// </summary>
public sealed class TooManyRequestsException(string code, string title, string detail, TimeSpan retryAfter)
    : PlatformException(code, StatusCodes.Status429TooManyRequests, title, detail)
{
    /// <summary>When the caller may try again.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>The <c>Retry-After</c> value: whole seconds, at least 1.</summary>
    public string RetryAfterSeconds => Math.Max(1, (long)Math.Ceiling(RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
