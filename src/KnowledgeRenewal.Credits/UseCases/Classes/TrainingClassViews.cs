using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Classes;

/// <summary>A training class (培训班次) as the API shows it.</summary>
internal sealed class TrainingClassView
{
    /// <summary>Id.</summary>
    public Guid Id { get; init; }

    /// <summary>The provider running it.</summary>
    public Guid ProviderId { get; init; }

    /// <summary>The provider's name.</summary>
    public string? ProviderName { get; set; }

    /// <summary>The program project it belongs to, if any (its roster's records are then project records).</summary>
    public Guid? ProjectId { get; init; }

    /// <summary>班次名称.</summary>
    public string Title { get; init; } = "";

    /// <summary>开班日期.</summary>
    public DateOnly StartDate { get; init; }

    /// <summary>结业日期 (the date of its records).</summary>
    public DateOnly EndDate { get; init; }

    /// <summary>Days it runs.</summary>
    public int Days { get; init; }

    /// <summary>学时: the most one trainee can earn.</summary>
    public decimal Hours { get; init; }

    /// <summary>Hours per day (hours ÷ days, rounded up to 0.01) — what the overlap check adds up.</summary>
    public decimal HoursPerDay { get; init; }

    /// <summary>Public or Professional.</summary>
    public CreditCategory Category { get; init; }

    /// <summary>科目代码, if any.</summary>
    public string? SubjectCode { get; init; }

    /// <summary>The activity trainees are credited for.</summary>
    public ActivityType Activity { get; init; }

    /// <summary>The module credit class, if any.</summary>
    public string? CreditClass { get; init; }

    /// <summary>Offline, Online or Mixed.</summary>
    public DeliveryMode Mode { get; init; }

    /// <summary>The sector it is for, if any.</summary>
    public string? DepartmentCode { get; init; }

    /// <summary>The region it is for, if any.</summary>
    public string? RegionCode { get; init; }

    /// <summary>The catalog course it teaches, if any.</summary>
    public Guid? CourseId { get; init; }

    /// <summary>That course's title.</summary>
    public string? CourseTitle { get; set; }

    /// <summary>Planned, Finished or Cancelled.</summary>
    public TrainingClassStatus Status { get; init; }

    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAt { get; init; }
}

/// <summary>Mapster mapping of classes to their views.</summary>
internal sealed class TrainingClassMappings : IRegister
{
    /// <inheritdoc />
    public void Register(TypeAdapterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.NewConfig<TrainingClass, TrainingClassView>()
            .Map(d => d.Hours, s => s.Hours.Hours)
            .Map(d => d.HoursPerDay, s => s.HoursPerDay.Hours)
            .Map(d => d.Days, s => s.Days)
            .Ignore(d => d.ProviderName)
            .Ignore(d => d.CourseTitle);
    }
}

/// <summary>Reads class views within the caller's scope (the data layer's filter decides which classes).</summary>
internal static class TrainingClassViews
{
    /// <summary>The views of <paramref name="classes"/>, with their providers' names and their courses' titles.</summary>
    public static async Task<List<TrainingClassView>> OfAsync(PlatformDbContext db, TypeAdapterConfig mapping, IReadOnlyCollection<TrainingClass> classes, CancellationToken cancellationToken)
    {
        // The provider's name belongs to the class: a county or sector that may see a class aimed at it sees who runs
        // it, even when the provider itself is outside its registry scope (read past the organizations' filter).
        var providers = classes.Select(c => c.ProviderId).Distinct().ToList();
        var names = await db.Organizations.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(o => EF.Parameter(providers).Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
        var courses = classes.Where(c => c.CourseId is not null).Select(c => c.CourseId!.Value).Distinct().ToList();
        var titles = courses.Count == 0 ? new Dictionary<Guid, string>() : await db.Courses.AsNoTracking().Where(c => EF.Parameter(courses).Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken).ConfigureAwait(false);
        return [.. classes.Select(c =>
        {
            var view = c.Adapt<TrainingClassView>(mapping);
            view.ProviderName = names.GetValueOrDefault(c.ProviderId);
            view.CourseTitle = c.CourseId is { } course ? titles.GetValueOrDefault(course) : null;
            return view;
        })];
    }

    /// <summary>One class within the caller's scope with its entity tag; 404 otherwise.</summary>
    public static async Task<Versioned<TrainingClassView>> GetAsync(PlatformDbContext db, TypeAdapterConfig mapping, Guid id, CancellationToken cancellationToken)
    {
        var found = await db.TrainingClasses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw NotFound(id);
        var view = (await OfAsync(db, mapping, [found], cancellationToken).ConfigureAwait(false))[0];
        return new Versioned<TrainingClassView>(view, found.ConcurrencyStamp);
    }

    /// <summary>404 for a class that does not exist or is outside the caller's scope.</summary>
    public static NotFoundException NotFound(Guid id) => new("培训班次", id);
}
