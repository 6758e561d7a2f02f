using System.Reflection;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Kernel.Web;

/// <summary>
/// Enum parameters bound from the route, the query string or a header: minimal APIs parse any number
/// (<c>?status=999</c>) into the enum, so this endpoint filter refuses a value that is not one of its members with
/// a 400 naming the parameter. Added once to the group every REST endpoint is mapped in (JSON bodies are checked
/// by <see cref="MemberEnumConverterFactory"/>).
/// </summary>
public static class EnumArguments
{
    /// <summary>The endpoint filter factory.</summary>
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var checks = context.MethodInfo.GetParameters()
            .Select((parameter, index) => (Parameter: parameter, Index: index))
            .Where(p => (Nullable.GetUnderlyingType(p.Parameter.ParameterType) ?? p.Parameter.ParameterType).IsEnum
                && p.Parameter.GetCustomAttribute<FromBodyAttribute>() is null)
            .Select(p => (Name: NameOf(p.Parameter), p.Index))
            .ToArray();
        if (checks.Length == 0)
        {
            return next;
        }

        return invocation =>
        {
            var errors = checks
                .Select(c => invocation.Arguments[c.Index] is Enum value ? EnumMembers.Check(c.Name, value) : null)
                .OfType<FieldError>()
                .ToArray();
            return errors.Length > 0 ? throw new RequestValidationException(errors) : next(invocation);
        };
    }

    private static string NameOf(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<FromQueryAttribute>()?.Name
        ?? parameter.GetCustomAttribute<FromRouteAttribute>()?.Name
        ?? parameter.GetCustomAttribute<FromHeaderAttribute>()?.Name
        ?? parameter.Name
        ?? "";
}
