using System.Net;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Supervision.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Supervision.Complaints;

/// <summary>
/// A demo platform of its own for the complaint tests: time passes for a complaint by moving its deadline into the past
/// (<see cref="ShiftIntoPastAsync"/>; the platform's clock also drives the sign-in's one-time codes, so it stays real);
/// the public rate limit raised; the name of a real provider to complain about.
/// </summary>
public sealed class ComplaintsPlatform : PlatformFixtureBase
{
    /// <summary>A provider's name as published.</summary>
    public string ProviderName { get; private set; } = "";

    /// <summary>Its id.</summary>
    public Guid ProviderId { get; private set; }

    /// <summary>任城区 bureau (demo.county-admin's county).</summary>
    public Guid RenchengBureauId { get; private set; }

    /// <inheritdoc />
    protected override bool ManySignIns => true;

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Complaints:PublicRequestsPerMinute"] = "1000",
        ["Complaints:AssignWithinWorkingDays"] = "5",
        ["Complaints:ResolveWithinWorkingDays"] = "15",
    };

    /// <summary>Time passes for one complaint: its current deadline and its assignment move <paramref name="days"/> days into the past.</summary>
    public Task ShiftIntoPastAsync(Guid id, int days) => QueryAsync(async db =>
    {
        var complaint = await db.Complaints.IgnoreQueryFilters().SingleAsync(c => c.Id == id);
        var entry = db.Entry(complaint);
        entry.Property(c => c.DueOn).CurrentValue = complaint.DueOn!.Value.AddDays(-days);
        entry.Property(c => c.AssignedAt).CurrentValue = complaint.AssignedAt?.AddDays(-days);
        return await db.SaveChangesAsync();
    });

    /// <inheritdoc />
    protected override Task SeedAsync() => QueryAsync(async db =>
    {
        var provider = await db.TrainingProviders.IgnoreQueryFilters().OrderBy(p => p.Code).FirstAsync();
        ProviderName = provider.Name;
        ProviderId = provider.Id;
        RenchengBureauId = (await db.Organizations.IgnoreQueryFilters().SingleAsync(o => o.Type == OrganizationType.CountyBureau && o.RegionCode == CountyA)).Id;
        return 0;
    });

}
