using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.IntegrationTests.Infrastructure;

/// <summary>
/// Service scopes for test set-up and inspection that act as the platform itself (<see cref="SystemScope"/>): the
/// data layer fails closed for code without a caller, so tests that read or write directly must say so.
/// </summary>
public static class SystemScopes
{
    /// <summary>A service scope whose work runs as the platform until it is disposed.</summary>
    public static SystemServiceScope CreateSystemScope(this IServiceProvider services) => new(services.CreateAsyncScope(), SystemScope.Enter());
}

/// <summary>A service scope running as the platform.</summary>
public sealed class SystemServiceScope(AsyncServiceScope scope, IDisposable system) : IServiceScope, IAsyncDisposable
{
    public IServiceProvider ServiceProvider => scope.ServiceProvider;

    public void Dispose()
    {
        scope.Dispose();
        system.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        system.Dispose();
    }
}
