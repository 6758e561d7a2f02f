using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace KnowledgeRenewal.Kernel.Changes;

/// <summary>
/// An entity set integrators follow with delta links, registered by the area that owns it
/// (<c>services.AddSingleton(ChangeTrackedSet.For&lt;CreditRecord&gt;(…))</c>): the set's name, the feed scope of
/// its clients, the properties its scope filter reads and how to read the scope keys from a row's values.
/// </summary>
/// <param name="EntitySet">The OData entity set.</param>
/// <param name="EntityType">The CLR type.</param>
/// <param name="Feed">The feed scope (e.g. <c>feeds.credits</c>) whose clients see every row.</param>
/// <param name="ScopeProperties">The row's properties the scope depends on: a change of any of them may move the row out of a scope.</param>
/// <param name="Keys">The scope keys of a row's (original or current) values.</param>
public sealed record ChangeTrackedSet(
    string EntitySet,
    Type EntityType,
    string Feed,
    IReadOnlyList<string> ScopeProperties,
    Func<PlatformDbContext, PropertyValues, CancellationToken, Task<ChangeScopeKeys>> Keys)
{
    /// <summary>A set of <typeparamref name="T"/>.</summary>
    public static ChangeTrackedSet For<T>(string entitySet, string feed, IReadOnlyList<string> scopeProperties, Func<PlatformDbContext, PropertyValues, CancellationToken, Task<ChangeScopeKeys>> keys)
        where T : class, IChangeTracked => new(entitySet, typeof(T), feed, scopeProperties, keys);

    /// <summary>A set whose scope keys are the row's own columns.</summary>
    public static ChangeTrackedSet For<T>(string entitySet, string feed, IReadOnlyList<string> scopeProperties, Func<PropertyValues, ChangeScopeKeys> keys)
        where T : class, IChangeTracked
    {
        ArgumentNullException.ThrowIfNull(keys);
        return new(entitySet, typeof(T), feed, scopeProperties, (_, values, _) => Task.FromResult(keys(values)));
    }
}

/// <summary>
/// Work another area does when tracked rows' scope keys change (e.g. the credit records follow their person: when a
/// person moves, their records leave the old county's view). Runs in the same transaction with the same change number,
/// for every row of one save or one bulk write at once: it stamps the rows that follow with the number and returns
/// their tombstones (with the old scope keys), which the caller writes — the SaveChanges interceptor with the save, a
/// bulk writer through <see cref="ChangeTombstones.WriteAsync"/>.
/// </summary>
/// <param name="EntityType">The tracked type whose move triggers the cascade.</param>
/// <param name="Run">Gets the context, the moved rows' ids with their old scope keys, the change number and when; returns the tombstones to write.</param>
public sealed record ChangeCascade(
    Type EntityType,
    Func<PlatformDbContext, IReadOnlyDictionary<Guid, ChangeScopeKeys>, long, DateTime, CancellationToken, Task<IReadOnlyList<ChangeTombstone>>> Run);
