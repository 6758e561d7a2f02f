namespace KnowledgeRenewal.Kernel.Identifiers;

/// <summary>Gender, as the ID number encodes it.</summary>
public enum Gender
{
    /// <summary>男.</summary>
    Male = 1,

    /// <summary>女.</summary>
    Female = 2,
}
