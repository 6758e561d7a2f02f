using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;

namespace KnowledgeRenewal.UnitTests.Identity;

/// <summary>GB 32100 unified social credit codes: check character, alphabet, and the generator the demo data uses.</summary>
public class UnifiedSocialCreditCodeTests
{
    // The example code GB 32100 itself uses.
    [Theory]
    [InlineData("91350100M000100Y43")]
    public void The_standards_example_is_valid(string code)
    {
        Assert.True(UnifiedSocialCreditCode.TryParse(code, out var parsed, out var error), error);
        Assert.Equal(code, parsed.Value);
    }

    [Fact]
    public void A_lowercase_code_with_spaces_around_is_normalized()
    {
        Assert.True(UnifiedSocialCreditCode.TryParse(" 91350100m000100y43 ", out var parsed, out _));
        Assert.Equal("91350100M000100Y43", parsed.Value);
        Assert.Equal('9', parsed.RegistrationAuthority);
        Assert.Equal('1', parsed.Category);
        Assert.Equal("350100", parsed.DivisionCode);
        Assert.Equal("M000100Y4", parsed.OrganizationCode);
    }

    [Theory]
    [InlineData(null, "credit_code.length")]
    [InlineData("", "credit_code.length")]
    [InlineData("91350100M000100Y4", "credit_code.length")]
    [InlineData("91350100M000100Y433", "credit_code.length")]
    [InlineData("91350100I000100Y43", "credit_code.characters")]
    [InlineData("91350100O000100Y43", "credit_code.characters")]
    [InlineData("91350100Z000100Y43", "credit_code.characters")]
    [InlineData("91350100S000100Y43", "credit_code.characters")]
    [InlineData("91350100V000100Y43", "credit_code.characters")]
    [InlineData("91350100-000100Y43", "credit_code.characters")]
    [InlineData("91350100M000100Y44", "credit_code.checksum")]
    public void Invalid_codes_are_refused_with_a_stable_code_and_a_Chinese_message(string? text, string expected)
    {
        Assert.False(UnifiedSocialCreditCode.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", UnifiedSocialCreditCode.Message(error!));
    }

    [Fact]
    public void Generated_codes_are_valid_and_carry_authority_category_and_division()
    {
        var random = new Random(20230324);
        foreach (var (authority, category, division) in new[] { ('9', '1', "370811"), ('1', '2', "370800"), ('5', '2', "370883") })
        {
            for (var i = 0; i < 500; i++)
            {
                var code = UnifiedSocialCreditCode.Generate(authority, category, division, random.Next);

                Assert.True(UnifiedSocialCreditCode.IsValid(code.Value), code.Value);
                Assert.Equal(authority, code.RegistrationAuthority);
                Assert.Equal(category, code.Category);
                Assert.Equal(division, code.DivisionCode);
                Assert.All(code.Value, c => Assert.Contains(c, UnifiedSocialCreditCode.Alphabet));
            }
        }
    }

    [Fact]
    public void The_generator_is_deterministic_for_a_seeded_random_source()
    {
        var first = new Random(7);
        var second = new Random(7);

        var a = Enumerable.Range(0, 20).Select(_ => UnifiedSocialCreditCode.Generate('9', '1', "370811", first.Next).Value);
        var b = Enumerable.Range(0, 20).Select(_ => UnifiedSocialCreditCode.Generate('9', '1', "370811", second.Next).Value);

        Assert.Equal(a, b);
    }

    [Fact]
    public void Every_single_character_substitution_is_rejected()
    {
        foreach (var code in SampleCodes())
        {
            for (var position = 0; position < UnifiedSocialCreditCode.Length; position++)
            {
                foreach (var symbol in UnifiedSocialCreditCode.Alphabet.Where(s => s != code[position]))
                {
                    var typo = code[..position] + symbol + code[(position + 1)..];
                    Assert.False(UnifiedSocialCreditCode.IsValid(typo), $"{typo} (from {code}) should be rejected");
                }
            }
        }
    }

    [Fact]
    public void Every_swap_of_two_different_adjacent_characters_is_rejected()
    {
        foreach (var code in SampleCodes())
        {
            for (var position = 0; position < UnifiedSocialCreditCode.Length - 1; position++)
            {
                if (code[position] == code[position + 1])
                {
                    continue;
                }

                var swapped = code[..position] + code[position + 1] + code[position] + code[(position + 2)..];
                Assert.False(UnifiedSocialCreditCode.IsValid(swapped), $"{swapped} (from {code}) should be rejected");
            }
        }
    }

    [Fact]
    public void The_check_character_of_31_is_0()
    {
        // Find a body whose weighted sum is a multiple of 31: its check value is 31 − 0 = 31, written 0.
        var random = new Random(1);
        for (var i = 0; i < 10_000; i++)
        {
            var code = UnifiedSocialCreditCode.Generate('9', '1', "370800", random.Next).Value;
            if (code[17] == '0')
            {
                Assert.True(UnifiedSocialCreditCode.IsValid(code));
                return;
            }
        }

        Assert.Fail("no code with check character 0 was generated");
    }

    [Fact]
    public void The_generator_refuses_a_division_code_that_is_not_six_digits() =>
        Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.Generate('9', '1', "370800-GX", new Random(1).Next));

    private static IEnumerable<string> SampleCodes()
    {
        var random = new Random(42);
        return Enumerable.Range(0, 200)
            .Select(_ => UnifiedSocialCreditCode.Generate('9', '1', "370811", random.Next).Value)
            .Append("91350100M000100Y43");
    }
}
