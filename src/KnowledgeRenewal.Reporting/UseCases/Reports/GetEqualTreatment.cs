using FluentValidation;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Reporting.Domain;
using KnowledgeRenewal.Reporting.UseCases.Dashboard;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Reporting.UseCases.Reports;

/// <summary>
/// 同等政策待遇 (seed 四(二)): public and non-public employers' staff side by side for a year, cut to the caller's
/// scope like the dashboard (the program office the city, a county or department admin their county or sector) —
/// registered professionals, participants, hours per participant, compliance, certificates, digital-engineer subsidy
/// claims approved and paid. Each figure is split by the ownership of the employer recorded with it: a credit
/// record's, a compliance row's (stored on the row: OData <c>Compliance?$apply=groupby((EmployerOwnership,Status),…)</c>
/// counts the same), a certificate's; registered people and subsidy claimants by their current employer. The rows are
/// the caller's (each under its own scope); the employer only gives the group, read whatever employers the caller may
/// see, so every row the caller may see is in one of the two groups (ADR 0019).
/// </summary>
/// <param name="Year">The year (default: this year), within the program's years.</param>
internal sealed record GetEqualTreatment(int? Year) : IRequest<EqualTreatmentView>;

/// <summary>One group's figures (the staff of public, or of non-public, employers).</summary>
/// <param name="Ownership">The employers' ownership.</param>
/// <param name="Name">公有制单位 / 非公有制单位.</param>
/// <param name="Registered">Active professionals registered now (their current employer).</param>
/// <param name="Participants">Distinct people with an approved credit record of the credit year.</param>
/// <param name="ParticipationRate">Participants ÷ registered in percent, one decimal (0 without registered people).</param>
/// <param name="Hours">Approved hours of the credit year.</param>
/// <param name="HoursPerParticipant">Hours ÷ participants, one decimal (0 without participants).</param>
/// <param name="Compliance">Compliance of the cycles containing the year (People, Met, NotMet, InProgress, NoRules, Rate).</param>
/// <param name="CertificatesIssued">Certificates of the year issued (every version).</param>
/// <param name="CertificatesValid">Of them still valid.</param>
/// <param name="ClaimsApproved">Digital-engineer subsidy claims approved in the year (China time).</param>
/// <param name="ClaimsApprovedAmount">Their amount in yuan.</param>
/// <param name="ClaimsPaid">Claims paid in the year.</param>
/// <param name="ClaimsPaidAmount">Their amount in yuan.</param>
internal sealed record EqualTreatmentGroup(
    Ownership Ownership,
    string Name,
    int Registered,
    int Participants,
    decimal ParticipationRate,
    decimal Hours,
    decimal HoursPerParticipant,
    DashboardComplianceGroup Compliance,
    int CertificatesIssued,
    int CertificatesValid,
    int ClaimsApproved,
    decimal ClaimsApprovedAmount,
    int ClaimsPaid,
    decimal ClaimsPaidAmount);

/// <summary>The comparison of a year.</summary>
/// <param name="Year">The year.</param>
/// <param name="Scope">Whose figures these are (the dashboard's scope).</param>
/// <param name="Public">The staff of public employers.</param>
/// <param name="NonPublic">The staff of non-public employers.</param>
internal sealed record EqualTreatmentView(int Year, DashboardScope Scope, EqualTreatmentGroup Public, EqualTreatmentGroup NonPublic);

/// <summary>Checks the year: within the program (2023–2030).</summary>
internal sealed class GetEqualTreatmentValidator : AbstractValidator<GetEqualTreatment>
{
    /// <summary>Creates the validator.</summary>
    public GetEqualTreatmentValidator()
    {
        RuleFor(r => r.Year).InclusiveBetween(ProgramPhases.FirstYear, ProgramPhases.LastYear).When(r => r.Year is not null)
            .WithErrorCode("out_of_range").WithMessage($"年度应在 {ProgramPeriod.FirstYear} 至 {ProgramPeriod.LastYear} 年之间（工程实施期）。");
    }
}

/// <summary>
/// Handles <see cref="GetEqualTreatment"/>: five grouped queries over the published sets of the registry, credit hours
/// and programs (cut by the caller's scope through the data layer's filters), none per person or per employer.
/// </summary>
internal sealed class GetEqualTreatmentHandler(PlatformDbContext db, ICurrentAccess caller, TimeProvider clock) : IRequestHandler<GetEqualTreatment, EqualTreatmentView>
{
    /// <summary>The groups' names.</summary>
    public static IReadOnlyDictionary<Ownership, string> Names { get; } = new Dictionary<Ownership, string>
    {
        [Ownership.Public] = "公有制单位",
        [Ownership.NonPublic] = "非公有制单位",
    };

