using System.Xml;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;
using Microsoft.OData.Edm.Vocabularies;

namespace KnowledgeRenewal.IntegrationTests.OData;

/// <summary>
/// The self-describing <c>$metadata</c> (ADR 0028), read as an integrator's generator reads it — with
/// Microsoft.OData.Edm's <see cref="CsdlReader"/>: every set, property and enum member of the platform's, the audit
/// feed's and the health module's models carries a Chinese <c>Core.Description</c> with its English name; every set is
/// read-only by its <c>Capabilities</c> annotations; keys and timestamps are <c>Core.Computed</c>; the sets that search
/// say so, the others say they do not.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class MetadataAnnotationTests(PlatformFixture platform)
{
    private const string Description = "Org.OData.Core.V1.Description";

    [Theory]
    [InlineData("/odata/$metadata")]
    [InlineData("/odata/health/$metadata")]
    [InlineData("/odata/audit/$metadata")]
    public async Task Every_set_property_and_enum_member_has_a_Chinese_description_with_its_English_name(string path)
    {
        var model = await ReadModelAsync(path);
        var missing = new List<string>();

        foreach (var set in model.EntityContainer.EntitySets())
        {
            Check(model, set, set.Name, set.Name, missing);
            for (IEdmStructuredType? type = set.EntityType; type is not null; type = type.BaseType)
            {
                foreach (var property in type.DeclaredProperties)
                {
                    Check(model, property, property.Name, $"{((IEdmNamedElement)type).Name}.{property.Name}", missing);
                }
            }
        }

        foreach (var type in model.SchemaElements.OfType<IEdmStructuredType>())
        {
            foreach (var property in type.DeclaredProperties)
            {
                Check(model, property, property.Name, $"{((IEdmNamedElement)type).Name}.{property.Name}", missing);
            }
        }

        foreach (var type in model.SchemaElements.OfType<IEdmEnumType>())
        {
            foreach (var member in type.Members)
            {
                Check(model, member, member.Name, $"{type.Name}.{member.Name}", missing);
            }
        }

        Assert.True(missing.Count == 0, "without a Chinese Core.Description: " + string.Join(", ", missing.Distinct()));
    }

    [Fact]
    public async Task Descriptions_name_sets_and_enum_members_as_the_pages_do()
    {
        var model = await ReadModelAsync("/odata/$metadata");

        Assert.Equal("学时记录 (CreditRecords)", DescriptionOf(model, model.EntityContainer.FindEntitySet("CreditRecords")));
        var status = (IEdmEnumType)model.FindDeclaredType("KnowledgeRenewal.CreditRecordStatus");
        Assert.Equal("已认定 (Approved)", DescriptionOf(model, status.Members.Single(m => m.Name == "Approved")));
        var titleLevel = (IEdmEnumType)model.FindDeclaredType("KnowledgeRenewal.TitleLevel");
        Assert.Equal("副高级 (AssociateSenior)", DescriptionOf(model, titleLevel.Members.Single(m => m.Name == "AssociateSenior")));
        var professional = (IEdmEntityType)model.FindDeclaredType("KnowledgeRenewal.Professional");
        Assert.Equal("姓名 (Name)", DescriptionOf(model, professional.FindProperty("Name")));
    }

    [Theory]
    [InlineData("/odata/$metadata")]
    [InlineData("/odata/health/$metadata")]
    [InlineData("/odata/audit/$metadata")]
    public async Task Every_set_is_read_only_and_says_whether_it_searches(string path)
    {
        var model = await ReadModelAsync(path);

        foreach (var set in model.EntityContainer.EntitySets())
        {
            Assert.False(Restriction(model, set, "InsertRestrictions", "Insertable"), $"{set.Name} insertable");
            Assert.False(Restriction(model, set, "UpdateRestrictions", "Updatable"), $"{set.Name} updatable");
            Assert.False(Restriction(model, set, "DeleteRestrictions", "Deletable"), $"{set.Name} deletable");
            Assert.NotNull(Restriction(model, set, "SearchRestrictions", "Searchable"));
        }
    }

    [Fact]
    public async Task Searchable_sets_and_computed_properties_are_marked()
    {
        var model = await ReadModelAsync("/odata/$metadata");

        foreach (var name in new[] { "Professionals", "Employers", "Projects", "Classes", "Subjects" })
        {
            Assert.True(Restriction(model, model.EntityContainer.FindEntitySet(name), "SearchRestrictions", "Searchable"), name);
        }

        foreach (var name in new[] { "Compliance", "AnnualPlans", "Spending" })
        {
            Assert.False(Restriction(model, model.EntityContainer.FindEntitySet(name), "SearchRestrictions", "Searchable"), name);
        }

        var record = (IEdmEntityType)model.FindDeclaredType("KnowledgeRenewal.CreditRecord");
        Assert.True(IsComputed(model, record.FindProperty("Id")));
        Assert.True(IsComputed(model, record.FindProperty("RecordedAt")));
        Assert.False(IsComputed(model, record.FindProperty("Title")));
    }

    [Fact]
    public async Task The_service_document_and_the_integrator_guide_list_the_module_feeds()
    {
        var guide = await platform.Client.GetStringAsync(new Uri("/integrators", UriKind.Relative));
        Assert.Contains("/odata/health/CmeProjects", guide, StringComparison.Ordinal);

        using var index = await platform.Client.GetAsync(new Uri("/odata", UriKind.Relative));
        var document = await index.ReadJsonAsync(System.Net.HttpStatusCode.OK, "service document");
        var entries = document.GetProperty("value").EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("name").GetString() == "CreditRecords");
        var module = Assert.Single(entries, e => e.GetProperty("name").GetString() == "health");
        Assert.Equal("ServiceDocument", module.GetProperty("kind").GetString());
        Assert.Equal("health", module.GetProperty("url").GetString());
    }

    private static void Check(IEdmModel model, IEdmVocabularyAnnotatable target, string englishName, string where, List<string> missing)
    {
        var text = DescriptionOf(model, target);
        if (text is null || !System.Text.RegularExpressions.Regex.IsMatch(text, @"\p{IsCJKUnifiedIdeographs}") || !text.EndsWith($"({englishName})", StringComparison.Ordinal))
        {
            missing.Add(where);
        }
    }

    private static string? DescriptionOf(IEdmModel model, IEdmVocabularyAnnotatable target) =>
        model.FindVocabularyAnnotations(target).FirstOrDefault(a => a.Term.FullName() == Description)?.Value is IEdmStringConstantExpression text
            ? text.Value
            : null;

    private static bool IsComputed(IEdmModel model, IEdmVocabularyAnnotatable target) =>
        model.FindVocabularyAnnotations(target).Any(a => a.Term.FullName() == "Org.OData.Core.V1.Computed"
            && a.Value is IEdmBooleanConstantExpression { Value: true });

    private static bool? Restriction(IEdmModel model, IEdmVocabularyAnnotatable set, string term, string property) =>
        model.FindVocabularyAnnotations(set).FirstOrDefault(a => a.Term.FullName() == "Org.OData.Capabilities.V1." + term)?.Value is IEdmRecordExpression record
            && record.Properties.FirstOrDefault(p => p.Name == property)?.Value is IEdmBooleanConstantExpression value
            ? value.Value
            : null;

    private async Task<IEdmModel> ReadModelAsync(string path)
    {
        var xml = await platform.Client.GetStringAsync(new Uri(path, UriKind.Relative));
        using var reader = XmlReader.Create(new StringReader(xml));
        Assert.True(CsdlReader.TryParse(reader, out var model, out var parseErrors), string.Join("; ", parseErrors ?? []));
        Assert.True(model.Validate(out IEnumerable<EdmError> errors), string.Join("; ", errors));
        return model;
    }
}
