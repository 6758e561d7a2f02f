using KnowledgeRenewal.Sdk;
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

    /// <inheritdoc />
    /// <remarks>
    /// <c>$search</c> looks in names (and organizations' codes, which are public): never in the masked ID number or
    /// phone, which would let a caller probe the digits the mask hides.
    /// </remarks>
    public void Describe(EdmDescriptions descriptions)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        descriptions
            .Set("Professionals", "专业技术人员").Set("Employments", "任职经历").Set("Employers", "用人单位")
            .Set("TrainingProviders", "施教机构").Set("EducationBases", "继续教育基地")
            .Properties(
                ("Professional.Name", "姓名"), ("IdNumberMasked", "身份证号（脱敏）"), ("Gender", "性别"), ("PhoneMasked", "手机号（脱敏）"),
                ("EmployerId", "所在用人单位标识"), ("TitleSeries", "职称系列"), ("TitleLevel", "职称等级"), ("Specialty", "专业"),
                ("Education", "学历"), ("Professional.Status", "在职状态"), ("StartedOn", "入职日期"), ("EndedOn", "离职日期"),
                ("Ownership", "所有制性质"), ("TrainingProvider.Kind", "施教机构类型"), ("EducationBase.Name", "基地名称"),
                ("EducationBase.Level", "基地级别"), ("DesignatedOn", "认定日期"), ("EducationBase.Status", "基地状态"),
                ("EducationBase.OrganizationId", "依托机构标识"), ("Organization", "依托机构"))
            .Enum(RegistryLabels.Genders).Enum(RegistryLabels.TitleLevels).Enum(RegistryLabels.Educations)
            .Enum(RegistryLabels.Statuses).Enum(RegistryLabels.Ownerships).Enum(ProviderLabels.Kinds)
            .Enum(ProviderLabels.Levels).Enum(ProviderLabels.Statuses)
            .Search("Professionals", "Name")
            .Search("Employers", "Name", "Code")
            .Search("TrainingProviders", "Name", "Code")
            .Search("EducationBases", "Name");
    }
}
