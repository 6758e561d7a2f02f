using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Certificates;

public sealed class CertificateRulesTests
{
    [Fact]
    public void Verification_codes_are_20_unambiguous_symbols_and_do_not_repeat()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => VerificationCodes.Generate()).ToArray();
        Assert.Equal(codes.Length, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code => Assert.Matches("^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{20}$", code));
        Assert.True(VerificationCodes.Bits >= 100);

        // Every symbol of the alphabet shows up (the draw is not biased to a part of it).
        Assert.Equal(VerificationCodes.Alphabet.Length, codes.SelectMany(c => c).Distinct().Count());
    }

    [Theory]
    [InlineData("7kq2-m9xd-ab3c-dd44-ee55", "7KQ2M9XDAB3CDD44EE55")]
    [InlineData(" 7KQ2 M9XD AB3C DD44 EE55 ", "7KQ2M9XDAB3CDD44EE55")]
    [InlineData("7KQ2M9XDAB3CDD44EE5", null)]
    [InlineData("7KQ2M9XDAB3CDD44EE550", null)]
    [InlineData("7KQ2M9XDAB3CDD44EE5O", null)]
    [InlineData("7KQ2M9XDAB3CDD44EE51", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Typed_codes_are_normalized_or_refused(string? typed, string? expected) =>
        Assert.Equal(expected, VerificationCodes.Normalize(typed));

    [Fact]
    public void Codes_are_printed_in_groups_and_only_a_short_prefix_is_logged()
    {
        Assert.Equal("7KQ2-M9XD-AB3C-DD44-EE55", VerificationCodes.Format("7KQ2M9XDAB3CDD44EE55"));
        Assert.Equal("7KQ2", VerificationCodes.LogPrefix("7kq2-m9xd-ab3c-dd44-ee55"));
        Assert.Equal("?SCR", VerificationCodes.LogPrefix("<script>"));
        Assert.Equal("-", VerificationCodes.LogPrefix(null));
    }

    [Theory]
    [InlineData("张思远", "张*远")]
    [InlineData("李四", "李*")]
    [InlineData("欧阳明远", "欧**远")]
    [InlineData("王", "*")]
    [InlineData(" 赵钱 ", "赵*")]
    public void Holder_names_are_partly_masked(string name, string masked) => Assert.Equal(masked, HolderMask.Name(name));

    [Fact]
    public void Numbers_keep_the_serial_across_versions()
    {
        var number = CertificateNumbers.Format(2025, 1234, 2);
        Assert.Equal("JNXS-2025-00001234-2", number);
        Assert.Equal(1234, CertificateNumbers.SerialOf(number));
        Assert.StartsWith(CertificateNumbers.YearPrefix(2025), number, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => CertificateNumbers.SerialOf("XX-2025-1-1"));
    }

    [Fact]
    public void The_fingerprint_ignores_record_order_and_changes_with_any_record()
    {
        var a = Record(new DateOnly(2024, 3, 1), CreditCategory.Public, 1200);
        var b = Record(new DateOnly(2024, 5, 1), CreditCategory.Professional, 3050);
        var (forward, totals) = CertificateSnapshots.Canonical([a, b]);
        var (backward, _) = CertificateSnapshots.Canonical([b, a]);
        Assert.Equal(CertificateSnapshots.Fingerprint(forward), CertificateSnapshots.Fingerprint(backward));
        Assert.Equal(new CertificateTotals(12m, 30.5m, 42.5m), totals);

        var (changed, _) = CertificateSnapshots.Canonical([a, b with { HoursHundredths = 3000, Hours = 30m }]);
        Assert.NotEqual(CertificateSnapshots.Fingerprint(forward), CertificateSnapshots.Fingerprint(changed));
        var (fewer, _) = CertificateSnapshots.Canonical([a]);
        Assert.NotEqual(CertificateSnapshots.Fingerprint(forward), CertificateSnapshots.Fingerprint(fewer));
        Assert.Matches("^[0-9a-f]{64}$", CertificateSnapshots.Fingerprint(forward));
    }

    private static CertificateRecord Record(DateOnly date, CreditCategory category, long hundredths) => new(
        Guid.NewGuid(), date, "培训", category, category == CreditCategory.Public ? "公需科目" : "专业科目", null, null, null, "网络学习",
        hundredths, hundredths / 100m, "手工补录", null, null, null, null, null, null, "test", new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc), "test", null);
}
