using KnowledgeRenewal.Sdk;
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

    /// <inheritdoc />
    /// <remarks><c>$search</c> looks in the complaint's lookup code, what it is against and its subject — never the contact.</remarks>
    public void Describe(EdmDescriptions descriptions)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        descriptions.Set("Complaints", "投诉")
            .Properties(
                ("Complaint.Code", "查询码"), ("ObjectKind", "投诉对象类型"), ("ObjectId", "投诉对象标识"), ("ObjectName", "投诉对象名称"),
                ("ObjectRegionCode", "投诉对象所在区县代码"), ("Subject", "投诉事项"), ("FiledAt", "投诉时间"), ("FiledOn", "投诉日期"),
                ("Complaint.Status", "办理状态"), ("DueOn", "办理期限"), ("AssigneeOrganizationId", "承办单位标识"), ("AssigneeName", "承办单位"),
                ("Finding", "调查结论"), ("PublicOutcome", "公开的处理结果"), ("ClosedOn", "办结日期"))
            .Enum<SupervisedObjectKind>(ComplaintLabels.Kind).Enum<ComplaintStatus>(ComplaintLabels.Status).Enum<ComplaintFinding>(ComplaintLabels.Finding)
            .Search("Complaints", "Code", "ObjectName", "Subject")
            .Computed("Complaint.Code");
    }
}
