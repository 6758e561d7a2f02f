using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KnowledgeRenewal.Kernel.Telemetry;

/// <summary>
/// The platform's own instruments, all on one meter (<see cref="MeterName"/>): certificate verifications by outcome,
/// imports started and finished by kind and outcome (with their duration), compliance recomputations by outcome (with
/// their duration) and sign-in failures by reason. Tag values are short stable codes (lower case, no personal data), so
/// the number of series stays small. A singleton; the areas record at their existing code paths.
/// </summary>
public sealed class PlatformMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "KnowledgeRenewal";

    /// <summary>The tag value of anything not recognized (keeps the series bounded).</summary>
    public const string Other = "other";

    private const int MaxTagLength = 40;
    private const int MaxCachedCodes = 256;

    private static readonly ConcurrentDictionary<string, string> Codes = new(StringComparer.Ordinal);

    private readonly Counter<long> verifications;
    private readonly Counter<long> importsStarted;
    private readonly Counter<long> importsFinished;
    private readonly Histogram<double> importDuration;
    private readonly Counter<long> recomputations;
    private readonly Histogram<double> recomputationDuration;
    private readonly Counter<long> signInFailures;

    /// <summary>Creates the instruments on a meter of <paramref name="meters"/>.</summary>
    public PlatformMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        verifications = Meter.CreateCounter<long>("knowledge_renewal.certificate.verifications", "{verification}", "Certificate verifications by outcome (valid, superseded, revoked, unknown).");
        importsStarted = Meter.CreateCounter<long>("knowledge_renewal.imports.started", "{import}", "Registry imports and roster uploads started, by kind.");
        importsFinished = Meter.CreateCounter<long>("knowledge_renewal.imports.finished", "{import}", "Registry imports and roster uploads finished, by kind and outcome (completed, rejected, failed, crashed).");
        importDuration = Meter.CreateHistogram<double>("knowledge_renewal.import.duration", "s", "How long an import ran, by kind and outcome.");
        recomputations = Meter.CreateCounter<long>("knowledge_renewal.recomputations", "{recomputation}", "Compliance recomputations finished, by outcome (completed, failed, cancelled).");
        recomputationDuration = Meter.CreateHistogram<double>("knowledge_renewal.recomputation.duration", "s", "How long a compliance recomputation ran, by outcome.");
        signInFailures = Meter.CreateCounter<long>("knowledge_renewal.sign_in.failures", "{failure}", "Failed sign-ins by reason (unknown_account, disabled, wrong_password, locked_out, too_many_attempts, wrong_code).");
    }

    /// <summary>The meter.</summary>
    public Meter Meter { get; }

    /// <summary>One certificate verification (every one, also those answered from the cache).</summary>
    public void CertificateVerified(string outcome) => verifications.Add(1, new KeyValuePair<string, object?>("outcome", Code(outcome)));

    /// <summary>An import (or roster upload) starts.</summary>
    public void ImportStarted(string kind) => importsStarted.Add(1, new KeyValuePair<string, object?>("kind", Code(kind)));

    /// <summary>An import ended after <paramref name="elapsed"/>.</summary>
    public void ImportFinished(string kind, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "kind", Code(kind) }, { "outcome", Code(outcome) } };
        importsFinished.Add(1, tags);
        importDuration.Record(Seconds(elapsed), tags);
    }

    /// <summary>A compliance recomputation ended after <paramref name="elapsed"/>.</summary>
    public void RecomputationFinished(string outcome, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("outcome", Code(outcome));
        recomputations.Add(1, tag);
        recomputationDuration.Record(Seconds(elapsed), tag);
    }

    /// <summary>A sign-in was refused.</summary>
    public void SignInFailed(string reason) => signInFailures.Add(1, new KeyValuePair<string, object?>("reason", Code(reason)));

    /// <summary>
    /// A tag value as recorded: lower case ASCII letters, digits and <c>_</c> (an enum's name becomes snake case:
    /// <c>TooManyAttempts</c> → <c>too_many_attempts</c>), at most 40 characters; anything else, or nothing, is
    /// <see cref="Other"/> — so a caller cannot grow the series with free text.
    /// </summary>
    public static string Code(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxTagLength)
        {
            return Other;
        }

        if (Codes.TryGetValue(value, out var known))
        {
            return known;
        }

        var code = Convert(value);
        if (Codes.Count < MaxCachedCodes)
        {
            Codes.TryAdd(value, code);
        }

        return code;
    }

    private static string Convert(string value)
    {

        Span<char> buffer = stackalloc char[MaxTagLength * 2];
        var length = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiLetterUpper(c))
            {
                if (i > 0 && length > 0 && buffer[length - 1] != '_' && (char.IsAsciiLetterLower(value[i - 1]) || char.IsAsciiDigit(value[i - 1])))
                {
                    buffer[length++] = '_';
                }

                buffer[length++] = char.ToLowerInvariant(c);
            }
            else if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                buffer[length++] = c;
            }
            else if (c is '_' or '-' or '.')
            {
                buffer[length++] = '_';
            }
            else
            {
                return Other;
            }
        }

        return new string(buffer[..length]);
    }

    private static double Seconds(TimeSpan elapsed) => elapsed < TimeSpan.Zero ? 0 : elapsed.TotalSeconds;
}
