using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Courses;

/// <summary>What a new course may name: the active subjects (public first) and the developers (bases and providers on the platform).</summary>
internal sealed record ListCourseChoices : IRequest<CourseChoices>;

/// <summary>The choices of a new course.</summary>
/// <param name="Subjects">Active subjects: key, name, category.</param>
/// <param name="Developers">Bases and providers: organization, name, kind.</param>
internal sealed record CourseChoices(IReadOnlyList<(string Id, string Name, CreditCategory Category)> Subjects, IReadOnlyList<(Guid Id, string Name, CourseDeveloperKind Kind)> Developers);

/// <summary>Handles <see cref="ListCourseChoices"/>.</summary>
internal sealed class ListCourseChoicesHandler(PlatformDbContext db) : IRequestHandler<ListCourseChoices, CourseChoices>
{
    /// <inheritdoc />
    public async Task<CourseChoices> Handle(ListCourseChoices request, CancellationToken cancellationToken)
    {
        var subjects = await db.Subjects.AsNoTracking().Where(s => s.Status == SubjectStatus.Active).OrderBy(s => s.Category).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Name, s.Category }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var bases = await db.EducationBases.IgnoreQueryFilters().AsNoTracking().Where(b => b.Status != BaseStatus.Revoked).Select(b => b.OrganizationId)
            .Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        var baseSet = bases.ToHashSet();
        var providers = await db.TrainingProviders.IgnoreQueryFilters().AsNoTracking().Select(p => p.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = providers.Concat(bases).Distinct().ToList();
        var names = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new CourseChoices(
            [.. subjects.Select(s => (s.Id, s.Name, s.Category))],
            [.. names.OrderBy(n => n.Name, StringComparer.Ordinal).Select(n => (n.Id, n.Name, baseSet.Contains(n.Id) ? CourseDeveloperKind.Base : CourseDeveloperKind.Provider))]);
    }
}
