using KnowledgeRenewal.Sdk;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeRenewal.Kernel.Access;

/// <summary>Registers access scoping: the current caller (<see cref="ICurrentAccess"/>) read from the request.</summary>
public static class PlatformAccess
{
    /// <summary>Adds <see cref="ICurrentAccess"/> for the request's caller (the platform itself outside requests: see <see cref="SystemScope"/>).</summary>
    public static IServiceCollection AddPlatformAccess(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddScoped<ICurrentAccess, CurrentAccess>();
        return services;
    }
}
