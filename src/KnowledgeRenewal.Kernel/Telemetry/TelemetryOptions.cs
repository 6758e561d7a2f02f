namespace KnowledgeRenewal.Kernel.Telemetry;

/// <summary>
/// The platform's telemetry (section <c>Telemetry</c>). By default nothing leaves the machine: metrics are kept for the
/// operators' Prometheus scrape (<see cref="PrometheusOptions"/>) and traces are made only when an OTLP collector is
/// configured (<see cref="OtlpOptions.Endpoint"/>) — the platform runs on closed networks.
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Telemetry";

    /// <summary>Whether telemetry is on at all (off: no meter provider, no tracer provider, no scrape endpoint).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The service name every signal carries (<c>service.name</c>).</summary>
    public string ServiceName { get; set; } = "knowledge-renewal";

    /// <summary>The OTLP exporter (traces, metrics and logs to a collector).</summary>
    public OtlpOptions Otlp { get; set; } = new();

    /// <summary>The Prometheus scrape endpoint.</summary>
    public PrometheusOptions Prometheus { get; set; } = new();

    /// <summary>The share of new traces recorded (0–1; a caller's sampled trace is always followed).</summary>
    public double TraceSampleRatio { get; set; } = 1.0;

    /// <summary>The problems of these settings (empty when valid).</summary>
    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(Otlp.Endpoint) && !Uri.TryCreate(Otlp.Endpoint, UriKind.Absolute, out _))
        {
            problems.Add($"{Section}:Otlp:Endpoint \"{Otlp.Endpoint}\" is not an absolute address (e.g. http://collector:4317).");
        }

        if (TraceSampleRatio is < 0 or > 1 || double.IsNaN(TraceSampleRatio))
        {
            problems.Add($"{Section}:TraceSampleRatio must be between 0 and 1.");
        }

        if (Prometheus.Enabled && (string.IsNullOrWhiteSpace(Prometheus.Path) || !Prometheus.Path.StartsWith('/')))
        {
            problems.Add($"{Section}:Prometheus:Path must start with '/' (e.g. /metrics).");
        }

        if (!string.IsNullOrEmpty(Prometheus.ScrapeToken) && Prometheus.ScrapeToken.Length < PrometheusOptions.MinimumTokenLength)
        {
            problems.Add($"{Section}:Prometheus:ScrapeToken must be at least {PrometheusOptions.MinimumTokenLength} characters (e.g. openssl rand -hex 32).");
        }

        return problems;
    }
}

/// <summary>The OTLP exporter (section <c>Telemetry:Otlp</c>): off while <see cref="Endpoint"/> is empty.</summary>
public sealed class OtlpOptions
{
    /// <summary>The collector's address (e.g. <c>http://collector:4317</c> for gRPC, <c>http://collector:4318</c> for HTTP); empty: no exporter.</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>Grpc</c> (default) or <c>HttpProtobuf</c>.</summary>
    public string Protocol { get; set; } = "Grpc";

    /// <summary>Headers sent with every export (<c>key=value,key2=value2</c>, e.g. a collector's token).</summary>
    public string? Headers { get; set; }

    /// <summary>Whether logs are exported too (they carry the trace and span ids).</summary>
    public bool Logs { get; set; } = true;

    /// <summary>Whether an exporter is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);
}

/// <summary>The Prometheus scrape endpoint (section <c>Telemetry:Prometheus</c>; ADR 0021): for operators, never public.</summary>
public sealed class PrometheusOptions
{
    /// <summary>The shortest scrape token accepted.</summary>
    public const int MinimumTokenLength = 32;

    /// <summary>Whether the endpoint is mapped.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Its path.</summary>
    public string Path { get; set; } = "/metrics";

    /// <summary>
    /// A secret a scraper sends as <c>Authorization: Bearer …</c> (Prometheus' <c>authorization.credentials</c>) in place
    /// of a system administrator's sign-in; empty (default): only a signed-in system administrator may read the endpoint.
    /// </summary>
    public string? ScrapeToken { get; set; }
}
