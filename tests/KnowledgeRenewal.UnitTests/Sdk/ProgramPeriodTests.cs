using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Sdk;

/// <summary>The program's years (济人社发〔2023〕4号: 专业技术人才知识更新工程（2023－2030年）), defined once in the SDK.</summary>
public class ProgramPeriodTests
{
    [Fact]
    public void The_program_runs_from_2023_to_2030()
    {
        Assert.Equal(2023, ProgramPeriod.FirstYear);
        Assert.Equal(2030, ProgramPeriod.LastYear);
    }

    [Fact]
    public void It_starts_on_the_first_day_of_its_first_year_and_ends_on_the_last_day_of_its_last_year()
    {
        Assert.Equal(new DateOnly(2023, 1, 1), ProgramPeriod.Start);
        Assert.Equal(new DateOnly(2030, 12, 31), ProgramPeriod.End);
    }

    [Theory]
    [InlineData(2022, false)]
    [InlineData(2023, true)]
    [InlineData(2025, true)]
    [InlineData(2030, true)]
    [InlineData(2031, false)]
    public void Contains_exactly_its_years(int year, bool contained)
    {
        Assert.Equal(contained, ProgramPeriod.Contains(year));
    }

    [Theory]
    [InlineData("2022-12-31", false)]
    [InlineData("2023-01-01", true)]
    [InlineData("2030-12-31", true)]
    [InlineData("2031-01-01", false)]
    public void Contains_exactly_the_days_of_its_years(string day, bool contained)
    {
        Assert.Equal(contained, ProgramPeriod.Contains(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Annual_plans_accept_exactly_the_program_years_and_name_them_in_the_message()
    {
        Assert.Null(AnnualPlanRules.CheckYear(ProgramPeriod.FirstYear));
        Assert.Null(AnnualPlanRules.CheckYear(ProgramPeriod.LastYear));
        Assert.NotNull(AnnualPlanRules.CheckYear(ProgramPeriod.FirstYear - 1));
        var after = AnnualPlanRules.CheckYear(ProgramPeriod.LastYear + 1);

        Assert.NotNull(after);
        Assert.Contains("2023—2030", after.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_data_starts_in_the_programs_first_year()
    {
        Assert.Equal(ProgramPeriod.FirstYear, new DemoSeedContext(1, "test").FirstYear);
    }
}
