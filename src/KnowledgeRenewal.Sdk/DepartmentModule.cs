using Microsoft.AspNetCore.Routing;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Sdk;

/// <summary>
/// A line department's module: its professional-subject catalog, its credit rules and, optionally,
/// its own services, entities, endpoints and OData sets. Derive from it once per module assembly;
/// the platform finds it by assembly scanning and switches it with <c>Modules:{key}:Enabled</c>.
/// </summary>
/// <remarks>
/// Request handlers, validators, Mapster registrations, statistics and demo seeders in the module's
/// assembly are discovered automatically when the module is enabled; nothing needs to be listed here.
/// </remarks>
public abstract class DepartmentModule
{
    /// <summary>Identity of the module.</summary>
    public abstract ModuleManifest Manifest { get; }

    /// <summary>The department's professional-subject catalog (专业科目目录).</summary>
    public abstract IReadOnlyList<SubjectDefinition> Catalog { get; }

    /// <summary>Credit classes the rules refer to, e.g. health's class I and class II credits. Empty by default.</summary>
    public virtual IReadOnlyList<CreditClassDefinition> CreditClasses => [];

    /// <summary>The department's credit rules, one set per period, each with its effective-from date.</summary>
    public abstract IReadOnlyList<CreditRuleSet> RuleSets { get; }

    /// <summary>Registers the module's own services (and its database context, if it has entities).</summary>
    public virtual void ConfigureServices(ModuleBuilder builder)
    {
    }

    /// <summary>
    /// Maps the module's HTTP endpoints. <paramref name="endpoints"/> is a group under <c>/api/{key}</c> that already
    /// requires <see cref="PlatformPolicies.BusinessReader"/> (business roles and integrator clients; the separated
    /// administrators are refused); add stricter policies per endpoint, or <c>AllowAnonymous</c> for public reference data.
    /// </summary>
    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }

    /// <summary>
    /// Declares the module's own OData entity sets, served under <c>/odata/{key}</c>. The module's controllers, like
    /// its endpoints, require <see cref="PlatformPolicies.BusinessReader"/> besides their own authorization.
    /// Leave empty when the module has no entities of its own.
    /// </summary>
    public virtual void BuildODataModel(ODataConventionModelBuilder builder)
    {
    }

    /// <summary>
    /// The descriptive table of the module's OData sets (ADR 0028): the Chinese label of each set and property, its
    /// enums' member labels (the ones its pages show) and where <c>$search</c> looks; written into its <c>$metadata</c>.
    /// </summary>
    public virtual void DescribeODataModel(EdmDescriptions descriptions)
    {
    }

    /// <inheritdoc />
    public override string ToString() => $"{Manifest.Key} {Manifest.Version} ({GetType().FullName})";
}
