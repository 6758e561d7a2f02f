namespace KnowledgeRenewal.Host.Certificates;

/// <summary>Wiring of credit-hour certificates, their public verification and credentials.</summary>
public static class CertificateComposition
{
    /// <summary>Registers the services.</summary>
    public static IServiceCollection AddCertificates(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapCertificates(this IEndpointRouteBuilder endpoints) => endpoints;
}
