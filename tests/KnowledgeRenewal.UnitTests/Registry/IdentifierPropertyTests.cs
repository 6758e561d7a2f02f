using System.Globalization;
using CsCheck;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;

namespace KnowledgeRenewal.UnitTests.Registry;

/// <summary>
/// Property tests of the two identifiers people type: every generated valid resident ID number (GB 11643, ISO 7064
/// MOD 11-2) and unified social credit code (GB 32100, MOD 31) validates, and every single-character substitution and
/// every swap of two different adjacent characters is rejected — exhaustively for each generated value. Both checks
/// are over a prime modulus with weights whose adjacent differences are never 0 modulo it, so no such typing error
/// can keep the check character right; the tests verify that rather than trust it.
/// </summary>
public sealed class IdentifierPropertyTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);
    private static readonly string IdSymbols = "0123456789X";

    // Division (any six digits), a real birth date from 1900 to today, sequence → the check character.
    private static readonly Gen<string> ValidIdNumbers = Gen.Select(Gen.Int[0, 999_999], Gen.Int[0, Today.DayNumber - new DateOnly(1900, 1, 1).DayNumber], Gen.Int[0, 999], (division, day, sequence) =>
    {
        var first17 = division.ToString("D6", CultureInfo.InvariantCulture)
            + DateOnly.FromDayNumber(new DateOnly(1900, 1, 1).DayNumber + day).ToString("yyyyMMdd", CultureInfo.InvariantCulture)
            + sequence.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + ResidentIdNumber.CheckCharacterOf(first17);
    });

    private static readonly Gen<string> ValidCreditCodes = Gen.Select(Gen.Int[0, UnifiedSocialCreditCode.Alphabet.Length - 1], Gen.Int[0, UnifiedSocialCreditCode.Alphabet.Length - 1], Gen.Int[0, 999_999], Gen.Int.Uniform, (authority, category, division, seed) =>
    {
        var random = new Random(seed);
        return UnifiedSocialCreditCode.Generate(UnifiedSocialCreditCode.Alphabet[authority], UnifiedSocialCreditCode.Alphabet[category], division.ToString("D6", CultureInfo.InvariantCulture), random.Next).Value;
    });

    [Fact]
    public void Every_generated_resident_ID_number_validates_also_with_a_lowercase_x() =>
        ValidIdNumbers.Sample(id =>
        {
            Assert.True(ResidentIdNumber.TryParse(id, Today, out var number, out var error), $"{id}: {error}");
            Assert.Equal(id, number.Value);
            Assert.True(ResidentIdNumber.TryParse(id.ToLowerInvariant(), Today, out _, out _));
            Assert.Equal((id[16] - '0') % 2 == 1, number.IsMale);
        }, iter: 2_000);

    [Fact]
    public void Every_single_character_substitution_of_a_resident_ID_number_is_rejected() =>
        ValidIdNumbers.Sample(id =>
        {
            for (var position = 0; position < id.Length; position++)
            {
                foreach (var symbol in IdSymbols)
                {
                    if (symbol == id[position])
                    {
                        continue;
                    }

                    var typo = string.Concat(id.AsSpan(0, position), symbol.ToString(), id.AsSpan(position + 1));
                    Assert.False(ResidentIdNumber.TryParse(typo, Today, out _, out _), $"{id} → {typo} was accepted");
                }
            }
        }, iter: 500);

    [Fact]
    public void Every_swap_of_two_different_adjacent_characters_of_a_resident_ID_number_is_rejected() =>
        ValidIdNumbers.Sample(id =>
        {
            for (var position = 0; position < id.Length - 1; position++)
            {
                if (id[position] == id[position + 1])
                {
                    continue;
                }

                var chars = id.ToCharArray();
                (chars[position], chars[position + 1]) = (chars[position + 1], chars[position]);
                var swapped = new string(chars);
                Assert.False(ResidentIdNumber.TryParse(swapped, Today, out _, out var error), $"{id} → {swapped} was accepted");
                Assert.NotNull(error);
            }
        }, iter: 2_000);

    [Fact]
    public void MOD_11_2_alone_catches_every_substitution_and_adjacent_transposition_of_the_17_digits()
    {
        // The check character's own arithmetic, independent of the birth-date rule: over all digit pairs and
        // positions, a change of one digit or a swap of two different neighbours always changes the check character.
        var weights = Enumerable.Range(0, 17).Select(i => (1 << (17 - i)) % 11).ToArray();
        Assert.Equal([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2], weights);
        for (var i = 0; i < 17; i++)
        {
            for (var delta = 1; delta <= 9; delta++)
            {
                Assert.NotEqual(0, delta * weights[i] % 11);
            }
        }

        for (var i = 0; i < 16; i++)
        {
            for (var delta = 1; delta <= 9; delta++)
            {
                Assert.NotEqual(0, (delta * (weights[i] - weights[i + 1]) % 11 + 11) % 11);
            }
        }

        // The last digit against the check character (weight 1): a digit and the check value never agree mod 11 when different.
        for (var delta = 1; delta <= 10; delta++)
        {
            Assert.NotEqual(0, delta * (weights[16] - 1) % 11);
        }
    }

    [Fact]
    public void Every_generated_credit_code_validates_also_in_lowercase() =>
        ValidCreditCodes.Sample(code =>
        {
            Assert.True(UnifiedSocialCreditCode.TryParse(code, out var parsed, out var error), $"{code}: {error}");
            Assert.Equal(code, parsed.Value);
            Assert.True(UnifiedSocialCreditCode.IsValid(code.ToLowerInvariant()));
        }, iter: 2_000);

    [Fact]
    public void Every_single_character_substitution_of_a_credit_code_is_rejected_including_the_letters_never_used() =>
        ValidCreditCodes.Sample(code =>
        {
            for (var position = 0; position < code.Length; position++)
            {
                foreach (var symbol in UnifiedSocialCreditCode.Alphabet + "IOZSV")
                {
                    if (symbol == code[position])
                    {
                        continue;
                    }

                    var typo = string.Concat(code.AsSpan(0, position), symbol.ToString(), code.AsSpan(position + 1));
                    Assert.False(UnifiedSocialCreditCode.IsValid(typo), $"{code} → {typo} was accepted");
                }
            }
        }, iter: 300);

    [Fact]
    public void Every_swap_of_two_different_adjacent_characters_of_a_credit_code_is_rejected() =>
        ValidCreditCodes.Sample(code =>
        {
            for (var position = 0; position < code.Length - 1; position++)
            {
                if (code[position] == code[position + 1])
                {
                    continue;
                }

                var chars = code.ToCharArray();
                (chars[position], chars[position + 1]) = (chars[position + 1], chars[position]);
                var swapped = new string(chars);
                Assert.False(UnifiedSocialCreditCode.IsValid(swapped), $"{code} → {swapped} was accepted");
            }
        }, iter: 2_000);
}
