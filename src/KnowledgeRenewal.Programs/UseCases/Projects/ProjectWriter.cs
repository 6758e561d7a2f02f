using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Programs.UseCases.Projects;

/// <summary>
/// What the project commands share: the caller as applicant and as workflow actor, the application's fields checked
/// against what they name (region, sector, recommender, host, base), the facts the workflow's guards look at, and
/// saving a change or a step compare-and-swap on the entity tag the caller read (412 when someone else acted first).
/// Reads by id are never cut by the caller's scope.
/// </summary>
internal sealed class ProjectWriter(
    PlatformDbContext db,
    ICurrentAccess access,
    IAuditActorProvider actors,
    WorkingDayCalendar calendar,
    IOptions<ProjectOptions> options,
    ITrainingFacts training,
    TimeProvider clock)
{
    private static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];

    /// <summary>The caller as the workflow sees them.</summary>
    public ProjectActor Actor() => new(access.UserId, actors.Current.UserName ?? "unknown", access.Roles, access.OrganizationId);

    /// <summary>The caller's organization, when the caller may apply for <paramref name="type"/> there (<see cref="ProjectAccess.ApplicantOrganization"/>).</summary>
    public async Task<Organization> ApplicantAsync(ProjectType type, CancellationToken cancellationToken)
    {
        var organizationId = ProjectAccess.ApplicantOrganization(type, access);
        return await db.Organizations.IgnoreQueryFilters(AccessScope).FirstAsync(o => o.Id == organizationId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The next free number of a type in a year (<see cref="ProjectNumbers"/>).</summary>
    public async Task<string> NextNumberAsync(ProjectType type, int year, CancellationToken cancellationToken)
    {
        var prefix = ProjectNumbers.Prefix(type, year);
        var taken = await db.Projects.IgnoreQueryFilters(AccessScope)
            .CountAsync(p => p.Number.StartsWith(prefix), cancellationToken).ConfigureAwait(false);
        return ProjectNumbers.Next(type, year, taken);
    }

    /// <summary>
    /// Copies the fields of <paramref name="input"/> (checked by <see cref="ProjectInputValidator"/>) to
    /// <paramref name="project"/> after checking what they name: region and sector exist, the recommender
    /// (<see cref="ProjectRecommenders"/>), the host (<see cref="ProjectHosts"/>), the base. 400 naming every problem.
    /// </summary>
    public async Task FillAsync(Project project, ProjectInput input, Organization applicant, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var region = string.IsNullOrWhiteSpace(input.RegionCode) ? applicant.RegionCode : input.RegionCode.Trim();
        var department = string.IsNullOrWhiteSpace(input.DepartmentCode) ? applicant.DepartmentCode : input.DepartmentCode.Trim();
        if (!await db.Regions.AnyAsync(r => r.Code == region, cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new FieldError("regionCode", "unknown", $"地区代码（regionCode）“{region}”不存在。"));
        }

        if (department is not null && !await db.Departments.AnyAsync(d => d.Code == department, cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new FieldError("departmentCode", "unknown", $"行业主管部门代码（departmentCode）“{department}”不存在。"));
        }

        var recommender = await db.Organizations.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .FirstOrDefaultAsync(o => o.Id == input.RecommenderOrganizationId, cancellationToken).ConfigureAwait(false);
        if (ProjectRecommenders.Check(applicant, recommender, region, department) is { } recommenderError)
        {
            errors.Add(recommenderError);
        }

        // The host: the applicant itself when it is a provider, else a provider within the caller's scope (ProjectHosts).
        var providerId = input.ProviderId ?? ProjectHosts.Default(applicant);
        if (providerId is { } provider)
        {
            var host = await db.Organizations.IgnoreQueryFilters(AccessScope).AsNoTracking()
                .FirstOrDefaultAsync(o => o.Id == provider, cancellationToken).ConfigureAwait(false);
            if (ProjectHosts.Check(applicant, provider, host, access.Scope) is { } hostError)
            {
                errors.Add(hostError);
            }
        }

        if (input.EducationBaseId is { } baseId && !await db.EducationBases.IgnoreQueryFilters(AccessScope).AnyAsync(b => b.Id == baseId, cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new FieldError("educationBaseId", "unknown", "继续教育基地（educationBaseId）不存在。"));
        }

        if (errors.Count > 0)
        {
            var code = errors.FirstOrDefault(e => e.Code is ProjectProblemCodes.InvalidRecommender or ProjectProblemCodes.InvalidHost)?.Code ?? ProblemCodes.ValidationFailed;
            throw new PlatformException(code,
                StatusCodes.Status400BadRequest, "申报信息有误", string.Join(" ", errors.Select(e => e.Message)), errors);
        }

        project.RegionCode = region;
        project.DepartmentCode = department;
        project.RecommenderOrganizationId = recommender!.Id;
        project.ProviderId = providerId;
        project.Level = input.Level ?? ProjectLevel.Municipal;
        project.Field = input.Field ?? ProjectField.General;
        project.CreditYear = input.CreditYear ?? input.EndDate!.Value.Year;
        project.StartDate = input.StartDate!.Value;
        project.EndDate = input.EndDate!.Value;
        project.Capacity = input.Capacity!.Value;
        project.Mode = input.Mode ?? DeliveryMode.Offline;
        project.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        var lines = ProjectInputValidator.Lines(input.Funding);
        project.SetFunding(lines[0], lines[1], lines[2], lines[3], lines[4], lines[5]);
        project.TargetTitleLevel = input.TargetTitleLevel;
        project.SubjectCategory = input.SubjectCategory;
        project.SubjectCode = string.IsNullOrWhiteSpace(input.SubjectCode) ? null : input.SubjectCode.Trim();
        project.DigitalFieldCode = string.IsNullOrWhiteSpace(input.DigitalFieldCode) ? null : input.DigitalFieldCode.Trim();
        project.EducationBaseId = input.EducationBaseId;
    }

    /// <summary>The facts the guards need, read by id (never cut by the caller's scope).</summary>
    public async Task<ProjectFacts> FactsAsync(Project project, string? comment, string? reference, string? summary, CancellationToken cancellationToken)
    {
        var reviews = await db.ProjectReviews.IgnoreQueryFilters(AccessScope).CountAsync(r => r.ProjectId == project.Id, cancellationToken).ConfigureAwait(false);
        var pending = await db.ProjectObjections.IgnoreQueryFilters(AccessScope).CountAsync(o => o.ProjectId == project.Id && o.Status == ObjectionStatus.Pending, cancellationToken).ConfigureAwait(false);
        var roster = await training.HasFinishedClassWithApprovedRecordsAsync(project.Id, cancellationToken).ConfigureAwait(false);
        return new ProjectFacts
        {
            Reviews = reviews,
            PendingObjections = pending,
            HasFinishedClassWithRecords = roster,
            Today = ProgramCalendar.Today(clock),
            Comment = comment,
            ReferenceNumber = reference,
            Summary = summary,
        };
    }

    /// <summary>Throws the refusal of <paramref name="decision"/>, if any.</summary>
    public static void Refuse(ProjectDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Refusal is { } refusal)
        {
            throw new PlatformException(refusal.Code, refusal.Status, refusal.Title, refusal.Detail);
        }
    }

    /// <summary>Takes an allowed step and saves it (compare-and-swap on the stamp the caller read).</summary>
    public async Task TakeAsync(Project project, ProjectDecision decision, ProjectActor actor, ProjectFacts facts, Guid read, ReviewExpert? expert, int? score, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sequence = await db.ProjectTransitions.IgnoreQueryFilters(AccessScope)
            .Where(t => t.ProjectId == project.Id).MaxAsync(t => (int?)t.Sequence, cancellationToken).ConfigureAwait(false) ?? 0;
        var transition = ProjectWorkflow.Apply(project, decision, actor, facts, now, sequence + 1, calendar, options.Value.NoticeWorkingDays, expert?.Name, score);
        db.ProjectTransitions.Add(transition);
        if (expert is not null)
        {
            db.ProjectReviews.Add(new ProjectReview
            {
                ProjectId = project.Id,
                ExpertId = expert.Id,
                ExpertName = expert.Name,
                Score = score ?? 0,
                Comment = transition.Comment,
                RecordedByUserId = actor.UserId,
                RecordedByName = actor.Name,
                RecordedAt = now,
            });
        }

        await SaveAsync(project, read, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Saves a change of <paramref name="project"/> compare-and-swap on the stamp the caller read (412 when it changed in between).</summary>
    public async Task SaveAsync(Project project, Guid read, CancellationToken cancellationToken)
    {
        db.Entry(project).Property(p => p.ConcurrencyStamp).OriginalValue = read;
        project.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Preconditions.Stale();
        }
        catch (DbUpdateException)
        {
            // The history's (project, sequence) is unique: someone else took a step in between.
            throw Preconditions.Stale();
        }
    }
}
