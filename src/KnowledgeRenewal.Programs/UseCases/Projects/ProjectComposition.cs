using KnowledgeRenewal.Kernel.Web;
using System.Threading.RateLimiting;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Domain;
using Microsoft.AspNetCore.RateLimiting;

using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Demo;
using KnowledgeRenewal.Programs.Web;
namespace KnowledgeRenewal.Programs.UseCases.Projects;

/// <summary>The rate limit of public objections: so many POSTs per client address per minute (fixed window, no queue; 429 beyond).</summary>
public static class ProjectObjectionLimits
{
    /// <summary>The rate-limiter policy name.</summary>
    public const string Policy = "project-objection";

    /// <summary>Adds the policy: POSTs count, reading the notices costs nothing.</summary>
    public static void AddPolicy(RateLimiterOptions options, int perMinute)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Of(context) ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("read"));
    }
}

/// <summary>Wiring of program projects.</summary>
public static class ProjectComposition
{
    /// <summary>
    /// Registers the services: the project settings (section <see cref="ProjectOptions.Section"/>) and the working-day
    /// calendar (section <see cref="WorkingDayOptions.Section"/>), both checked now — invalid settings stop the platform —
    /// and the objection rate limit. Handlers, validators and the demo seeder are found by scanning.
    /// </summary>
    public static IServiceCollection AddProjects(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ProjectOptions.Section);
        var projectOptions = section.Get<ProjectOptions>() ?? new ProjectOptions();
        var calendarOptions = configuration.GetSection(WorkingDayOptions.Section).Get<WorkingDayOptions>() ?? new WorkingDayOptions();
        var problems = projectOptions.Check().Concat(calendarOptions.Check()).ToArray();
        if (problems.Length > 0)
        {
            throw new PlatformConfigurationException($"The project settings (sections {ProjectOptions.Section}, {WorkingDayOptions.Section}) are invalid:", problems);
        }

        services.AddOptions<ProjectOptions>().Bind(section);
        services.AddSingleton(new WorkingDayCalendar(calendarOptions));
        services.AddScoped<ProjectCommandHandlers>();
        services.Configure<RateLimiterOptions>(options => ProjectObjectionLimits.AddPolicy(options, projectOptions.ObjectionsPerMinute));
        return services;
    }

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapProjects(this IEndpointRouteBuilder endpoints) => endpoints.MapProjectsApi();
}
