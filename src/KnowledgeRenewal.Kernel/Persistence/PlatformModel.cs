using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeRenewal.Kernel.Persistence;

/// <summary>
/// A business area's share of the platform database: its entity configurations, its query filters and its value
/// conventions. Each area registers one (<c>services.AddPlatformModelPart&lt;T&gt;()</c>); the one
/// <see cref="PlatformDbContext"/> applies them all. The model must not depend on configuration or the caller.
/// </summary>
public interface IPlatformModelPart
{
    /// <summary>Adds the area's entities, mappings and filters.</summary>
    void Build(PlatformModelBuilder model);

    /// <summary>Adds the area's conventions (e.g. enums stored as text).</summary>
    void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
    }
}

/// <summary>The areas' model parts, in the order they were registered.</summary>
/// <param name="Parts">The parts.</param>
public sealed record PlatformModel(IReadOnlyList<IPlatformModelPart> Parts);

/// <summary>What a model part builds with: EF Core's model builder plus the platform's filter conventions.</summary>
public sealed class PlatformModelBuilder
{
    private readonly PlatformDbContext context;

    internal PlatformModelBuilder(ModelBuilder builder, PlatformDbContext context, string? providerName)
    {
        Builder = builder;
        this.context = context;
        ProviderName = providerName;
    }

    /// <summary>EF Core's model builder.</summary>
    public ModelBuilder Builder { get; }

    /// <summary>The EF Core provider's name (for provider-specific SQL such as computed columns).</summary>
    public string? ProviderName { get; }

    /// <summary>Applies every <see cref="IEntityTypeConfiguration{TEntity}"/> of the assembly that holds <typeparamref name="TPart"/>.</summary>
    public PlatformModelBuilder ApplyConfigurationsOf<TPart>()
        where TPart : IPlatformModelPart
    {
        Builder.ApplyConfigurationsFromAssembly(typeof(TPart).Assembly);
        return this;
    }

    /// <summary>
    /// Adds the named query filter <paramref name="name"/> to <typeparamref name="TEntity"/>. The filter reads the
    /// scope parameters from the context (<paramref name="filter"/>'s first argument), as EF Core parameterizes a
    /// filter written inside the context class: they are read from the context that runs the query.
    /// </summary>
    public EntityTypeBuilder<TEntity> Filter<TEntity>(string name, Expression<Func<PlatformDbContext, TEntity, bool>> filter)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(filter);
        var body = new ContextReplacer(filter.Parameters[0], Expression.Constant(context)).Visit(filter.Body);
        var lambda = Expression.Lambda<Func<TEntity, bool>>(body, filter.Parameters[1]);
        return Builder.Entity<TEntity>().HasQueryFilter(name, lambda);
    }

    /// <summary>Adds the access-scope filter (<see cref="PlatformDbContext.AccessScopeFilter"/>).</summary>
    public EntityTypeBuilder<TEntity> ScopeFilter<TEntity>(Expression<Func<PlatformDbContext, TEntity, bool>> filter)
        where TEntity : class => Filter(PlatformDbContext.AccessScopeFilter, filter);

    private sealed class ContextReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }
}
