using KnowledgeRenewal.Kernel.Application;
using System.Threading.RateLimiting;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.Persistence;
using KnowledgeRenewal.Supervision.Web;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeRenewal.Supervision.UseCases.Inspections;

/// <summary>Wiring of the expert pool and the double-random inspections.</summary>
internal static class InspectionComposition
{
    /// <summary>
    /// Registers the scope filters, the settings (<see cref="InspectionOptions.Section"/>), the candidates reader, every
    /// <see cref="IRiskSignal"/> of the area (Scrutor scan: each feature's signals are found without a line here), the
    /// rectification reminders, the public page's rate limit and the menu.
    /// </summary>
    public static IServiceCollection AddInspections(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(InspectionOptions.Section);
        var settings = section.Get<InspectionOptions>() ?? new InspectionOptions();
        if (settings.ConflictMonths is < 0 or > 120 || settings.PublicReadsPerMinute < 1)
        {
            throw new InvalidOperationException($"{InspectionOptions.Section}: ConflictMonths must be 0–120 and PublicReadsPerMinute at least 1.");
        }

        services.Configure<InspectionOptions>(section);
        services.AddPlatformModelPart<InspectionsModel>();
        services.AddEdmModelPart<InspectionsEdm>();
        services.AddScoped<InspectionCandidates>();
        services.AddScoped<ExpertWorkReader>();
        services.AddScoped<Programs.Contracts.IReviewExpertPool, ReviewExpertPool>();
        services.Scan(scan => scan.FromAssemblyOf<InspectionCandidates>()
            .AddClasses(classes => classes.AssignableTo<IRiskSignal>(), publicOnly: false)
            .As<IRiskSignal>()
            .WithScopedLifetime());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IReminderSource, RectificationsDue>());
        services.AddScoped<IBaseInspectionResults, BaseInspectionResults>();
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(InspectionsApi.PublicPolicy, context =>
            RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context) ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.PublicReadsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        services.AddMenuItem("监督管理", "双随机抽查", "/supervision/inspections", 425, KnowledgeRenewal.Sdk.PlatformRoles.ProgramOfficeAdmin);
        services.AddMenuItem("监督管理", "专家库", "/supervision/experts", 426, KnowledgeRenewal.Sdk.PlatformRoles.ProgramOfficeAdmin);
        services.AddMenuItem("监督管理", "抽查结果公开", "/inspections", 427);
        return services;
    }
}
