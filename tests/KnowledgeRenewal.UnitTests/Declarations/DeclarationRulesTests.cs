using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Declarations;

/// <summary>The field rules of a declaration: every problem named by field, in Chinese; English names and Chinese labels accepted.</summary>
public sealed class DeclarationRulesTests
{
    private static readonly DateOnly Today = new(2025, 9, 1);

    private static readonly DeclarationFields Valid = new()
    {
        Activity = "AcademicConference",
        Title = "第十届鲁西南临床医学学术年会",
        Organizer = "济宁市医学会",
        StartDate = "2025-05-10",
        EndDate = "2025-05-11",
        ClaimedAmount = "12",
    };

    [Fact]
    public void Valid_fields_are_typed_and_trimmed()
    {
        var (value, errors) = DeclarationRules.Validate(Valid with { Title = "  年会  ", ClaimedUnit = "学分", Category = "公需科目" }, Today, 20);

        Assert.Empty(errors);
        Assert.NotNull(value);
        Assert.Equal(ActivityType.AcademicConference, value.Activity);
        Assert.Equal("年会", value.Title);
        Assert.Equal((new DateOnly(2025, 5, 10), new DateOnly(2025, 5, 11)), (value.StartDate, value.EndDate));
        Assert.Equal((12m, CreditUnit.Credit), (value.ClaimedAmount, value.ClaimedUnit));
        Assert.Equal(CreditCategory.Public, value.Category);
        Assert.Null(value.Items);
    }

    [Theory]
    [InlineData("学术论文", ActivityType.AcademicPaper)]
    [InlineData("academicpaper", ActivityType.AcademicPaper)]
    [InlineData("专利", ActivityType.Patent)]
    public void Activities_are_read_by_english_name_or_chinese_label(string text, ActivityType expected)
    {
        Assert.True(DeclarationLabels.TryParseActivity(text, out var activity));
        Assert.Equal(expected, activity);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("-1")]
    [InlineData("论文发表")]
    public void Numbers_and_unknown_names_are_not_activities(string text) =>
        Assert.False(DeclarationLabels.TryParseActivity(text, out _));

    [Fact]
    public void Every_missing_field_is_named_at_once()
    {
        var (value, errors) = DeclarationRules.Validate(new DeclarationFields(), Today, 20);

        Assert.Null(value);
        Assert.Equal(["activity", "title", "organizer", "startDate", "endDate", "claimedAmount"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message));
    }

    [Fact]
    public void Dates_must_be_real_ordered_and_not_in_the_future()
    {
        var future = DeclarationRules.Validate(Valid with { EndDate = "2025-09-02" }, Today, 20).Errors;
        var reversed = DeclarationRules.Validate(Valid with { StartDate = "2025-05-12" }, Today, 20).Errors;
        var invalid = DeclarationRules.Validate(Valid with { StartDate = "2025-02-30" }, Today, 20).Errors;
        var today = DeclarationRules.Validate(Valid with { StartDate = "2025-09-01", EndDate = "2025-09-01" }, Today, 20).Errors;

        Assert.Equal(("endDate", "in_future"), (Assert.Single(future).Field, future[0].Code));
        Assert.Equal(("startDate", "after_end"), (Assert.Single(reversed).Field, reversed[0].Code));
        Assert.Equal(("startDate", "invalid_date"), (Assert.Single(invalid).Field, invalid[0].Code));
        Assert.Empty(today);
    }

    [Fact]
    public void Items_or_an_amount_exactly_one_of_them()
    {
        var both = DeclarationRules.Validate(Valid with { Items = "1" }, Today, 20).Errors;
        var tooMany = DeclarationRules.Validate(Valid with { ClaimedAmount = null, Items = "21" }, Today, 20).Errors;
        var fine = DeclarationRules.Validate(Valid with { ClaimedAmount = null, Items = "20" }, Today, 20);
        var finer = DeclarationRules.Validate(Valid with { ClaimedAmount = "1.005" }, Today, 20).Errors;

        Assert.Equal("ambiguous_amount", Assert.Single(both).Code);
        Assert.Equal(("items", "out_of_range"), (Assert.Single(tooMany).Field, tooMany[0].Code));
        Assert.Equal(20, fine.Value!.Items);
        Assert.Equal("claimedAmount", Assert.Single(finer).Field);
    }

    [Fact]
    public void Long_texts_and_unknown_values_are_named()
    {
        var errors = DeclarationRules.Validate(
            Valid with { Title = new string('题', 129), Category = "其他", ClaimedUnit = "天", Description = new string('述', 2001), SubjectCode = new string('A', 33) },
            Today,
            20).Errors;

        Assert.Equal(["title", "description", "category", "subjectCode", "claimedUnit"], errors.Select(e => e.Field));
    }
}
