namespace KnowledgeRenewal.Identity.Domain;

/// <summary>Configuration section <c>Security</c>: sign-in protection, sessions and tokens. Passwords: <c>Security:Passwords</c>.</summary>
public sealed class SecurityOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Security";

    /// <summary>Consecutive failed sign-ins before the account is locked.</summary>
    public int LockoutMaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Sign-in attempts per minute from one IP address (429 beyond).</summary>
    public int SignInPerIpPerMinute { get; set; } = 30;

    /// <summary>Sign-in attempts per minute for one account name (429 beyond).</summary>
    public int SignInPerAccountPerMinute { get; set; } = 10;

    /// <summary>A web session ends after this many idle minutes.</summary>
    public int SessionIdleMinutes { get; set; } = 30;

    /// <summary>A web session ends this many hours after sign-in, however active.</summary>
    public int SessionAbsoluteHours { get; set; } = 8;

    /// <summary>Minutes between a proven password and the two-factor code of a web sign-in before the person starts again.</summary>
    public int SignInCodeMinutes { get; set; } = 5;

    /// <summary>Lifetime of API access tokens.</summary>
    public int AccessTokenMinutes { get; set; } = 10;

    /// <summary>Lifetime of refresh tokens (each use returns a new one and retires the old).</summary>
    public int RefreshTokenHours { get; set; } = 8;

    /// <summary>
    /// Require HTTPS: cookies are sent over HTTPS only, HSTS is sent, the token endpoint refuses plain HTTP. The
    /// platform must then see HTTPS — TLS ends at the platform, or at a reverse proxy listed in
    /// <see cref="KnownProxies"/> / <see cref="KnownNetworks"/> that forwards the scheme (<c>X-Forwarded-Proto</c>).
    /// </summary>
    public bool RequireHttps { get; set; }

    /// <summary>
    /// Addresses of the reverse proxies whose <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> are honoured (with
    /// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>). Without these and <see cref="KnownNetworks"/>, only a proxy
    /// on the same machine (loopback) is trusted — never any client.
    /// </summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks (CIDR, e.g. <c>10.0.0.0/24</c>) of the reverse proxies whose forwarded headers are honoured.</summary>
    public IList<string> KnownNetworks { get; } = [];
}
