using KnowledgeRenewal.Kernel.Events;
using KnowledgeRenewal.Programs.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.Programs.Persistence;

/// <summary>Projects raise <see cref="EventTypes.ProjectStateChanged"/> when created and whenever their status changes (ADR 0035).</summary>
internal static class ProjectEvents
{
    public static void Add(IServiceCollection services) =>
        services.AddSingleton(EventSource.For<Project>((_, entries, _) =>
        {
            IReadOnlyList<DetectedEvent> found = [.. entries
                .Select(e => (Project: e.Entity, Before: e.State == EntityState.Added ? (ProjectStatus?)null : e.Property(p => p.Status).OriginalValue))
                .Where(c => c.Before != c.Project.Status)
                .Select(c => new DetectedEvent(EventTypes.ProjectStateChanged, c.Project.Id, new
                {
                    id = c.Project.Id,
                    c.Project.Number,
                    c.Project.Title,
                    c.Project.Type,
                    c.Project.Level,
                    previousStatus = c.Before,
                    c.Project.Status,
                    c.Project.RegionCode,
                    c.Project.DepartmentCode,
                    c.Project.CreditYear,
                }))];
            return Task.FromResult(found);
        }));
}
