namespace KnowledgeRenewal.Kernel.Web;

/// <summary>Registers the platform's problem details: every error an RFC 9457 problem with a stable code and a Chinese title.</summary>
public static class PlatformProblems
{
    /// <summary>Adds the problem details conventions and the exception handler that turns platform exceptions into problems.</summary>
    public static IServiceCollection AddPlatformProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsConventions.Customize);
        services.AddExceptionHandler<PlatformExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }
}
