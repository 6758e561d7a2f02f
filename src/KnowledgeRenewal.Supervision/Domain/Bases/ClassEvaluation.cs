namespace KnowledgeRenewal.Supervision.Domain.Bases;

/// <summary>
/// A participant's evaluation (培训评价) of a finished class: four ratings 1–5 and a free comment, once per person and
/// class. The person is kept only to allow one evaluation each; no view, feed or page shows who rated (anonymous to
/// the provider).
/// </summary>
public sealed class ClassEvaluation
{
    /// <summary>Longest comment.</summary>
    public const int CommentLength = 500;

    /// <summary>Lowest rating.</summary>
    public const int MinRating = 1;

    /// <summary>Highest rating.</summary>
    public const int MaxRating = 5;

    /// <summary>The sum of the four ratings from which an evaluation counts as satisfied (a mean of 4).</summary>
    public const int SatisfiedTotal = 16;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The class.</summary>
    public Guid ClassId { get; init; }

    /// <summary>The class's provider (for the provider's and base's aggregates).</summary>
    public Guid ProviderId { get; init; }

    /// <summary>The class's credit year (its end date's year).</summary>
    public int Year { get; init; }

    /// <summary>Who rated (never shown).</summary>
    public Guid ProfessionalId { get; init; }

    /// <summary>内容 1–5.</summary>
    public int Content { get; init; }

    /// <summary>师资 1–5.</summary>
    public int Teacher { get; init; }

    /// <summary>组织 1–5.</summary>
    public int Organization { get; init; }

    /// <summary>实用性 1–5.</summary>
    public int Usefulness { get; init; }

    /// <summary>A free comment.</summary>
    public string? Comment { get; init; }

    /// <summary>When (UTC).</summary>
    public DateTime SubmittedAt { get; init; }

    /// <summary>The mean of the four ratings.</summary>
    public decimal Mean => (Content + Teacher + Organization + Usefulness) / 4m;

    /// <summary>Whether the evaluation counts as satisfied: a mean of 4 or more.</summary>
    public static bool Satisfied(int content, int teacher, int organization, int usefulness) => content + teacher + organization + usefulness >= SatisfiedTotal;
}
