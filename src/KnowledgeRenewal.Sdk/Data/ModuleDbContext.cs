using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Sdk;

/// <summary>
/// Base of a module's own database context. Its tables are named <c>{key}_{Table}</c> so they never clash
/// with the platform's or another module's. Register it with <see cref="ModuleBuilder.AddDbContext{TContext}"/>.
/// </summary>
/// <typeparam name="TModule">The module the context belongs to.</typeparam>
public abstract class ModuleDbContext<TModule> : DbContext
    where TModule : DepartmentModule, new()
{
    private static readonly string TablePrefix = new TModule().Manifest.Key + "_";

    /// <summary>Creates the context.</summary>
    protected ModuleDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Declare the module's entities here, as in <c>OnModelCreating</c>.</summary>
    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    /// <inheritdoc />
    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureModel(modelBuilder);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is { } table && !table.StartsWith(TablePrefix, StringComparison.Ordinal))
            {
                entity.SetTableName(TablePrefix + table);
            }
        }
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<CreditHours>().HaveConversion<CreditHoursConverter>();
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
