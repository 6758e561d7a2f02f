using Ardalis.Specification;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Data;

/// <summary>The platform's own specification evaluator, against the real database.</summary>
[Collection(SharedPlatform.Name)]
public sealed class SpecificationEvaluatorTests(PlatformFixture platform)
{
    [Fact]
    public async Task Criteria_search_include_order_and_paging_are_translated_to_SQL()
    {
        using var scope = platform.Factory.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var all = await db.Subjects.AsNoTracking().Where(s => s.Name.Contains("安全")).OrderBy(s => s.Id).ToListAsync();

        var sql = await platform.Sql.CaptureAsync(async () =>
        {
            var page = await db.Subjects.WithSpecification(new SafetySubjectsPage(skip: 1, take: 2)).ToListAsync();

            Assert.Equal(all.Skip(1).Take(2).Select(s => s.Id), page.Select(s => s.Id));
            Assert.All(page, s => Assert.NotNull(s.Department));
        });

        var statement = Assert.Single(sql);
        Assert.Contains("LIKE", statement, StringComparison.Ordinal);
        Assert.Contains("JOIN", statement, StringComparison.Ordinal);
        Assert.True(all.Count >= 3, "catalogs should hold several safety subjects");
    }

    [Fact]
    public async Task Repository_counts_with_criteria_only_and_lists_with_projection()
    {
        using var scope = platform.Factory.Services.CreateSystemScope();
        var subjects = scope.ServiceProvider.GetRequiredService<IReadRepositoryBase<Subject>>();

        var count = await subjects.CountAsync(new SafetySubjectsPage(skip: 1, take: 2));
        var names = await subjects.ListAsync(new SubjectNames(CreditCategory.Public));

        Assert.True(count >= 3);
        Assert.Equal(PublicSubjectCatalog.Subjects.Select(s => s.Name).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    private sealed class SafetySubjectsPage : Specification<Subject>
    {
        public SafetySubjectsPage(int skip, int take) =>
            Query.Search(s => s.Name, "%安全%")
                .Include(s => s.Department)
                .OrderBy(s => s.Id)
                .Skip(skip)
                .Take(take);
    }

    private sealed class SubjectNames : Specification<Subject, string>
    {
        public SubjectNames(CreditCategory category)
        {
            Query.Where(s => s.Category == category);
            Query.Select(s => s.Name);
        }
    }
}
