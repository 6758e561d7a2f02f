using KnowledgeRenewal.Modules.Education;
using KnowledgeRenewal.Modules.Health;
using KnowledgeRenewal.Modules.Transport;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Modules;

/// <summary>
/// What the first modules shipped with the platform satisfy together. What each module satisfies on its own (its
/// contract, manifest, catalog and rules) is tested in its own project, tests/KnowledgeRenewal.Modules.{Name}.Tests.
/// </summary>
public class ShippedModulesTests
{
    [Fact]
    public void The_shipped_modules_belong_to_three_different_departments()
    {
        DepartmentModule[] modules = [new EducationModule(), new HealthModule(), new TransportModule()];
        var departments = modules.Select(m => m.Manifest.DepartmentCode);

        Assert.Equal(3, departments.Distinct(StringComparer.Ordinal).Count());
    }
}
