using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Vocabularies;
using Microsoft.OData.Edm.Vocabularies.V1;

namespace KnowledgeRenewal.Sdk;

/// <summary>
/// The descriptive table of one part of an OData model (an area's sets, a module's sets): the Chinese label of each
/// entity set and property, the Chinese labels of its enums' members (read from the labels the pages already show,
/// never a second copy), the properties <c>$search</c> looks in, and the properties the server computes besides the
/// conventional ones. <see cref="EdmAnnotations.Apply"/> writes it into <c>$metadata</c> as
/// <c>Org.OData.Core.V1</c> and <c>Org.OData.Capabilities.V1</c> annotations (ADR 0028).
/// </summary>
public sealed class EdmDescriptions
{
    private readonly Dictionary<string, string> sets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> properties = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, Func<object, string?>> enums = [];
    private readonly Dictionary<string, string[]> searches = new(StringComparer.Ordinal);
    private readonly HashSet<string> computed = new(StringComparer.Ordinal);

    /// <summary>The Chinese label of entity set <paramref name="name"/>, e.g. <c>学时记录</c> for <c>CreditRecords</c>.</summary>
    public EdmDescriptions Set(string name, string label)
    {
        sets[name] = label;
        return this;
    }

    /// <summary>
    /// Chinese labels of properties by their name in the model: <c>("Hours", "学时")</c> labels every property so named
    /// on the part's types; <c>("CreditRecord.Status", "审核状态")</c> (the CLR type's name, a dot, the property)
    /// labels one type's property and wins over the name alone.
    /// </summary>
    public EdmDescriptions Properties(params (string Name, string Label)[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var (name, label) in labels)
        {
            properties[name] = label;
        }

        return this;
    }

    /// <summary>The Chinese label of each member of <typeparamref name="T"/>, from the labels the pages show.</summary>
    public EdmDescriptions Enum<T>(Func<T, string> label)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(label);
        enums[typeof(T)] = value => label((T)value);
        return this;
    }

    /// <summary>The Chinese label of each member of <typeparamref name="T"/>, from a label table the pages show.</summary>
    public EdmDescriptions Enum<T>(IReadOnlyDictionary<T, string> labels)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(labels);
        enums[typeof(T)] = value => labels.GetValueOrDefault((T)value);
        return this;
    }

    /// <summary>
    /// Makes <c>$search</c> work on set <paramref name="set"/>: a search term matches a row when one of these string
    /// properties contains it. Only names, titles and numbers belong here — never personal data that is masked (ID
    /// numbers, phones), which would let a caller probe the unmasked value.
    /// </summary>
    public EdmDescriptions Search(string set, params string[] propertyNames)
    {
        searches[set] = propertyNames;
        return this;
    }

    /// <summary>Marks <c>Type.Property</c> as computed by the server (besides keys and <c>…At</c> timestamps).</summary>
    public EdmDescriptions Computed(params string[] typeAndProperty)
    {
        ArgumentNullException.ThrowIfNull(typeAndProperty);
        computed.UnionWith(typeAndProperty);
        return this;
    }

    internal string? SetLabel(string name) => sets.GetValueOrDefault(name);

    internal string? PropertyLabel(string typeName, string name) =>
        properties.GetValueOrDefault($"{typeName}.{name}") ?? properties.GetValueOrDefault(name);

    internal string? EnumLabel(Type type, object value) => enums.TryGetValue(type, out var label) ? label(value) : null;

    internal bool HasEnum(Type type) => enums.ContainsKey(type);

    internal bool IsComputed(string typeName, string name) => computed.Contains($"{typeName}.{name}");

    internal IReadOnlyDictionary<string, string[]> Searches => searches;

    /// <summary>Adds <paramref name="other"/>'s entries that this table does not have (a part's table over the common one).</summary>
    public EdmDescriptions With(EdmDescriptions other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var merged = new EdmDescriptions();
        foreach (var source in new[] { other, this })
        {
            foreach (var (k, v) in source.sets) merged.sets[k] = v;
            foreach (var (k, v) in source.properties) merged.properties[k] = v;
            foreach (var (k, v) in source.enums) merged.enums[k] = v;
            foreach (var (k, v) in source.searches) merged.searches[k] = v;
            merged.computed.UnionWith(source.computed);
        }

        return merged;
    }
}

/// <summary>
/// Writes descriptive tables into a built model: <c>Core.Description</c> ("学时记录 (CreditRecords)") on every entity
/// set, property and enum member; <c>Capabilities.Insert/Update/DeleteRestrictions</c> false on every set (the feeds
/// are read-only); <c>Capabilities.SearchRestrictions</c> saying whether <c>$search</c> works on the set;
/// <c>Core.Computed</c> on keys, <c>…At</c> timestamps and what a table marks. The searchable properties are kept in
/// the model (<see cref="SearchableProperties"/>) for the feed filter.
/// </summary>
public static class EdmAnnotations
{
    /// <summary>The annotation that tells the feed filter which properties <c>$search</c> looks in (kept on the model, not written).</summary>
    private sealed record SearchIndex(IReadOnlyDictionary<string, string[]> Sets);

