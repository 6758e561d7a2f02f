namespace KnowledgeRenewal.Programs.Domain;

/// <summary>How a project or a class is delivered.</summary>
public enum DeliveryMode
{
    /// <summary>线下面授.</summary>
    Offline = 1,

    /// <summary>线上.</summary>
    Online = 2,

    /// <summary>线上线下结合.</summary>
    Mixed = 3,
}
