using KnowledgeRenewal.Kernel.Security;
using KnowledgeRenewal.Registry.Persistence;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Web;
namespace KnowledgeRenewal.Credits.UseCases.Certificates;

/// <summary>Wiring of credit-hour certificates, their public verification and credentials.</summary>
public static class CertificateComposition
{
    /// <summary>Registers the services.</summary>
    public static IServiceCollection AddCertificates(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(CertificateOptions.Section);
        services.Configure<CertificateOptions>(section);
        var perMinute = section.Get<CertificateOptions>()?.VerificationsPerMinute ?? new CertificateOptions().VerificationsPerMinute;
        services.Configure<RateLimiterOptions>(options => CertificateVerificationLimits.AddPolicy(options, perMinute));
        services.AddSingleton(provider => new CredentialKeys(provider.GetRequiredService<LocalKeyStore>(), provider.GetRequiredService<IOptions<CertificateOptions>>()));
        services.AddScoped<CertificateLinks>();
        services.AddScoped<CertificateCredentials>();
        services.AddScoped<CertificateIssuer>();
        services.AddScoped<CertificateReader>();
        return services;
    }

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapCertificates(this IEndpointRouteBuilder endpoints) => endpoints.MapCertificatesApi();
}
