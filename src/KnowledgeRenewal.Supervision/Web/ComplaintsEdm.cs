using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Supervision.Domain;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Supervision.Web;

/// <summary>
/// <c>Complaints</c> (read-only, scoped): what was complained about, its state, deadline, assignee, finding and public
/// outcome — never the filer's contact (name, phone in any form), the complaint's own text (which may name people)
/// or the investigation's internal account. The concurrency stamp is left out.
/// </summary>
internal sealed class ComplaintsEdm : IEdmModelPart
{
    /// <inheritdoc />
    public int Order => 96;

    /// <inheritdoc />
    public void Build(ODataConventionModelBuilder builder)
    {
        var complaint = builder.EntitySet<Complaint>("Complaints").EntityType;
        complaint.HasKey(c => c.Id);
        complaint.Ignore(c => c.ContactName);
        complaint.Ignore(c => c.ContactPhoneCipher);
        complaint.Ignore(c => c.ContactPhoneMasked);
        complaint.Ignore(c => c.Content);
        complaint.Ignore(c => c.FindingText);
        complaint.Ignore(c => c.AssignmentNote);
        complaint.Ignore(c => c.ConcurrencyStamp);
    }
}
