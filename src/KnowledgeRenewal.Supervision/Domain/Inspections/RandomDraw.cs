using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KnowledgeRenewal.Supervision.Domain.Inspections;

/// <summary>An object that may be drawn, with its risk (0 = none).</summary>
/// <param name="Kind">Project, class, base or provider.</param>
/// <param name="Id">The object's id.</param>
/// <param name="Name">Its name as shown.</param>
/// <param name="OrganizationId">The organization answerable for it (provider, base's organization, applicant).</param>
/// <param name="Risk">The weighted risk (Σ weight × normalized signal score).</param>
public sealed record DrawCandidate(SupervisedObjectKind Kind, Guid Id, string Name, Guid OrganizationId, decimal Risk);

/// <summary>An expert who may be drawn as an inspector.</summary>
/// <param name="Id">The expert.</param>
/// <param name="Name">The name.</param>
/// <param name="OrganizationId">The expert's organization, if registered.</param>
/// <param name="RecentOrganizations">Organizations reviewed or inspected within the conflict window.</param>
public sealed record DrawExpert(Guid Id, string Name, Guid? OrganizationId, IReadOnlyCollection<Guid> RecentOrganizations)
{
    /// <summary>Whether the expert has a conflict of interest with an object of <paramref name="organizationId"/>.</summary>
    public bool ConflictsWith(Guid organizationId) => OrganizationId == organizationId || RecentOrganizations.Contains(organizationId);
}

/// <summary>How many objects of a kind to draw.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Count">How many (at most the candidates).</param>
public readonly record struct DrawQuota(SupervisedObjectKind Kind, int Count);

/// <summary>One drawn object with its inspectors.</summary>
/// <param name="Rank">1-based position in the draw.</param>
/// <param name="Target">The object.</param>
/// <param name="Inspectors">The experts drawn (fewer than asked when too few have no conflict).</param>
/// <param name="SkippedForConflict">How many pool experts were passed over for a conflict of interest.</param>
public sealed record DrawnObject(int Rank, DrawCandidate Target, IReadOnlyList<DrawExpert> Inspectors, int SkippedForConflict);

/// <summary>
/// The double-random draw (双随机): objects by risk-weighted sampling without replacement, then inspectors from the
/// pool at random, skipping conflicts of interest. Deterministic: the same candidates, experts, quotas and seed give
/// the same result on any machine, so a recorded seed lets anyone replay and audit a draw.
/// <list type="number">
/// <item>Candidates are put in a stable order (kind, then id as 32 hex digits, ordinal); experts by id likewise.</item>
/// <item>One <see cref="SplitMix64"/> generator is seeded with the seed.</item>
/// <item>For each kind in order (Project, Class, Base, Provider), each candidate in order gets the key
/// ln(u) / (1 + risk) with u the next number in (0, 1) (Efraimidis–Spirakis weighted sampling): the quota's largest
/// keys are drawn (ties by the stable order). A riskier object is likelier to be drawn; a riskless one can still be.</item>
/// <item>For each drawn object in draw order, the experts without a conflict are shuffled by a partial Fisher–Yates with
/// the same generator and the first <c>perObject</c> taken.</item>
/// </list>
/// </summary>
public static class RandomDraw
{
    /// <summary>Runs the draw.</summary>
    public static IReadOnlyList<DrawnObject> Run(IEnumerable<DrawQuota> quotas, IEnumerable<DrawCandidate> candidates, IEnumerable<DrawExpert> experts, int perObject, long seed)
    {
        ArgumentNullException.ThrowIfNull(quotas);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(experts);
        var random = new SplitMix64(unchecked((ulong)seed));
        var pool = experts.OrderBy(e => StableKey(e.Id), StringComparer.Ordinal).ToList();
        var byKind = candidates.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.OrderBy(c => StableKey(c.Id), StringComparer.Ordinal).ToList());
        var drawn = new List<DrawCandidate>();
        foreach (var quota in quotas.Where(q => q.Count > 0).OrderBy(q => q.Kind))
        {
            if (!byKind.TryGetValue(quota.Kind, out var list))
            {
                continue;
            }

            var keyed = list.Select((c, i) => (Candidate: c, Index: i, Key: Math.Log(random.NextOpenUnit()) / (1.0 + (double)Math.Max(0m, c.Risk)))).ToList();
            drawn.AddRange(keyed.OrderByDescending(k => k.Key).ThenBy(k => k.Index).Take(quota.Count).Select(k => k.Candidate));
        }

        var result = new List<DrawnObject>(drawn.Count);
        foreach (var candidate in drawn)
        {
            var eligible = pool.Where(e => !e.ConflictsWith(candidate.OrganizationId)).ToList();
            var take = Math.Min(perObject, eligible.Count);
            for (var i = 0; i < take; i++)
            {
                var j = i + random.NextBelow(eligible.Count - i);
                (eligible[i], eligible[j]) = (eligible[j], eligible[i]);
            }

            result.Add(new DrawnObject(result.Count + 1, candidate, eligible.Take(take).ToList(), pool.Count - eligible.Count));
        }

        return result;
    }

    /// <summary>
    /// A fingerprint of a draw's result (SHA-256, hex, over each object's kind, id and inspectors' ids in draw order):
    /// two draws with the same fingerprint picked the same objects and inspectors.
    /// </summary>
    public static string Fingerprint(IEnumerable<DrawnObject> drawn)
    {
        ArgumentNullException.ThrowIfNull(drawn);
        var text = new StringBuilder();
        foreach (var d in drawn)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(int)d.Target.Kind}:{StableKey(d.Target.Id)}:{string.Join(',', d.Inspectors.Select(e => StableKey(e.Id)))}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>How many to draw of <paramref name="candidates"/> for a count or a share (percent, rounded up).</summary>
    public static int CountOf(int? count, int? sharePercent, int candidates) =>
        Math.Min(candidates, count ?? (int)Math.Ceiling(candidates * (sharePercent ?? 0) / 100m));

    private static string StableKey(Guid id) => id.ToString("N", CultureInfo.InvariantCulture);
}
