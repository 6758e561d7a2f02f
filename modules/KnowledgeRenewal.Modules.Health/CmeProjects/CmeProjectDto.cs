namespace KnowledgeRenewal.Modules.Health.CmeProjects;

/// <summary>A CME project as the REST API returns it (mapped by Mapster by name).</summary>
public sealed record CmeProjectDto
{
    public int Id { get; init; }

    public required string ProjectNumber { get; init; }

    public required string Title { get; init; }

    public CmeLevel Level { get; init; }

    public int Year { get; init; }

    public required string SubjectCode { get; init; }

    public required string HostOrganization { get; init; }

    public DateOnly StartDate { get; init; }

    public DateOnly EndDate { get; init; }

    public decimal Credits { get; init; }

    public int Capacity { get; init; }
}
