using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Registry.Domain;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Registry.Web;

/// <summary>
/// The registry's sets. Professionals carry no ID-number ciphertext or hash, no phone ciphertext, no account link
/// and no concurrency stamp — not in <c>$metadata</c>, so they cannot be selected, filtered, ordered or grouped
/// on — and no birth date: with the masked ID number it would give the number away (only the two division digits
/// would be left to guess, and the visible check character narrows those to about one).
/// </summary>
internal sealed class RegistryEdm : IEdmModelPart
{
    /// <inheritdoc />
    public int Order => 30;

    /// <inheritdoc />
    public void Build(ODataConventionModelBuilder builder)
    {
        var professional = builder.EntitySet<Professional>("Professionals").EntityType;
        professional.HasKey(p => p.Id);
        professional.Ignore(p => p.IdNumberHash);
        professional.Ignore(p => p.IdNumberCipher);
        professional.Ignore(p => p.PhoneCipher);
        professional.Ignore(p => p.UserId);
        professional.Ignore(p => p.ConcurrencyStamp);
        professional.Ignore(p => p.BirthDate);

        // No Employer navigation: a caller may see a person whose employer is outside their scope (a department
        // admin and a hospital's accountants), and the scope filter on the required employer would drop the row.
        // EmployerId joins to /odata/Employers for those who may see employers.
        professional.Ignore(p => p.Employer);
        var employment = builder.EntitySet<Employment>("Employments").EntityType;
        employment.HasKey(e => e.Id);
        employment.Ignore(e => e.Employer);

        // Employers and providers are organizations (derived types); bases are designations of one.
        builder.EntitySet<Employer>("Employers").EntityType.Ignore(e => e.ConcurrencyStamp);
        var provider = builder.EntitySet<TrainingProvider>("TrainingProviders").EntityType;
        provider.Ignore(p => p.ConcurrencyStamp);
        var designation = builder.EntitySet<EducationBase>("EducationBases").EntityType;
        designation.HasKey(b => b.Id);
        designation.Ignore(b => b.ConcurrencyStamp);
    }
}
