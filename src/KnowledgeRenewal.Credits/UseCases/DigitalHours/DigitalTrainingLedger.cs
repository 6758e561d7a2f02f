using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.DigitalHours;

/// <summary>
/// Writes digital-engineer training hours into the ledger (<see cref="DigitalTrainingHours"/>, ADR 0017) the way a
/// roster does: in the caller's transaction (or its own), the trainees locked (<see cref="PersonLocks"/>) before their
/// records are read, each training's latest record compared with its facts, overlapping training of other
/// organizations flagging the new record, a changed result revoking (pending: rejecting) the record it replaces with
/// a reason and adding the linked correction, and the change published to the ledger's handlers (compliance, then
/// certificates re-issued as a new version). One training, one original record: the unique index on training and
/// person (records that correct nothing) holds it whatever runs at once. Reads past the access scope: the institution
/// that records a training does not see its trainees' ledgers.
/// </summary>
public sealed class DigitalTrainingLedger(LedgerChanges changes, TimeProvider clock)
{
    private static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];

    /// <summary>Applies <paramref name="batch"/> (one fact per training); answers the records written.</summary>
    public async Task<int> ApplyAsync(PlatformDbContext db, IReadOnlyList<DigitalTrainingFacts> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return 0;
        }

        var own = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false)
            : null;
        try
        {
            var written = await WriteAsync(db, batch, cancellationToken).ConfigureAwait(false);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return written;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<int> WriteAsync(PlatformDbContext db, IReadOnlyList<DigitalTrainingFacts> batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var people = batch.Select(f => f.ProfessionalId).Distinct().Order().ToList();
        await PersonLocks.LockAsync(db, people, cancellationToken).ConfigureAwait(false);

        var persons = await db.Professionals.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(p => people.Contains(p.Id))
            .Select(p => new { p.Id, Person = new DigitalTrainingPerson(p.RegionCode, p.DepartmentCode, p.EmployerId) })
            .ToDictionaryAsync(p => p.Id, p => p.Person, cancellationToken).ConfigureAwait(false);
        var trainings = batch.Select(f => f.TrainingId).Distinct().ToList();
        var current = (await db.CreditRecords.IgnoreQueryFilters(AccessScope).AsNoTracking()
                .Where(r => r.DigitalTrainingId != null && trainings.Contains(r.DigitalTrainingId.Value))
                .Select(r => new { TrainingId = r.DigitalTrainingId!.Value, r.RecordedAt, Record = new DigitalTrainingRecord(r.Id, r.Status, r.Hours, r.CreditYear, r.ConcurrencyStamp) })
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(r => r.TrainingId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.RecordedAt).ThenBy(r => r.Record.Id).Last().Record);
        var organizations = batch.Select(f => f.InstitutionOrganizationId).Distinct().ToList();
        var providers = (await db.TrainingProviders.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(p => organizations.Contains(p.Id)).Select(p => p.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
        var subjects = await SubjectsAsync(db, batch, cancellationToken).ConfigureAwait(false);
        var overlaps = await OverlapsAsync(db, people, batch, cancellationToken).ConfigureAwait(false);

        var changed = new List<PersonYear>();
        var added = new List<CreditRecord>();
        foreach (var facts in batch)
        {
            if (!persons.TryGetValue(facts.ProfessionalId, out var person))
            {
                continue;
            }

            var previous = current.GetValueOrDefault(facts.TrainingId);
            var action = DigitalTrainingHours.Decide(facts.Passed, facts.Hours, facts.Reason is not null, previous);
            if (action == DigitalTrainingAction.Unchanged)
            {
                continue;
            }

            var actor = new LedgerActor(facts.ActorUserId, facts.ActorName);
            CreditRecord? record = null;
            if (action is DigitalTrainingAction.Create or DigitalTrainingAction.Correct)
            {
                var others = overlaps[facts.ProfessionalId].Where(o => o.ClassId != facts.TrainingId && o.Organization != facts.InstitutionOrganizationId).Select(o => o.Class);
                var overload = DigitalTrainingHours.Overload(facts, others);
                var subject = subjects.GetValueOrDefault(DigitalTrainingHours.SubjectCode(facts.Field)) ?? new DigitalTrainingSubject(null, null, null);
                record = DigitalTrainingHours.ToRecord(
                    facts, person, subject, providers.Contains(facts.InstitutionOrganizationId) ? facts.InstitutionOrganizationId : null, previous?.Id, overload, now);
                added.Add(record);
                changed.Add(new PersonYear(facts.ProfessionalId, record.CreditYear));
            }

            if (action is DigitalTrainingAction.Correct or DigitalTrainingAction.Withdraw)
            {
                var old = await db.CreditRecords.IgnoreQueryFilters(AccessScope).FirstAsync(r => r.Id == previous!.Id, cancellationToken).ConfigureAwait(false);
                db.Entry(old).Property(r => r.ConcurrencyStamp).OriginalValue = previous!.ConcurrencyStamp;
                var reason = DigitalTrainingHours.ChangeReason(facts, previous);
                if (old.Status == CreditRecordStatus.Approved)
                {
                    old.Revoke(actor, now, reason, record?.Id);
                }
                else
                {
                    old.Reject(actor, now, reason);
                }

                changed.Add(new PersonYear(facts.ProfessionalId, old.CreditYear));
            }
        }

        db.CreditRecords.AddRange(added);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await changes.PublishAsync(db, changed, cancellationToken).ConfigureAwait(false);
        return added.Count;
    }

    // The fields' subjects in the industry-and-IT catalog, when that module is enabled and the subject in force.
    private static async Task<Dictionary<string, DigitalTrainingSubject>> SubjectsAsync(PlatformDbContext db, IReadOnlyList<DigitalTrainingFacts> batch, CancellationToken cancellationToken)
    {
        var codes = batch.Select(f => DigitalTrainingHours.SubjectCode(f.Field)).Distinct().ToList();
        return await db.Subjects.AsNoTracking()
            .Where(s => s.ModuleKey == DigitalTrainingHours.CatalogModule && s.Category == CreditCategory.Professional && s.Status == SubjectStatus.Active && codes.Contains(s.Code))
            .ToDictionaryAsync(s => s.Code, s => new DigitalTrainingSubject(s.Code, s.Name, s.ModuleKey), StringComparer.OrdinalIgnoreCase, cancellationToken).ConfigureAwait(false);
    }

    // The people's pending or approved training on the batch's days: classes (their provider) and other digital trainings (their institution).
    private static async Task<ILookup<Guid, Overlap>> OverlapsAsync(PlatformDbContext db, List<Guid> people, IReadOnlyList<DigitalTrainingFacts> batch, CancellationToken cancellationToken)
    {
        var (start, end) = (batch.Min(f => f.StartDate), batch.Max(f => f.EndDate));
        var classes = await (
                from r in db.CreditRecords.IgnoreQueryFilters(AccessScope)
                join c in db.TrainingClasses.IgnoreQueryFilters(AccessScope) on r.ClassId equals c.Id
                join o in db.Organizations.IgnoreQueryFilters(AccessScope) on c.ProviderId equals o.Id
                where people.Contains(r.ProfessionalId) && (r.Status == CreditRecordStatus.Pending || r.Status == CreditRecordStatus.Approved)
                    && c.StartDate <= end && c.EndDate >= start
                select new { r.ProfessionalId, ClassId = c.Id, c.Title, ProviderName = o.Name, Organization = c.ProviderId, c.StartDate, c.EndDate, c.Hours })
            .AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var digital = await (
                from r in db.CreditRecords.IgnoreQueryFilters(AccessScope)
                join t in db.DigitalTrainings.IgnoreQueryFilters(AccessScope) on r.DigitalTrainingId equals t.Id
                where people.Contains(r.ProfessionalId) && (r.Status == CreditRecordStatus.Pending || r.Status == CreditRecordStatus.Approved)
                    && t.StartDate <= end && t.EndDate >= start
                select new { r.ProfessionalId, t.Id, r.Title, Organization = t.InstitutionOrganizationId, t.StartDate, t.EndDate, t.Hours })
            .AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return classes
            .Select(c => (c.ProfessionalId, new Overlap(c.Organization, new OverlappingClass(
                c.ClassId, c.Title, c.ProviderName, c.StartDate, c.EndDate, new TrainingClass { Title = c.Title, StartDate = c.StartDate, EndDate = c.EndDate, Hours = c.Hours }.HoursPerDay))))
            .Concat(digital.Select(d => (d.ProfessionalId, new Overlap(d.Organization, new OverlappingClass(
                d.Id, d.Title, "数字技术工程师培训", d.StartDate, d.EndDate, DigitalTrainingHours.HoursPerDay(d.StartDate, d.EndDate, d.Hours))))))
            .DistinctBy(o => (o.ProfessionalId, o.Item2.Class.ClassId))
            .ToLookup(o => o.ProfessionalId, o => o.Item2);
    }

    private sealed record Overlap(Guid Organization, OverlappingClass Class)
    {
        public Guid ClassId => Class.ClassId;
    }
}
