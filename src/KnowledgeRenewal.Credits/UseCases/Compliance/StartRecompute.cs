using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using FluentValidation;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using MediatR;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Credits.Web;
namespace KnowledgeRenewal.Credits.UseCases.Compliance;

/// <summary>
/// Queues a bulk recomputation of the cycle containing <paramref name="Year"/> (default: this year) for everyone, or
/// for the people of one rule scope (<paramref name="Module"/>: a module's key, or <c>platform</c> for the default
/// rules). A job for the same year and scope that is still queued or running is returned instead of a second one.
/// </summary>
/// <param name="Year">The year; this year when null.</param>
/// <param name="Module">The scope, or null for everyone.</param>
public sealed record StartRecompute(int? Year, string? Module) : IRequest<(RecomputeJobView Job, bool Created)>;

/// <summary>Checks the year and the scope.</summary>
public sealed class StartRecomputeValidator : AbstractValidator<StartRecompute>
{
    /// <summary>Creates the validator.</summary>
    public StartRecomputeValidator(ComplianceRules rules, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(rules);
        RuleFor(r => r.Year).Must(y => y is null || ComplianceYears.IsValid(y.Value, clock))
            .WithErrorCode("out_of_range").WithMessage(_ => ComplianceYears.Message(clock));
        RuleFor(r => r.Module).Must(m => string.IsNullOrWhiteSpace(m) || rules.Book(m.Trim()) is not null)
            .WithErrorCode("invalid")
            .WithMessage(_ => $"重新计算范围（module）应为 platform（通用规则）或已启用模块的标识（{string.Join("、", rules.All.Skip(1).Select(b => b.Scope))}），不填则为全部人员。");
    }
}

/// <summary>
/// Handles <see cref="StartRecompute"/>: stores the job (audited as the requester's act) and wakes the worker. The job
/// runs as the platform — only the program office, entitled to the whole population, may start one — and its audit
/// records name the requester.
/// </summary>
public sealed class StartRecomputeHandler(PlatformDbContext db, RecomputeJobs jobs, IAuditActorProvider actors, TimeProvider clock)
    : IRequestHandler<StartRecompute, (RecomputeJobView Job, bool Created)>
{
    /// <inheritdoc />
    public async Task<(RecomputeJobView Job, bool Created)> Handle(StartRecompute request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var year = request.Year ?? ProgramCalendar.Today(clock).Year;
        var module = string.IsNullOrWhiteSpace(request.Module) ? null : request.Module.Trim();
        var actor = actors.Current;
        RecomputeJob job;
        await jobs.StartGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await RecomputeJobStore.FindActiveAsync(db, year, module, cancellationToken).ConfigureAwait(false) is { } running)
            {
                return (RecomputeJobView.Of(running), false);
            }

            job = new RecomputeJob
            {
                Year = year,
                Module = module,
                RequestedByUserId = actor.UserId,
                RequestedByUserName = Cut(actor.UserName),
                RequestedByRoles = Cut(actor.Roles),
                RequestedByOrganizationId = actor.OrganizationId,
                RequestedByClientId = Cut(actor.ClientId),
                RequestedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Add(job);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            jobs.StartGate.Release();
        }

        jobs.Queued();
        return (RecomputeJobView.Of(job), true);
    }

    private static string? Cut(string? text) => text is { Length: > RecomputeJob.NameLength } ? text[..RecomputeJob.NameLength] : text;
}
