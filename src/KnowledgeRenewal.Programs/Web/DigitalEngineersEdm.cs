using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Programs.Domain;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Programs.Web;

/// <summary>
/// DigitalCertificates: the holder's name masked, no ID number (it would identify the person to a feed that may
/// not see people), no issuing account and no training or evaluation ids (those records are not in the feeds).
/// Field, level, kind, year, region and sector group with <c>$apply</c>.
/// </summary>
internal sealed class DigitalEngineersEdm : IEdmModelPart
{
    /// <inheritdoc />
    public int Order => 50;

    /// <inheritdoc />
    public void Build(ODataConventionModelBuilder builder)
    {
        var certificate = builder.EntitySet<DigitalCertificate>("DigitalCertificates").EntityType;
        certificate.HasKey(c => c.Id);
        certificate.Ignore(c => c.HolderIdMasked);
        certificate.Ignore(c => c.IssuedByUserId);
        certificate.Ignore(c => c.TrainingId);
        certificate.Ignore(c => c.EvaluationId);
    }

    /// <inheritdoc />
    public void Describe(EdmDescriptions descriptions)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        descriptions.Set("DigitalCertificates", "数字技术工程师证书")
            .Properties(
                ("DigitalCertificate.Kind", "证书类型"), ("DigitalCertificate.Number", "证书编号"), ("HolderNameMasked", "持证人姓名（脱敏）"),
                ("DigitalCertificate.Field", "技术领域"), ("DigitalCertificate.Level", "等级"), ("TitleLinkage", "与职称的衔接"),
                ("IssuerInstitutionId", "发证机构标识"), ("IssuerOrganizationId", "发证机构所属机构标识"), ("TrainingOrganizationId", "培训机构标识"),
                ("IssuedOn", "发证日期"))
            .Enum<DigitalCertificateKind>(DigitalEngineerCatalog.CertificateKindName).Enum<DigitalField>(DigitalEngineerCatalog.FieldName)
            .Enum<DigitalLevel>(DigitalEngineerCatalog.LevelName).Enum<TitleLinkage>(l => DigitalEngineerCatalog.LinkageName(l) ?? "无衔接")
            .Search("DigitalCertificates", "Number")
            .Computed("DigitalCertificate.Number", "DigitalCertificate.TitleLinkage");
    }
}
