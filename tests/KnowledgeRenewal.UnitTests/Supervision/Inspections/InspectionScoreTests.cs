using KnowledgeRenewal.Supervision.Domain.Inspections;

namespace KnowledgeRenewal.UnitTests.Supervision.Inspections;

/// <summary>An inspection's score for a base's assessment (<see cref="InspectionRules.Score"/>).</summary>
public sealed class InspectionScoreTests
{
    [Theory]
    [InlineData(InspectionConclusion.NoIssues, 0, 0, 100)]
    [InlineData(InspectionConclusion.IssuesFound, 1, 0, 90)]
    [InlineData(InspectionConclusion.IssuesFound, 1, 1, 80)]
    [InlineData(InspectionConclusion.IssuesFound, 3, 2, 50)]
    [InlineData(InspectionConclusion.IssuesFound, 0, 0, 100)]
    [InlineData(InspectionConclusion.IssuesFound, 8, 6, 0)]
    public void Findings_lower_the_score_and_rectifications_twice_as_much(InspectionConclusion conclusion, int findings, int rectifications, int expected) =>
        Assert.Equal((decimal)expected, InspectionRules.Score(conclusion, findings, rectifications));
}
