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
/// The demo course catalog: three dozen courses over the demo years, developed by the bases (most), by providers and by
/// two associations, on active public and professional subjects, some with a small PDF syllabus — so the bases'
/// scorecards count real courses. Before the bases' assessments (order 85). Idempotent: a catalog with courses is left alone.
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
            .Select(s => new { s.Id, s.Name, s.Category, s.DefaultCreditHours }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var bases = await (from b in db.EducationBases.IgnoreQueryFilters().AsNoTracking()
                           join o in db.Organizations.IgnoreQueryFilters().AsNoTracking() on b.OrganizationId equals o.Id
                           where b.Status != BaseStatus.Revoked
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
        var years = Enumerable.Range(context.FirstYear, context.LastYear - context.FirstYear + 1).ToList();
        for (var i = 0; i < 36; i++)
        {
            var subject = subjects[(i * 7) % subjects.Count];
            var year = years[i % years.Count];
            var at = DateTime.SpecifyKind(new DateTime(year, 1 + (i % 11), 1 + (i % 27), 2, 0, 0), DateTimeKind.Utc);
            var (kind, organizationId, developer) = (i % 9) switch
            {
                8 => (CourseDeveloperKind.Association, (Guid?)null, Associations[i % Associations.Length]),
                5 or 7 when providers.Count > 0 => (CourseDeveloperKind.Provider, (Guid?)providers[i % providers.Count].Id, providers[i % providers.Count].Name),
                _ when bases.Count > 0 => (CourseDeveloperKind.Base, (Guid?)bases[i % bases.Count].Id, bases[i % bases.Count].Name),
                _ => (CourseDeveloperKind.Provider, (Guid?)providers[i % providers.Count].Id, providers[i % providers.Count].Name),
            };
            var course = new Course
            {
                Title = $"{subject.Name}{Topics[i % Topics.Length]}（{year}）",
                Description = $"面向专业技术人员的{subject.Name}课程，含授课讲义与案例讨论。",
                SubjectId = subject.Id,
                Category = subject.Category,
                Hours = subject.DefaultCreditHours is > 0 and <= CourseRules.MaxHours ? subject.DefaultCreditHours : 8m,
                Mode = (DeliveryMode)(1 + (i % 3)),
                DeveloperKind = kind,
                DeveloperOrganizationId = organizationId,
                DeveloperName = developer.Length > Course.DeveloperNameLength ? developer[..Course.DeveloperNameLength] : developer,
                CreatedAt = at,
                CreatedByName = "demo.program-office",
            };
            if (i % 3 == 0)
            {
                course.Materials.Add(new CourseMaterial
                {
                    CourseId = course.Id, FileName = "课程大纲.pdf", ContentType = EvidenceContent.Pdf, Size = pdf.Length,
                    Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), Content = pdf, UploadedAt = at, UploadedByName = "demo.program-office",
                });
            }

            db.Courses.Add(course);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
