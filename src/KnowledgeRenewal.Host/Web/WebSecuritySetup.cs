using System.Net;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Identity;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.Web;
using KnowledgeRenewal.Kernel.Access;
using Microsoft.AspNetCore.HttpOverrides;

namespace KnowledgeRenewal.Host.Web;

/// <summary>
/// What every response and every client address rests on: the security headers (<see cref="SecurityHeadersMiddleware"/>)
/// and forwarded headers honoured from the configured reverse proxies only (<see cref="SecurityOptions.KnownProxies"/>,
/// <see cref="SecurityOptions.KnownNetworks"/>) — so no client can choose the address that rate limits and audit
/// records see, nor the scheme. <c>X-Forwarded-Host</c> is never honoured: no header of a request becomes the
/// platform's host. Which Host headers are served at all is ASP.NET Core's <c>AllowedHosts</c>.
/// </summary>
internal static class WebSecuritySetup
{
    // The setting ASPNETCORE_FORWARDEDHEADERS_ENABLED, as the web host reads it.
    private const string ForwardedHeadersEnabled = "FORWARDEDHEADERS_ENABLED";

    /// <summary>
    /// Restricts forwarded headers to the configured proxies (loopback when none is configured). ASP.NET Core's own
    /// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> would otherwise trust them from anyone. Throws
    /// <see cref="PlatformConfigurationException"/> when an address or network cannot be read.
    /// </summary>
    public static IServiceCollection AddPlatformWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        var (proxies, networks) = KnownProxiesFrom(security);
        services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    /// <summary>
    /// The first middleware of the platform: forwarded headers from the known proxies when some are configured (and
    /// ASP.NET Core does not apply them already), then the security headers of every response.
    /// </summary>
    public static void UseWebSecurity(this WebApplication app)
    {
        var security = app.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        var appliedByHost = string.Equals(app.Configuration[ForwardedHeadersEnabled], "true", StringComparison.OrdinalIgnoreCase);
        if (!appliedByHost && (security.KnownProxies.Count > 0 || security.KnownNetworks.Count > 0))
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
    }

    private static (IReadOnlyList<IPAddress> Proxies, IReadOnlyList<System.Net.IPNetwork> Networks) KnownProxiesFrom(SecurityOptions security)
    {
        var problems = new List<string>();
        var proxies = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var text in security.KnownProxies)
        {
            if (IPAddress.TryParse(text.Trim(), out var address))
            {
                proxies.Add(address);
            }
            else
            {
                problems.Add($"{SecurityOptions.Section}:{nameof(SecurityOptions.KnownProxies)}: '{text}' is not an IP address.");
            }
        }

        foreach (var text in security.KnownNetworks)
        {
            if (System.Net.IPNetwork.TryParse(text.Trim(), out var network))
            {
                networks.Add(network);
            }
            else
            {
                problems.Add($"{SecurityOptions.Section}:{nameof(SecurityOptions.KnownNetworks)}: '{text}' is not a network in CIDR notation (e.g. 10.0.0.0/24).");
            }
        }

        if (problems.Count > 0)
        {
            throw new PlatformConfigurationException("The reverse proxies (section Security) are invalid:", problems);
        }

        if (proxies.Count == 0 && networks.Count == 0)
        {
            // Only a proxy on this machine, as ASP.NET Core's defaults have it.
            proxies.Add(IPAddress.IPv6Loopback);
            networks.Add(new System.Net.IPNetwork(IPAddress.Loopback, 8));
        }

        return (proxies, networks);
    }
}
