using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.Persistence;
using KnowledgeRenewal.Supervision.Web;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeRenewal.Supervision.UseCases.Complaints;

/// <summary>Wiring of complaints.</summary>
internal static class ComplaintComposition
{
    /// <summary>
    /// Registers complaints: the settings (section <see cref="ComplaintOptions.Section"/>, checked now — invalid settings
    /// stop the platform), the scope filter, the feed, the store, the risk signal and reminder source, the public rate
    /// limit, the menu items and the workbench section. Handlers, validators and the demo seeder are found by scanning.
    /// </summary>
    public static IServiceCollection AddComplaints(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ComplaintOptions.Section);
        var options = section.Get<ComplaintOptions>() ?? new ComplaintOptions();
        if (options.Check() is { Count: > 0 } problems)
        {
            throw new PlatformConfigurationException($"The complaint settings (section {ComplaintOptions.Section}) are invalid:", problems);
        }

        services.AddOptions<ComplaintOptions>().Bind(section);
        services.AddPlatformModelPart<ComplaintsModel>();
        services.AddEdmModelPart<ComplaintsEdm>();
        services.AddScoped<ComplaintStore>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IRiskSignal, ComplaintRiskSignal>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IReminderSource, ComplaintReminderSource>());
        services.Configure<RateLimiterOptions>(o => ComplaintLimits.AddPolicy(o, options.PublicRequestsPerMinute));
        services.AddMenuItem("监督管理", "投诉办理", "/supervision/complaints", 428, [.. ComplaintAccess.Readers]);
        services.AddMenuItem("项目", "投诉与查询", "/complaints", 312);
        services.AddWorkbenchSection<Pages.Complaints.ComplaintsWorkbenchSection>();
        return services;
    }
}
