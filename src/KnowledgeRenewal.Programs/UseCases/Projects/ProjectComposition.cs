using System.Threading.RateLimiting;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Programs.Domain;
using Microsoft.AspNetCore.RateLimiting;

namespace KnowledgeRenewal.Programs.UseCases.Projects;

/// <summary>The rate limit of public objections: so many POSTs per client address per minute (fixed window, no queue; 429 beyond).</summary>
internal static class ProjectObjectionLimits
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
internal static class ProjectComposition
{
    /// <summary>
    /// Registers the services: the project settings (section <see cref="ProjectOptions.Section"/>) and the working-day
    /// calendar (section <see cref="WorkingDayOptions.Section"/>), both checked now — invalid settings stop the platform —
    /// the commands' shared <see cref="ProjectWriter"/> and the objection rate limit. Handlers, validators and the demo seeder are found by scanning.
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
        services.AddScoped<ProjectWriter>();
        services.AddScoped<Contracts.PublicNoticeTerms>();
        services.Configure<RateLimiterOptions>(options => ProjectObjectionLimits.AddPolicy(options, projectOptions.ObjectionsPerMinute));
        return services;
    }
}
