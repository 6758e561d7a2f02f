namespace KnowledgeRenewal.Supervision.Domain;

/// <summary>What supervision looks at: the object of an inspection, a complaint or a risk signal.</summary>
public enum SupervisedObjectKind
{
    /// <summary>A project (高级研修、能力提升、数字技术工程师、继续教育基地建设).</summary>
    Project = 1,

    /// <summary>A training class (培训班).</summary>
    Class = 2,

    /// <summary>A continuing-education base (继续教育基地).</summary>
    Base = 3,

    /// <summary>A training provider (培训机构).</summary>
    Provider = 4,
}

/// <summary>One supervised object.</summary>
/// <param name="Kind">Its kind.</param>
/// <param name="Id">Its id (the project's, class's, base's or provider's).</param>
public readonly record struct SupervisedObject(SupervisedObjectKind Kind, Guid Id);
