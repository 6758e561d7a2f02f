namespace KnowledgeRenewal.IntegrationTests.Identity.Matrix;

/// <summary>
/// One area's seeding step of the authorization matrix: it adds the area's fixture data to the
/// <see cref="MatrixPlatform"/> and a marker for each piece of it — a value (a name, a number, an id) that only those
/// entitled to that data may ever see in an answer. A marker is named <c>"{kind} {code}"</c>, where code is the fixture
/// organization (MX-P1, MX-P2, MX-E1, MX-E2, a county bureau or line department) or person (by employer) it belongs to.
/// </summary>
internal interface IMatrixSeed
{
    /// <summary>The marker kinds of this area that are a person's data: whoever may see the person may see them.</summary>
    IReadOnlyCollection<string> PersonMarkers { get; }

    /// <summary>The marker kinds of this area that are credit-record data: whoever may see the record may see them.</summary>
    IReadOnlyCollection<string> RecordMarkers { get; }

    /// <summary>Adds the area's data (as the platform) and its markers.</summary>
    /// <param name="matrix">The platform, with what earlier steps seeded.</param>
    Task SeedAsync(MatrixPlatform matrix);
}

/// <summary>One caller of the matrix: a role's account (or an integrator client), its client, and what it must never see.</summary>
/// <param name="Name">The role, or the integrator client's name.</param>
/// <param name="Client">Its signed-in client.</param>
/// <param name="Forbidden">Markers it must not see, by name.</param>
internal sealed record MatrixCaller(string Name, HttpClient Client, IReadOnlyDictionary<string, string> Forbidden);
