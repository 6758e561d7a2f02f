using System.Text;
using KnowledgeRenewal.Credits.Domain;

namespace KnowledgeRenewal.UnitTests.Courses;

/// <summary>The course catalog's rules: hours and materials.</summary>
public sealed class CourseRulesTests
{
    [Theory]
    [InlineData("0.5", true)]
    [InlineData("200", true)]
    [InlineData("12.25", true)]
    [InlineData("0.25", false)]
    [InlineData("200.01", false)]
    [InlineData("6.125", false)]
    public void Hours_are_half_an_hour_to_two_hundred_with_two_decimals_at_most(string hours, bool valid) =>
        Assert.Equal(valid, CourseRules.ValidHours(decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_material_is_a_non_empty_PDF_JPEG_or_PNG_of_at_most_ten_megabytes_recognised_from_its_bytes()
    {
        Assert.Null(CourseRules.CheckMaterial(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF")));
        Assert.Null(CourseRules.CheckMaterial(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }));
        Assert.Equal("material_empty", CourseRules.CheckMaterial([])!.Code);
        Assert.Equal("material_type_not_allowed", CourseRules.CheckMaterial(Encoding.UTF8.GetBytes("课程大纲.pdf"))!.Code);
        var large = new byte[CourseRules.MaxMaterialBytes + 1];
        "%PDF-"u8.CopyTo(large);
        Assert.Equal("material_too_large", CourseRules.CheckMaterial(large)!.Code);
        Assert.Equal("file", CourseRules.CheckMaterial([])!.Field);
    }
}
