using System.IO.Compression;
using System.Text;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.CreditRules;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Modules.Education;
using KnowledgeRenewal.Modules.Health;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Declarations;

/// <summary>Demo declarations: deterministic, every state, hours as the rules grant them, valid evidence files.</summary>
public sealed class DemoDeclarationsTests
{
    private static readonly RuleBook Platform = new(PlatformCreditRules.Scope, PlatformCreditRules.RuleSets);
    private static readonly RuleBook Health = new("health", new HealthModule().RuleSets);
    private static readonly RuleBook Education = new("education", new EducationModule().RuleSets);
    private static readonly DateTime Now = new(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_same_seed_gives_the_same_plan_and_another_seed_another()
    {
        var people = People(60);

        var first = Plan(1, people);
        var second = Plan(1, people);
        var other = Plan(2, people);

        Assert.Equal(first.Select(Describe), second.Select(Describe));
        Assert.Equal(first.SelectMany(d => d.Evidence).Select(e => Convert.ToHexString(e.Content)), second.SelectMany(d => d.Evidence).Select(e => Convert.ToHexString(e.Content)));
        Assert.NotEqual(first.Select(Describe), other.Select(Describe));
    }

    [Fact]
    public void The_first_declarant_has_one_in_every_state_and_the_rest_cover_every_state_too()
    {
        var plan = Plan(20230324, People(120));

        Assert.Equal(Enum.GetValues<DemoOutcome>().Order(), plan.Where(d => d.Declarant.Id == plan[0].Declarant.Id).Select(d => d.Outcome).Order());
        Assert.InRange(plan.Count, 200, 400);
        var others = plan.Where(d => d.Declarant.Id != plan[0].Declarant.Id).ToList();
        Assert.All(Enum.GetValues<DemoOutcome>(), o => Assert.Contains(others, d => d.Outcome == o));
        Assert.InRange(others.Count(d => d.Outcome == DemoOutcome.Approved) / (double)others.Count, 0.4, 0.8);
    }

    [Fact]
    public void Each_step_has_its_time_reviewer_and_reason_and_nothing_is_in_the_future()
    {
        var plan = Plan(7, People(120));

        foreach (var d in plan)
        {
            var (employer, department, withdrawn) = (d.EmployerReviewedAt is not null, d.DepartmentReviewedAt is not null, d.WithdrawnAt is not null);
            var expected = d.Outcome switch
            {
                DemoOutcome.AwaitingEmployer => (false, false, false),
                DemoOutcome.AwaitingDepartment => (true, false, false),
                DemoOutcome.Approved or DemoOutcome.RejectedByDepartment => (true, true, false),
                DemoOutcome.RejectedByEmployer => (true, false, false),
                _ => (employer, false, true),
            };
            Assert.Equal(expected, (employer, department, withdrawn));
            Assert.True(d.Declared.StartDate <= d.Declared.EndDate && d.Declared.EndDate < DateOnly.FromDateTime(Now), Describe(d));
            Assert.True(d.SubmittedAt < Now && d.SubmittedAt > d.Declared.EndDate.ToDateTime(TimeOnly.MinValue), Describe(d));
            Assert.All(new[] { d.EmployerReviewedAt, d.DepartmentReviewedAt, d.WithdrawnAt }.OfType<DateTime>(), at => Assert.InRange(at, d.SubmittedAt, Now));
            if (d.Outcome == DemoOutcome.RejectedByEmployer)
            {
                Assert.False(string.IsNullOrWhiteSpace(d.EmployerComment));
            }

            if (d.Outcome is DemoOutcome.RejectedByDepartment or DemoOutcome.Approved)
            {
                Assert.False(string.IsNullOrWhiteSpace(d.DepartmentComment));
                Assert.True(d.DepartmentReviewedAt >= d.EmployerReviewedAt);
            }

            Assert.True(d.Declared.Title.Length <= ActivityDeclaration.TitleLength);
        }

        // Only recent activities are still under review (the demo account's own ones aside).
        Assert.All(plan.Where(d => d.Declarant.Id != plan[0].Declarant.Id && d.Outcome is DemoOutcome.AwaitingEmployer or DemoOutcome.AwaitingDepartment), d =>
            Assert.InRange(DateOnly.FromDateTime(Now).DayNumber - d.Declared.EndDate.DayNumber, 0, 90));
    }

    [Fact]
    public void Hours_are_what_the_rules_of_the_persons_module_grant()
    {
        var plan = Plan(11, People(120));

        foreach (var d in plan)
        {
            var book = Book(d.Declarant.DepartmentCode);
            Assert.Equal(DeclarationHours.Compute(book, d.Declared), d.Credit);
            Assert.Contains(book.InForceOn(d.Declared.EndDate)!.Activities, a => a.Activity == d.Declared.Activity);
        }

        Assert.Contains(plan, d => d.Credit.PerItem);
        Assert.Contains(plan, d => !d.Credit.PerItem && d.Declared.ClaimedUnit == CreditUnit.Credit && d.Declarant.DepartmentCode == Departments.Health);
        Assert.Contains(plan, d => d.Declared.ClaimedUnit == CreditUnit.Hour && d.Declarant.DepartmentCode == Departments.Education);
    }

    [Fact]
    public void Evidence_files_are_small_valid_pdfs_and_pngs()
    {
        var files = Plan(3, People(40)).SelectMany(d => d.Evidence).ToList();

        Assert.All(files, f => Assert.InRange(f.Content.Length, 50, 4096));
        Assert.All(files, f => Assert.Equal(f.FileName.EndsWith(".pdf", StringComparison.Ordinal) ? EvidenceContent.Pdf : EvidenceContent.Png, EvidenceContent.Detect(f.Content)));
        Assert.Contains(files, f => f.FileName.EndsWith(".png", StringComparison.Ordinal));
    }

    [Fact]
    public void The_pdf_has_a_cross_reference_table_pointing_at_its_objects()
    {
        var pdf = DemoEvidence.Pdf("Evidence (No. 1) \\ 中文");
        var text = Encoding.ASCII.GetString(pdf);

        Assert.StartsWith("%PDF-1.4\n", text, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF\n", text, StringComparison.Ordinal);
        Assert.Contains("(Evidence \\(No. 1\\) \\\\ ??)", text, StringComparison.Ordinal);
        var startxref = int.Parse(text[(text.LastIndexOf("startxref\n", StringComparison.Ordinal) + 10)..].Split('\n')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("xref\n0 6\n", text[startxref..], StringComparison.Ordinal);
        var entries = text[startxref..].Split('\n').Skip(3).Take(5).Select(l => int.Parse(l[..10], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            Assert.StartsWith($"{i + 1} 0 obj", text[entries[i]..], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_png_has_checksummed_chunks_and_the_pixels_asked_for()
    {
        var png = DemoEvidence.Png(3, 2, 10, 20, 30);

        Assert.Equal(EvidenceContent.Png, EvidenceContent.Detect(png));
        var chunks = new List<(string Type, byte[] Data)>();
        for (var offset = 8; offset < png.Length;)
        {
            var length = (png[offset] << 24) | (png[offset + 1] << 16) | (png[offset + 2] << 8) | png[offset + 3];
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png[(offset + 8)..(offset + 8 + length)];
            var crc = (uint)((png[offset + 8 + length] << 24) | (png[offset + 9 + length] << 16) | (png[offset + 10 + length] << 8) | png[offset + 11 + length]);
            Assert.Equal(Crc32(png[(offset + 4)..(offset + 8 + length)]), crc);
            chunks.Add((type, data));
            offset += 12 + length;
        }

        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Select(c => c.Type));
        Assert.Equal(new byte[] { 0, 0, 0, 3, 0, 0, 0, 2, 8, 2, 0, 0, 0 }, chunks[0].Data);
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(chunks[1].Data), CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        Assert.Equal(new byte[] { 0, 10, 20, 30, 10, 20, 30, 10, 20, 30, 0, 10, 20, 30, 10, 20, 30, 10, 20, 30 }, inflated.ToArray());
    }

    private static IReadOnlyList<DemoDeclaration> Plan(int seed, IReadOnlyList<DemoDeclarant> people) =>
        DemoDeclarations.Plan(new DemoSeedContext(seed, "declarations.demo").Faker, people, Book, Now);

    private static RuleBook Book(string department) => department switch
    {
        Departments.Health => Health,
        Departments.Education => Education,
        _ => Platform,
    };

    private static List<DemoDeclarant> People(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new DemoDeclarant(new Guid(i + 1, 0, 0, new byte[8]), (i % 3) switch { 0 => Departments.Health, 1 => Departments.Education, _ => Departments.Finance }))];

    private static string Describe(DemoDeclaration d) =>
        $"{d.Declarant.Id} {d.Declared} {d.Credit.Hours} {d.Outcome} {d.SubmittedAt:O} {d.EmployerReviewedAt:O} {d.DepartmentReviewedAt:O} {d.WithdrawnAt:O} {d.EmployerReviewer} {d.EmployerComment} {d.DepartmentComment} {d.WithdrawalReason}";

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
