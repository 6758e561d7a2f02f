using System.Xml;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;

namespace KnowledgeRenewal.IntegrationTests.OData;

[Collection(SharedPlatform.Name)]
public sealed class MetadataTests(PlatformFixture platform)
{
    [Fact]
    public async Task Platform_metadata_is_valid_CSDL_with_the_catalog_entity_sets()
    {
        var model = await ReadModelAsync("/odata/$metadata");

        var sets = model.EntityContainer.EntitySets().Select(s => s.Name).ToArray();
        Assert.Equal(["AnnualPlans", "BaseExchanges", "BaseScorecards", "Certificates", "Classes", "ClassEvaluations", "Complaints", "Compliance", "Courses", "CreditRecords", "Departments", "DigitalCertificates", "EducationBases", "Employers", "Employments", "FeeStandards", "Filings", "Inspections", "Modules", "Organizations", "PlanTargets", "Professionals", "Projects", "ProjectTransitions", "Regions", "Spending", "Subjects", "TrainingFunds", "TrainingProviders"], sets.Order());
        var subject = model.FindDeclaredType("KnowledgeRenewal.Subject") as IEdmEntityType;
        Assert.NotNull(subject);
        Assert.Contains(subject.NavigationProperties(), p => p.Name == "Department");
        Assert.Equal(EdmPrimitiveTypeKind.Decimal, subject.FindProperty("DefaultCreditHours").Type.PrimitiveKind());

        // Compliance carries its employer's ownership (the split by ownership, ADR 0019) beside the navigation.
        var compliance = model.FindDeclaredType("KnowledgeRenewal.Compliance") as IEdmEntityType;
        Assert.NotNull(compliance);
        Assert.True(compliance.FindProperty("EmployerOwnership")?.Type.IsEnum(), "Compliance.EmployerOwnership is not an enum property");
        Assert.Contains(compliance.NavigationProperties(), p => p.Name == "Employer");
    }

    [Fact]
    public async Task Module_metadata_lives_under_the_module_route()
    {
        var model = await ReadModelAsync("/odata/health/$metadata");

        Assert.Equal(["CmeProjects"], model.EntityContainer.EntitySets().Select(s => s.Name));
    }

    private async Task<IEdmModel> ReadModelAsync(string path)
    {
        var xml = await platform.Client.GetStringAsync(new Uri(path, UriKind.Relative));
        using var reader = XmlReader.Create(new StringReader(xml));
        Assert.True(CsdlReader.TryParse(reader, out var model, out var parseErrors), string.Join("; ", parseErrors ?? []));
        Assert.True(model.Validate(out IEnumerable<EdmError> errors), string.Join("; ", errors));
        return model;
    }
}
