using KnowledgeRenewal.Programs.Domain;

using KnowledgeRenewal.Programs.Demo;
using KnowledgeRenewal.Programs.Web;
namespace KnowledgeRenewal.Programs.UseCases.Plans;

/// <summary>A year's plan with every target against what happened (as of <see cref="AsOf"/>).</summary>
public sealed record AnnualPlanView
{
    /// <summary>The program year.</summary>
    public int Year { get; init; }

    /// <summary>Notes of the program office.</summary>
    public string? Notes { get; init; }

    /// <summary>Who set the plan last.</summary>
    public string? UpdatedByName { get; init; }

    /// <summary>When it was set last (UTC).</summary>
    public DateTime UpdatedAt { get; init; }

    /// <summary>The day (China time) the progress was computed for.</summary>
    public DateOnly AsOf { get; init; }

    /// <summary>The targets and their progress: total, project types, regions, departments.</summary>
    public IReadOnlyList<PlanTargetProgress> Targets { get; init; } = [];
}

/// <summary>One plan in the list: its total target against the trainees so far.</summary>
/// <param name="Year">The program year.</param>
/// <param name="TargetTrainees">The total trainee target.</param>
/// <param name="ActualTrainees">Trainees so far.</param>
/// <param name="Percent">Percentage reached.</param>
/// <param name="StatusName">Where it stands (Chinese).</param>
public sealed record AnnualPlanSummary(int Year, int TargetTrainees, int ActualTrainees, decimal Percent, string StatusName);
