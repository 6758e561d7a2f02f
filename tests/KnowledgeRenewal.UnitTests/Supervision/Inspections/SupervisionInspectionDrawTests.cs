using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.Domain.Inspections;

namespace KnowledgeRenewal.UnitTests.Supervision.Inspections;

/// <summary>The double-random draw (<see cref="RandomDraw"/>): reproducible from its seed, weighted by risk, free of conflicts of interest.</summary>
public sealed class SupervisionInspectionDrawTests
{
    private static readonly Guid[] Organizations = [.. Enumerable.Range(1, 12).Select(i => new Guid($"00000000-0000-0000-0000-0000000000{i:D2}"))];

    private static List<DrawCandidate> Candidates(int count, Func<int, decimal>? risk = null) =>
        [.. Enumerable.Range(0, count).Select(i => new DrawCandidate(i % 2 == 0 ? SupervisedObjectKind.Class : SupervisedObjectKind.Provider,
            new Guid($"10000000-0000-0000-0000-{i:D12}"), $"对象{i}", Organizations[i % Organizations.Length], risk?.Invoke(i) ?? 0m))];

    private static List<DrawExpert> Experts(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new DrawExpert(new Guid($"20000000-0000-0000-0000-{i:D12}"), $"专家{i}", Organizations[i % Organizations.Length], []))];

    private static readonly DrawQuota[] Quotas = [new(SupervisedObjectKind.Class, 5), new(SupervisedObjectKind.Provider, 3)];

    [Fact]
    public void The_same_seed_gives_the_same_objects_and_inspectors_whatever_order_the_data_comes_in()
    {
        var candidates = Candidates(40);
        var experts = Experts(15);
        var first = RandomDraw.Run(Quotas, candidates, experts, 2, 20261206);
        var shuffled = RandomDraw.Run(Quotas, Enumerable.Reverse(candidates), Enumerable.Reverse(experts), 2, 20261206);

        Assert.Equal(8, first.Count);
        Assert.Equal(RandomDraw.Fingerprint(first), RandomDraw.Fingerprint(shuffled));
        Assert.Equal(first.Select(d => (d.Target.Id, string.Join(',', d.Inspectors.Select(e => e.Id)))), shuffled.Select(d => (d.Target.Id, string.Join(',', d.Inspectors.Select(e => e.Id)))));
    }

    [Fact]
    public void A_different_seed_gives_a_different_draw()
    {
        var candidates = Candidates(40);
        var experts = Experts(15);
        var fingerprints = Enumerable.Range(1, 20).Select(seed => RandomDraw.Fingerprint(RandomDraw.Run(Quotas, candidates, experts, 2, seed))).ToHashSet();

        Assert.Equal(20, fingerprints.Count);
    }

    [Fact]
    public void The_generator_is_SplitMix64_as_published()
    {
        // Reference values of splitmix64.c seeded with 1234567 (first three outputs).
        var random = new SplitMix64(1234567);

        Assert.Equal(6457827717110365317UL, random.NextUInt64());
        Assert.Equal(3203168211198807973UL, random.NextUInt64());
        Assert.Equal(9817491932198370423UL, random.NextUInt64());
    }

    [Fact]
    public void No_inspector_has_a_conflict_of_interest_with_the_object_drawn()
    {
        var candidates = Candidates(24);
        var recent = new Guid[] { Organizations[3], Organizations[5] };
        var experts = Experts(12).Select((e, i) => i < 4 ? e with { RecentOrganizations = recent } : e).ToList();

        foreach (var seed in Enumerable.Range(1, 50))
        {
            foreach (var drawn in RandomDraw.Run([new(SupervisedObjectKind.Class, 12), new(SupervisedObjectKind.Provider, 12)], candidates, experts, 3, seed))
            {
                Assert.Equal(3, drawn.Inspectors.Count);
                Assert.Equal(3, drawn.Inspectors.Select(e => e.Id).Distinct().Count());
                Assert.All(drawn.Inspectors, e => Assert.False(e.ConflictsWith(drawn.Target.OrganizationId)));
                Assert.True(drawn.SkippedForConflict >= 1);
            }
        }
    }

    [Fact]
    public void Riskier_objects_are_drawn_more_often_but_riskless_ones_can_be_drawn()
    {
        // Ten classes; class 0 has a high risk. Over many seeds it is drawn far more often than a riskless one.
        var candidates = Candidates(20, i => i == 0 ? 9m : 0m).Where(c => c.Kind == SupervisedObjectKind.Class).ToList();
        var experts = Experts(6);
        var counts = new Dictionary<Guid, int>();
        for (var seed = 1; seed <= 2000; seed++)
        {
            foreach (var drawn in RandomDraw.Run([new(SupervisedObjectKind.Class, 1)], candidates, experts, 1, seed))
            {
                counts[drawn.Target.Id] = counts.GetValueOrDefault(drawn.Target.Id) + 1;
            }
        }

        var risky = counts.GetValueOrDefault(candidates[0].Id);
        Assert.InRange(risky, 1000, 2000);
        Assert.True(counts.Count > 5, "riskless objects are drawn too");
    }

    [Fact]
    public void Too_few_experts_without_a_conflict_leaves_the_object_short_rather_than_drawing_a_conflicted_one()
    {
        var candidates = new[] { new DrawCandidate(SupervisedObjectKind.Base, Guid.NewGuid(), "基地", Organizations[0], 0m) };
        var experts = new[]
        {
            new DrawExpert(Guid.NewGuid(), "同单位", Organizations[0], []),
            new DrawExpert(Guid.NewGuid(), "近期检查过", Organizations[1], [Organizations[0]]),
            new DrawExpert(Guid.NewGuid(), "无冲突", Organizations[2], []),
        };

        var drawn = Assert.Single(RandomDraw.Run([new(SupervisedObjectKind.Base, 1)], candidates, experts, 2, 7));

        Assert.Equal("无冲突", Assert.Single(drawn.Inspectors).Name);
        Assert.Equal(2, drawn.SkippedForConflict);
    }

    [Theory]
    [InlineData(null, 10, 35, 4)]
    [InlineData(3, null, 35, 3)]
    [InlineData(50, null, 35, 35)]
    [InlineData(null, 100, 7, 7)]
    public void A_share_is_rounded_up_and_a_count_is_capped_by_the_candidates(int? count, int? share, int candidates, int expected) =>
        Assert.Equal(expected, RandomDraw.CountOf(count, share, candidates));

    [Fact]
    public void Conflicts_are_the_own_organization_and_work_for_the_same_organization_within_the_window()
    {
        var today = new DateOnly(2026, 12, 6);
        ExpertWork[] work = [new(Organizations[1], new DateOnly(2026, 3, 1)), new(Organizations[2], new DateOnly(2025, 11, 30))];

        Assert.Equal("本单位", ExpertConflicts.Reason(Organizations[0], Organizations[0], work, today, 12));
        Assert.Equal("近12个月内评审或检查过该单位", ExpertConflicts.Reason(Organizations[0], Organizations[1], work, today, 12));
        Assert.Null(ExpertConflicts.Reason(Organizations[0], Organizations[2], work, today, 12));
        Assert.NotNull(ExpertConflicts.Reason(Organizations[0], Organizations[2], work, today, 13));
        Assert.Null(ExpertConflicts.Reason(null, Organizations[3], work, today, 12));
    }
}
