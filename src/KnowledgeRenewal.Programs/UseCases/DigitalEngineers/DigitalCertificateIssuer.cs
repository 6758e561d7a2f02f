using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>
/// Issues a certificate of the pipeline (both kinds) with the next serial of its kind and year. Two issues at once:
/// the unique indexes decide — the training's certificate of that kind exists → 409; only the number clashed → the
/// next serial.
/// </summary>
internal static class DigitalCertificateIssuer
{
    /// <summary>Issues the certificate <paramref name="issue"/> makes (holder, number, day, instant) for <paramref name="training"/>.</summary>
    public static async Task<DigitalCertificateView> IssueAsync(
        PlatformDbContext db,
        TimeProvider clock,
        DigitalCertificateKind kind,
        DigitalTraining training,
        Func<CertificateHolder, string, DateOnly, DateTime, DigitalCertificate> issue,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (await ExistsAsync(db, kind, training, cancellationToken).ConfigureAwait(false))
        {
            throw Exists(kind);
        }

        var holder = await DigitalReaders.PersonAsync(db, training.ProfessionalId, activeOnly: false, cancellationToken).ConfigureAwait(false);
        var today = ProgramCalendar.Today(clock);
        for (var attempt = 0; ; attempt++)
        {
            var prefix = DigitalCertificateNumbers.YearPrefix(kind, today.Year);
            var numbers = await db.DigitalCertificates.IgnoreQueryFilters(DigitalReaders.AccessScope)
                .Where(c => c.Kind == kind && c.Year == today.Year)
                .Select(c => c.Number)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var serial = numbers.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Select(DigitalCertificateNumbers.SerialOf).DefaultIfEmpty(0).Max() + 1;
            var certificate = issue(holder, DigitalCertificateNumbers.Format(kind, today.Year, training.Field, training.Level, serial), today, clock.GetUtcNow().UtcDateTime);
            db.DigitalCertificates.Add(certificate);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return (await DigitalEngineerViews.CertificatesAsync(db, [certificate], cancellationToken).ConfigureAwait(false))[0];
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
                if (await ExistsAsync(db, kind, training, cancellationToken).ConfigureAwait(false))
                {
                    throw Exists(kind);
                }
            }
        }
    }

    private static Task<bool> ExistsAsync(PlatformDbContext db, DigitalCertificateKind kind, DigitalTraining training, CancellationToken cancellationToken) =>
        db.DigitalCertificates.IgnoreQueryFilters(DigitalReaders.AccessScope).AnyAsync(c => c.TrainingId == training.Id && c.Kind == kind, cancellationToken);

    private static PlatformException Exists(DigitalCertificateKind kind) => DigitalProblem.Conflict(
        DigitalEngineerProblemCodes.CertificateExists,
        "证书已颁发",
        $"该培训已颁发{DigitalEngineerCatalog.CertificateKindName(kind)}，不能重复颁发。");
}
