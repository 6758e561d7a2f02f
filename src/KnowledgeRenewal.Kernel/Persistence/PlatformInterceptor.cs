using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.Kernel.Persistence;

/// <summary>
/// An interceptor every platform and module database context runs (e.g. the audit trail, the ledger guard), registered
/// by the area that owns it: <c>services.AddSingleton(new PlatformInterceptor(10, _ => LedgerGuard.Instance))</c>.
/// Lower <paramref name="Order"/> runs first.
/// </summary>
/// <param name="Order">Position among the interceptors.</param>
/// <param name="Create">Gets the interceptor from the root services.</param>
public sealed record PlatformInterceptor(int Order, Func<IServiceProvider, IInterceptor> Create)
{
    /// <summary>Adds every registered interceptor, in order, to <paramref name="options"/>.</summary>
    public static DbContextOptionsBuilder AddAll(DbContextOptionsBuilder options, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        var interceptors = services.GetServices<PlatformInterceptor>().OrderBy(i => i.Order).Select(i => i.Create(services)).ToArray();
        return interceptors.Length == 0 ? options : options.AddInterceptors(interceptors);
    }
}
