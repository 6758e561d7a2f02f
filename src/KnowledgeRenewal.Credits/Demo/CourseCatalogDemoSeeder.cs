using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.Demo;

/// <summary>
/// The demo course catalog. Every base develops the courses its classes teach: one course per subject its classes of a
/// year cover, added at the start of that year, and the classes name it — so a base's scorecard counts exactly the
/// courses behind its own classes (the assessments of the demo years, order 95, come out as the demo city's story
/// tells them). A dozen more come from providers and two associations, some with a small PDF syllabus. Before the
/// bases' assessments (order 85). Idempotent: a catalog with courses is left alone.
/// </summary>
internal sealed class CourseCatalogDemoSeeder(PlatformDbContext db) : IDemoDataSeeder
{
    private static readonly string[] Topics = ["专题研修", "实务与案例", "前沿进展", "能力提升", "规范化操作", "政策解读"];
    private static readonly string[] Associations = ["济宁市医学会", "济宁市土木建筑学会"];

    /// <inheritdoc />
    public string Key => "credits.courses";

    /// <inheritdoc />
    public int Version => 1;

    /// <inheritdoc />
    public int Order => 85;

    /// <inheritdoc />
    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await db.Courses.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var subjects = await db.Subjects.IgnoreQueryFilters().AsNoTracking().Where(s => s.Status == SubjectStatus.Active).OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Code, s.Name, s.Category, s.DefaultCreditHours }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var bases = await (from b in db.EducationBases.IgnoreQueryFilters().AsNoTracking()
                           join o in db.Organizations.IgnoreQueryFilters().AsNoTracking() on b.OrganizationId equals o.Id
                           orderby o.Name
                           select new { o.Id, o.Name }).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        var baseIds = bases.Select(b => b.Id).ToHashSet();
        var providers = (await db.TrainingProviders.IgnoreQueryFilters().AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Id, p.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false)).Where(p => !baseIds.Contains(p.Id)).Take(6).ToList();
        if (subjects.Count == 0 || (bases.Count == 0 && providers.Count == 0))
        {
            return;
        }

        var pdf = "%PDF-1.4\n% 课程大纲（演示）\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
        var byCode = subjects.GroupBy(s => (s.Category, s.Code))
            .ToDictionary(g => g.Key, g => g.First());
        var index = 0;

        // The bases' own courses: one per (year, subject) of their classes, taught by those classes.
        foreach (var developer in bases)
        {
            var classes = await db.TrainingClasses.IgnoreQueryFilters().Where(c => c.ProviderId == developer.Id && c.SubjectCode != null && c.Status != TrainingClassStatus.Cancelled)
                .OrderBy(c => c.EndDate).ThenBy(c => c.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var group in classes.GroupBy(c => (c.EndDate.Year, c.Category, Code: c.SubjectCode!)))
            {
                // A class's subject code outside the active catalog: a course on another subject of its category.
                var sameCategory = subjects.Where(s => s.Category == group.Key.Category).DefaultIfEmpty(subjects[0]).ToList();
                var subject = byCode.GetValueOrDefault((group.Key.Category, group.Key.Code)) ?? sameCategory[index % sameCategory.Count];
                var first = group.First();
                var course = NewCourse(subject.Id, subject.Name, group.Key.Category, subject.DefaultCreditHours, group.Key.Year, index++,
                    first.Mode, CourseDeveloperKind.Base, developer.Id, developer.Name, pdf);
                db.Courses.Add(course);
                foreach (var trainingClass in group)
                {
                    trainingClass.CourseId = course.Id;
                }
            }
        }

        // Providers' and associations' courses: on the catalog for any class to use.
        var years = Enumerable.Range(context.FirstYear, context.LastYear - context.FirstYear + 1).ToList();
        for (var i = 0; i < 12; i++)
        {
            var subject = subjects[(i * 7) % subjects.Count];
            var year = years[i % years.Count];
            var (kind, organizationId, name) = i % 3 == 2 || providers.Count == 0
                ? (CourseDeveloperKind.Association, (Guid?)null, Associations[i % Associations.Length])
                : (CourseDeveloperKind.Provider, (Guid?)providers[i % providers.Count].Id, providers[i % providers.Count].Name);
            db.Courses.Add(NewCourse(subject.Id, subject.Name, subject.Category, subject.DefaultCreditHours, year, index++, (DeliveryMode)(1 + (i % 3)), kind, organizationId, name, pdf));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Course NewCourse(string subjectId, string subjectName, CreditCategory category, decimal defaultHours, int year, int index,
        DeliveryMode mode, CourseDeveloperKind kind, Guid? organizationId, string developer, byte[] pdf)
    {
        // Added in the first weeks of the year (China time), before the classes that teach it.
        var at = DateTime.SpecifyKind(new DateTime(year, 1, 2 + (index % 20), 2, 0, 0), DateTimeKind.Utc);
        var title = $"{subjectName}{Topics[index % Topics.Length]}（{year}）";
        var course = new Course
        {
            Title = title.Length > Course.TitleLength ? title[..Course.TitleLength] : title,
            Description = $"面向专业技术人员的{subjectName}课程，含授课讲义与案例讨论。",
            SubjectId = subjectId,
            Category = category,
            Hours = defaultHours is > 0 and <= CourseRules.MaxHours ? defaultHours : 8m,
            Mode = mode,
            DeveloperKind = kind,
            DeveloperOrganizationId = organizationId,
            DeveloperName = developer.Length > Course.DeveloperNameLength ? developer[..Course.DeveloperNameLength] : developer,
            CreatedAt = at,
            CreatedByName = "demo.program-office",
        };
        if (index % 3 == 0)
        {
            course.Materials.Add(new CourseMaterial
            {
                CourseId = course.Id, FileName = "课程大纲.pdf", ContentType = EvidenceContent.Pdf, Size = pdf.Length,
                Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), Content = pdf, UploadedAt = at, UploadedByName = "demo.program-office",
            });
        }

        return course;
    }
}