    /// <inheritdoc />
    public async Task<EqualTreatmentView> Handle(GetEqualTreatment request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var year = request.Year ?? Math.Clamp(ProgramCalendar.Today(clock).Year, ProgramPhases.FirstYear, ProgramPhases.LastYear);

        // The employers whatever the caller may see: only their ownership is read, as the group of the caller's own rows.
        var employers = db.Employers.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]);
        var registered = await db.Professionals.AsNoTracking()
            .Where(p => p.Status == ProfessionalStatus.Active)
            .Join(employers, p => p.EmployerId, e => e.Id, (p, e) => e.Ownership)
            .GroupBy(o => o)
            .Select(g => new { Ownership = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var training = await db.CreditRecords.AsNoTracking()
            .Where(r => r.Status == CreditRecordStatus.Approved && r.CreditYear == year)
            .Join(employers, r => r.EmployerId, e => e.Id, (r, e) => new { e.Ownership, r.ProfessionalId, r.HoursDecimal })
            .GroupBy(x => x.Ownership)
            .Select(g => new { Ownership = g.Key, People = g.Select(x => x.ProfessionalId).Distinct().Count(), Hours = g.Sum(x => x.HoursDecimal) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        // The ownership stored on the compliance row, as OData groups by it (EmployerOwnership).
        var compliance = await db.Compliance.AsNoTracking()
            .Where(c => c.CycleStart <= year && c.CycleEnd >= year)
            .GroupBy(c => new { Ownership = c.EmployerOwnership, c.Status })
            .Select(g => new { g.Key.Ownership, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var certificates = await db.CreditCertificates.AsNoTracking()
            .Where(c => c.Year == year)
            .Join(employers, c => c.EmployerId, e => e.Id, (c, e) => new { e.Ownership, c.Status })
            .GroupBy(x => new { x.Ownership, x.Status })
            .Select(g => new { g.Key.Ownership, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        // Claims: decided (approved) or paid in the calendar year, by the claimant's current employer.
        var (start, end) = GetDashboardHandler.YearInUtc(year);
        var claims = await db.SubsidyClaims.AsNoTracking()
            .Where(c => (c.DecidedAt >= start && c.DecidedAt < end) || (c.PaidAt >= start && c.PaidAt < end))
            .Join(db.Set<ProfessionalOwner>(), c => c.ProfessionalId, o => o.Id, (c, o) => new { c.Status, c.Amount, c.DecidedAt, c.PaidAt, o.EmployerId })
            .Join(employers, x => x.EmployerId, e => e.Id, (x, e) => new { e.Ownership, x.Status, x.Amount, x.DecidedAt, x.PaidAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        EqualTreatmentGroup Group(Ownership ownership)
        {
            var people = registered.Where(r => r.Ownership == ownership).Sum(r => r.Count);
            var trained = training.FirstOrDefault(t => t.Ownership == ownership);
            var participants = trained?.People ?? 0;
            var hours = trained?.Hours ?? 0m;
            var mine = claims.Where(c => c.Ownership == ownership).ToList();
            var approved = mine.Where(c => (c.Status is SubsidyClaimStatus.Approved or SubsidyClaimStatus.Paid) && c.DecidedAt >= start && c.DecidedAt < end).ToList();
            var paid = mine.Where(c => c.Status == SubsidyClaimStatus.Paid && c.PaidAt >= start && c.PaidAt < end).ToList();
            return new EqualTreatmentGroup(
                ownership,
                Names[ownership],
                people,
                participants,
                Percent(participants, people),
                hours,
                participants == 0 ? 0m : Math.Round(hours / participants, 1, MidpointRounding.AwayFromZero),
                GetDashboardHandler.Group(ownership.ToString(), Names[ownership], compliance.Where(c => c.Ownership == ownership).Select(c => (c.Status, c.Count))),
                certificates.Where(c => c.Ownership == ownership).Sum(c => c.Count),
                certificates.Where(c => c.Ownership == ownership && c.Status == CertificateStatus.Valid).Sum(c => c.Count),
                approved.Count,
                approved.Sum(c => c.Amount),
                paid.Count,
                paid.Sum(c => c.Amount));
        }

        return new EqualTreatmentView(year, GetDashboardHandler.Scope(caller.Scope), Group(Ownership.Public), Group(Ownership.NonPublic));
    }

    /// <summary><paramref name="part"/> ÷ <paramref name="whole"/> in percent, one decimal (0 when the whole is 0).</summary>
    internal static decimal Percent(int part, int whole) =>
        whole == 0 ? 0m : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);
}
