namespace KnowledgeRenewal.Registry.Domain;

/// <summary>Stable problem codes of the registry.</summary>
public static class RegistryProblemCodes
{
    /// <summary>The caller's role may not change this kind of registry record.</summary>
    public const string WriteForbidden = "registry.write_forbidden";

    /// <summary>The record (or, for a create or move, the employer or the resulting record) is outside the caller's scope.</summary>
    public const string OutOfScope = "registry.out_of_scope";

    /// <summary>A professional with this resident ID number is registered already.</summary>
    public const string ProfessionalDuplicate = "professional.duplicate";

    /// <summary>An organization with this unified social credit code is registered already.</summary>
    public const string CreditCodeDuplicate = "organization.duplicate";

    /// <summary>Unmasking personal data needs the permission (or one's own record).</summary>
    public const string UnmaskForbidden = "personal_data.unmask_forbidden";
}
