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
}
