using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Catalog;

public class PublicSubjectCatalogTests
{
    [Fact]
    public void The_public_catalog_keeps_the_catalog_rules()
    {
        Assert.Empty(ModuleContract.CheckCatalog(PublicSubjectCatalog.Subjects));
    }

    [Theory]
    [InlineData("政治理论")]
    [InlineData("职业道德")]
    [InlineData("数字")]
    [InlineData("知识产权")]
    [InlineData("网络安全")]
    [InlineData("应急管理")]
    public void Covers_each_public_topic_the_seed_names(string topic)
    {
        Assert.Contains(
            PublicSubjectCatalog.Subjects,
            s => !s.IsRetired
                && (s.Discipline.Contains(topic, StringComparison.Ordinal) || s.Name.Contains(topic, StringComparison.Ordinal)));
    }

    [Fact]
    public void Is_owned_by_the_HR_and_social_security_bureau()
    {
        Assert.Equal(Departments.HumanResourcesSocialSecurity, PublicSubjectCatalog.OwnerDepartment);
        Assert.Contains(PublicSubjectCatalog.OwnerDepartment, Departments.All);
    }
}