    /// <summary>
    /// Annotates <paramref name="model"/>: each structural type is described by the table of the part that declared
    /// it (<paramref name="tableOf"/>, by CLR type), falling back to <paramref name="common"/>.
    /// </summary>
    public static IEdmModel Apply(IEdmModel model, Func<Type, EdmDescriptions?> tableOf, EdmDescriptions common)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tableOf);
        ArgumentNullException.ThrowIfNull(common);
        if (model is not EdmModel edm)
        {
            return model;
        }

        EdmDescriptions TableOf(IEdmSchemaType type) =>
            ClrType(edm, type) is { } clr && tableOf(clr) is { } table ? table.With(common) : common;

        var description = CoreVocabularyModel.DescriptionTerm;
        var computedTerm = CoreVocabularyModel.ComputedTerm;
        foreach (var type in edm.SchemaElements.OfType<IEdmStructuredType>().OfType<IEdmSchemaType>())
        {
            var table = TableOf(type);
            var clrName = ClrType(edm, type)?.Name ?? type.Name;
            var structured = (IEdmStructuredType)type;
            var keys = (structured as IEdmEntityType)?.Key()?.Select(k => k.Name).ToHashSet(StringComparer.Ordinal) ?? [];
            foreach (var property in structured.DeclaredProperties)
            {
                var clrProperty = ClrPropertyName(edm, property);
                if ((table.PropertyLabel(clrName, property.Name) ?? table.PropertyLabel(clrName, clrProperty)) is { } label)
                {
                    Annotate(edm, property, description, new EdmStringConstant($"{label} ({property.Name})"));
                }

                if (property is IEdmStructuralProperty
                    && (keys.Contains(property.Name) || IsTimestamp(property) || table.IsComputed(clrName, property.Name)))
                {
                    Annotate(edm, property, computedTerm, new EdmBooleanConstant(true));
                }
            }
        }

        foreach (var type in edm.SchemaElements.OfType<IEdmEnumType>())
        {
            if (ClrType(edm, type) is not { IsEnum: true } clr)
            {
                continue;
            }

            var table = tableOf(clr)?.With(common) is { } own && own.HasEnum(clr) ? own : common;
            foreach (var member in type.Members)
            {
                if (System.Enum.TryParse(clr, ClrMemberName(edm, member) ?? member.Name, out var value) && table.EnumLabel(clr, value!) is { } label)
                {
                    Annotate(edm, member, description, new EdmStringConstant($"{label} ({member.Name})"));
                }
            }
        }

        var searches = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var set in edm.EntityContainer?.EntitySets() ?? [])
        {
            var table = TableOf(set.EntityType);
            if (table.SetLabel(set.Name) is { } label)
            {
                Annotate(edm, set, description, new EdmStringConstant($"{label} ({set.Name})"));
            }

            foreach (var restriction in new[] { ("InsertRestrictions", "Insertable"), ("UpdateRestrictions", "Updatable"), ("DeleteRestrictions", "Deletable") })
            {
                Annotate(edm, set, Capability(restriction.Item1), new EdmRecordExpression(new EdmPropertyConstructor(restriction.Item2, new EdmBooleanConstant(false))));
            }

            var searchable = table.Searches.GetValueOrDefault(set.Name)?.Where(p => set.EntityType.FindProperty(p) is IEdmStructuralProperty property && property.Type.IsString()).ToArray() ?? [];
            if (searchable.Length > 0)
            {
                searches[set.Name] = searchable;
            }

            Annotate(edm, set, Capability("SearchRestrictions"), new EdmRecordExpression(new EdmPropertyConstructor("Searchable", new EdmBooleanConstant(searchable.Length > 0))));
        }

        edm.SetAnnotationValue(edm, new SearchIndex(searches));
        return edm;
    }

    /// <summary>The string properties <c>$search</c> looks in on <paramref name="entitySet"/>; empty when it has none (then <c>$search</c> is refused).</summary>
    public static IReadOnlyList<string> SearchableProperties(IEdmModel model, string entitySet)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.GetAnnotationValue<SearchIndex>(model)?.Sets.GetValueOrDefault(entitySet) ?? [];
    }

    private static IEdmTerm Capability(string name) =>
        CapabilitiesVocabularyModel.Instance.FindDeclaredTerm("Org.OData.Capabilities.V1." + name)
        ?? throw new InvalidOperationException($"Capabilities vocabulary has no {name}.");

    // Timestamps the server stamps (RecordedAt, IssuedAt, ChangedAt …): a DateTimeOffset named …At.
    private static bool IsTimestamp(IEdmProperty property) =>
        property.Name.EndsWith("At", StringComparison.Ordinal) && property.Type.IsDateTimeOffset();

    private static void Annotate(EdmModel model, IEdmVocabularyAnnotatable target, IEdmTerm term, IEdmExpression value)
    {
        var annotation = new EdmVocabularyAnnotation(target, term, value);
        annotation.SetSerializationLocation(model, EdmVocabularyAnnotationSerializationLocation.Inline);
        model.SetVocabularyAnnotation(annotation);
    }

    private static Type? ClrType(IEdmModel model, IEdmSchemaType type) =>
        model.GetAnnotationValue<Microsoft.OData.ModelBuilder.ClrTypeAnnotation>(type)?.ClrType;

    private static string ClrPropertyName(IEdmModel model, IEdmProperty property) =>
        model.GetAnnotationValue<Microsoft.OData.ModelBuilder.ClrPropertyInfoAnnotation>(property)?.ClrPropertyInfo.Name ?? property.Name;

    private static string? ClrMemberName(IEdmModel model, IEdmEnumMember member) =>
        model.GetAnnotationValue<Microsoft.OData.ModelBuilder.ClrEnumMemberAnnotation>(member.DeclaringType) is { } map
            ? map.GetClrEnumMember(member)?.ToString()
            : null;
}
