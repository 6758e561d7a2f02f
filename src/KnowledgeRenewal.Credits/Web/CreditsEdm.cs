using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Web;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Credits.Web;

/// <summary>
/// The credit-hour sets: CreditRecords, Compliance and Certificates (metadata only). Hours are the decimal
/// columns the database computes from the exact hundredths, so filters, ordering and <c>$apply</c> sums are exact
/// on every provider. No navigation to the person (join on ProfessionalId with /odata/Professionals where the
/// caller may read people): a credits-only client sees records of people it may not see. Compliance navigates to its
/// <c>Employer</c> (read under the employer's scope) so figures split by ownership. Account links,
/// concurrency stamps, and a certificate's verification code, snapshot and signed credential are left out.
/// </summary>
internal sealed class CreditsEdm : IEdmModelPart
{
    /// <inheritdoc />
    public int Order => 40;

    /// <inheritdoc />
    public void Build(ODataConventionModelBuilder builder)
    {
        var record = builder.EntitySet<CreditRecord>("CreditRecords").EntityType;
        record.HasKey(r => r.Id);
        record.Ignore(r => r.Hours);
        record.Ignore(r => r.Professional);
        record.Ignore(r => r.RecordedByUserId);
        record.Ignore(r => r.ReviewedByUserId);
        record.Ignore(r => r.RevokedByUserId);
        record.Ignore(r => r.ConcurrencyStamp);
        record.Ignore(r => r.Counts);
        record.Property(r => r.HoursDecimal).Name = "Hours";

        // State changes go through the record's methods (private setters): the convention builder skips those.
        builder.EnumType<CreditRecordStatus>();
        record.EnumProperty(r => r.Status);
        record.Property(r => r.ReviewedByName);
        record.Property(r => r.ReviewedAt);
        record.Property(r => r.ReviewReason);
        record.Property(r => r.RevokedByName);
        record.Property(r => r.RevokedAt);
        record.Property(r => r.RevocationReason);
        record.Property(r => r.CorrectedByRecordId);

        var complianceSet = builder.EntitySet<CycleCompliance>("Compliance");
        var compliance = complianceSet.EntityType;
        compliance.Name = "Compliance";

        // The employer when computed, read under the employer's own scope ($expand=Employer); its ownership is on the row
        // itself (EmployerOwnership), so groupby((EmployerOwnership,Status)) is complete for every caller (ADR 0019).
        complianceSet.HasRequiredBinding(c => c.Employer!, "Employers");
        compliance.HasKey(c => c.Id);
        compliance.Ignore(c => c.Counted);
        compliance.Ignore(c => c.Required);
        compliance.Ignore(c => c.PublicCounted);
        compliance.Ignore(c => c.ProfessionalCounted);
        compliance.Ignore(c => c.Professional);
        compliance.Property(c => c.CountedDecimal).Name = "CountedHours";
        compliance.Property(c => c.RequiredDecimal).Name = "RequiredHours";

        var certificate = builder.EntitySet<CreditCertificate>("Certificates").EntityType;
        certificate.HasKey(c => c.Id);
        certificate.Ignore(c => c.VerificationCode);
        certificate.Ignore(c => c.Snapshot);
        certificate.Ignore(c => c.Credential);
        certificate.Ignore(c => c.RecordsFingerprint);
        certificate.Ignore(c => c.PublicHours);
        certificate.Ignore(c => c.ProfessionalHours);
        certificate.Ignore(c => c.TotalHours);
        certificate.Ignore(c => c.Professional);
        certificate.Ignore(c => c.HolderName);
        certificate.Ignore(c => c.HolderIdMasked);
        certificate.Ignore(c => c.IssuedByName);
    }

    /// <inheritdoc />
    public void Describe(EdmDescriptions descriptions)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        descriptions.Set("CreditRecords", "学时记录").Set("Compliance", "学时达标情况").Set("Certificates", "学时证明")
            .Properties(
                ("CreditRecord.Status", "审核状态"), ("ReviewedByName", "审核人"), ("ReviewedAt", "审核时间"), ("ReviewReason", "审核意见"),
                ("CorrectedByRecordId", "更正后的记录标识"), ("Date", "学习日期"), ("EnteredAmount", "录入数量"), ("EnteredUnit", "录入单位"),
                ("CreditRecord.Title", "学习内容"), ("Source", "来源"), ("DeclarationId", "自主申报标识"), ("DigitalTrainingId", "数字技术工程师培训标识"),
                ("ImportJobId", "导入任务标识"), ("SourceFile", "来源文件"), ("ExternalReference", "外部平台编号"), ("CorrectsRecordId", "被更正的记录标识"),
                ("Flag", "待核查标记"), ("FlagDetail", "待核查说明"), ("EmployerId", "记录时的用人单位标识"),
                ("CountedHours", "已计学时"), ("RequiredHours", "应修学时"), ("CycleStart", "周期起始年度"), ("CycleEnd", "周期结束年度"),
                ("RuleScope", "规则范围"), ("RuleSetTitle", "学时规则"), ("CycleCompliance.Status", "达标状态"), ("Missing", "缺少的学时（说明）"),
                ("EmployerOwnership", "用人单位所有制性质"), ("ComputedAt", "计算时间"),
                ("CreditCertificate.Number", "证明编号"), ("CreditCertificate.Version", "版本"), ("CreditCertificate.Status", "证明状态"),
                ("SupersededById", "替代它的证明标识"), ("EmployerName", "签发时的用人单位"), ("ComplianceText", "达标情况（文字）"))
            .Enum<CreditRecordStatus>(LedgerLabels.Status).Enum<RecordSource>(LedgerLabels.Source).Enum<RecordWarning>(LedgerLabels.Flag)
            .Enum<ComplianceStatus>(ComplianceLabels.Status).Enum<CreditUnit>(ComplianceLabels.Unit).Enum<CertificateStatus>(CertificateLabels.Status)
            .Search("CreditRecords", "Title", "SubjectName")
            .Search("Certificates", "Number")
            .Computed("CycleCompliance.CountedHours", "CycleCompliance.RequiredHours", "CycleCompliance.Status", "CycleCompliance.Missing", "CreditCertificate.Number");
    }
}
