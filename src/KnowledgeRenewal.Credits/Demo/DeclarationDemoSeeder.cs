using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Programs.Domain;
using System.Diagnostics;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.CreditRules;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Registry.Demo;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Credits.UseCases.Declarations;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.Demo;

/// <summary>
/// Demo declarations (<see cref="DemoDeclarations"/>): the demo professional account's own record (one declaration
/// in every state), <see cref="AtDemoEmployer"/> colleagues at the demo employer (so the demo HR account has reviews
/// waiting) and <see cref="Elsewhere"/> professionals elsewhere — a few hundred declarations with small valid PDF/PNG
/// evidence, each with its credit record (pending, approved or rejected with the reason) exactly as the API stores
/// them, in one transaction; the ledger change is published before the commit. Runs after the registry (Order 50).
/// Deterministic (the seeder's faker; people in a fixed order) and idempotent: people who have declarations already
/// are skipped.
/// </summary>
public sealed partial class DeclarationDemoSeeder(
    PlatformDbContext db,
    CreditRuleBooks ruleBooks,
    LedgerCatalog catalog,
    LedgerChanges ledger,
    TimeProvider clock,
    ILogger<DeclarationDemoSeeder> logger) : IDemoDataSeeder
{
    /// <summary>Colleagues of the demo professional who declare.</summary>
    public const int AtDemoEmployer = 20;

    /// <summary>Professionals at other employers who declare.</summary>
    public const int Elsewhere = 100;

    private const int BatchSize = 100;
    private static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];

    /// <inheritdoc />
    public string Key => "declarations.demo";

    /// <inheritdoc />
    public int Version => 1;

    /// <inheritdoc />
    public int Order => 50;

    /// <inheritdoc />
    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        var now = clock.GetUtcNow().UtcDateTime;
        var people = await DeclarantsAsync(context.Faker, cancellationToken).ConfigureAwait(false);
        if (people.Count == 0)
        {
            return;
        }

        var plan = DemoDeclarations.Plan(context.Faker, [.. people.Select(p => new DemoDeclarant(p.Id, p.DepartmentCode))], ruleBooks.ForDepartment, now);
        var byId = people.ToDictionary(p => p.Id);
        var declared = (await db.ActivityDeclarations.IgnoreQueryFilters(AccessScope)
                .Select(d => d.ProfessionalId).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToHashSet();
        var todo = plan.Where(d => !declared.Contains(d.Declarant.Id)).ToList();
        if (todo.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var batch in todo.Chunk(BatchSize))
        {
            foreach (var planned in batch)
            {
                Add(planned, byId[planned.Declarant.Id]);
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }

        await ledger.PublishAsync(db, todo.Select(d => new PersonYear(d.Declarant.Id, d.Declared.EndDate.Year)), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();

        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var declarants = todo.Select(d => d.Declarant.Id).Distinct().Count();
        Seeded(logger, todo.Count, declarants, elapsedMs);
    }

    // The demo account's own record, colleagues at the demo employer, then others — active people, in a fixed order.
    private async Task<List<Person>> DeclarantsAsync(Bogus.Faker faker, CancellationToken cancellationToken)
    {
        var demoEmployer = await db.Employers.IgnoreQueryFilters(AccessScope)
            .Where(e => e.Name == DemoOrganizations.DemoEmployer)
            .Select(e => (Guid?)e.Id)
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        var active = await db.Professionals.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(p => p.Status == ProfessionalStatus.Active)
            .OrderBy(p => p.Name).ThenBy(p => p.IdNumberMasked).ThenBy(p => p.BirthDate)
            .Select(p => new Person(p.Id, p.Name, p.UserId, p.EmployerId, p.RegionCode, p.DepartmentCode))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var ownUser = DemoAccounts.All.First(a => a.Role == PlatformRoles.Professional).UserName;
        var ownAccount = await db.Users.IgnoreQueryFilters()
            .Where(u => u.UserName == ownUser)
            .Select(u => (Guid?)u.Id)
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);

        var own = active.Where(p => ownAccount is not null && p.UserId == ownAccount).Take(1).ToList();
        var colleagues = faker.Random.Shuffle(active.Where(p => p.EmployerId == demoEmployer && !own.Contains(p))).Take(AtDemoEmployer);
        var others = faker.Random.Shuffle(active.Where(p => p.EmployerId != demoEmployer)).Take(Elsewhere);
        List<Person> people = [.. own, .. colleagues, .. others];
        var userIds = people.Where(p => p.UserId is not null).Select(p => p.UserId!.Value).ToArray();
        var userNames = await db.Users.IgnoreQueryFilters()
            .Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.UserName, cancellationToken)
            .ConfigureAwait(false);
        return [.. people.Select(p => p with { Name = p.UserId is { } id && userNames.GetValueOrDefault(id) is { } name ? name : p.Name })];
    }

    private void Add(DemoDeclaration planned, Person person)
    {
        var declared = planned.Declared;
        var credit = planned.Credit;
        var moduleKey = catalog.ModuleFor(person.DepartmentCode);
        var declarant = new Declarant(person.Id, person.EmployerId, person.RegionCode, person.DepartmentCode, person.UserId, person.Name);
        var (declaration, record) = DeclarationFiling.File(Guid.CreateVersion7(planned.SubmittedAt), declarant, declared, credit, moduleKey, null, null, planned.SubmittedAt);
        declaration.EmployerReviewerName = planned.EmployerReviewedAt is null ? null : planned.EmployerReviewer;
        declaration.EmployerReviewedAt = planned.EmployerReviewedAt;
        declaration.EmployerComment = planned.EmployerComment;
        declaration.DepartmentReviewerName = planned.DepartmentReviewedAt is null ? null : planned.DepartmentReviewer;
        declaration.DepartmentReviewedAt = planned.DepartmentReviewedAt;
        declaration.DepartmentComment = planned.DepartmentComment;
        declaration.Status = planned.Outcome switch
        {
            DemoOutcome.AwaitingEmployer => DeclarationStatus.AwaitingEmployer,
            DemoOutcome.AwaitingDepartment => DeclarationStatus.AwaitingDepartment,
            DemoOutcome.Approved => DeclarationStatus.Approved,
            DemoOutcome.Withdrawn => DeclarationStatus.Withdrawn,
            _ => DeclarationStatus.Rejected,
        };
        for (var i = 0; i < planned.Evidence.Count; i++)
        {
            var file = planned.Evidence[i];
            if (!DeclarationFiling.TryAttach(declaration, Guid.CreateVersion7(planned.SubmittedAt.AddMilliseconds(i)), file.FileName, file.Content, planned.SubmittedAt))
            {
                throw new InvalidOperationException($"Demo evidence {file.FileName} is not a PDF, JPEG or PNG.");
            }
        }

        Decide(record, planned, person);
        db.CreditRecords.Add(record);
        db.ActivityDeclarations.Add(declaration);
    }

    // The record follows the declaration's last step, as the review and withdrawal handlers do it.
    private static void Decide(CreditRecord record, DemoDeclaration planned, Person person)
    {
        var employer = new LedgerActor(null, planned.EmployerReviewer);
        var department = new LedgerActor(null, planned.DepartmentReviewer);
        switch (planned.Outcome)
        {
            case DemoOutcome.Approved:
                record.Approve(department, planned.DepartmentReviewedAt!.Value, planned.DepartmentComment);
                break;
            case DemoOutcome.RejectedByEmployer:
                record.Reject(employer, planned.EmployerReviewedAt!.Value, planned.EmployerComment!);
                break;
            case DemoOutcome.RejectedByDepartment:
                record.Reject(department, planned.DepartmentReviewedAt!.Value, planned.DepartmentComment!);
                break;
            case DemoOutcome.Withdrawn:
                var reason = planned.WithdrawalReason is null
                    ? DeclarationReview.WithdrawnReason
                    : $"{DeclarationReview.WithdrawnReason}：{planned.WithdrawalReason}";
                record.Reject(new LedgerActor(person.UserId, person.Name), planned.WithdrawnAt!.Value, reason);
                break;
        }
    }

    [LoggerMessage(EventId = 5300, Level = LogLevel.Information, Message = "Seeded {Declarations} demo declarations of {People} people in {ElapsedMs:F0} ms")]
    private static partial void Seeded(ILogger logger, int declarations, int people, double elapsedMs);

    // Name: the account's user name when the person has an account, else the person's name (who recorded and withdrew).
    private sealed record Person(Guid Id, string Name, Guid? UserId, Guid EmployerId, string RegionCode, string DepartmentCode);
}
