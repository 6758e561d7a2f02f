using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Web;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Credits.Web;

/// <summary>
/// Classes (the sessions of projects and providers; hours as the database's exact decimal; no navigation to the
/// provider — join on ProviderId with /odata/TrainingProviders), with credit records leading to their class and
/// the class to its project.
/// </summary>
internal sealed class ClassesEdm : IEdmModelPart
{
    /// <inheritdoc />
    public int Order => 70;

    /// <inheritdoc />
    public void Build(ODataConventionModelBuilder builder)
    {
        var trainingClass = builder.EntitySet<TrainingClass>("Classes").EntityType;
        trainingClass.Name = "Class";
        trainingClass.HasKey(c => c.Id);
        trainingClass.Ignore(c => c.Hours);
        trainingClass.Ignore(c => c.HoursPerDay);
        trainingClass.Ignore(c => c.Provider);
        trainingClass.Ignore(c => c.CreatedByUserId);
        trainingClass.Ignore(c => c.ConcurrencyStamp);
        trainingClass.Property(c => c.HoursDecimal).Name = "Hours";

        // Records → their class → its project, so feeds group trainees by project type, level or field
        // (CreditRecords?$apply=groupby((Class/Project/Type),aggregate(ProfessionalId with countdistinct as Trainees))).
        // Each step is cut by its own scope filter: a class or project the caller may not see is null.
        trainingClass.HasOptional(c => c.Project);
        builder.EntityType<CreditRecord>().HasOptional(r => r.Class);
    }

    /// <inheritdoc />
    public void Describe(EdmDescriptions descriptions)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        descriptions.Set("Classes", "培训班")
            .Properties(("TrainingClass.Title", "培训班名称"), ("TrainingClass.Hours", "每人学时"), ("TrainingClass.Status", "培训班状态"), ("CourseId", "课程标识"), ("TrainingClass.ProjectId", "所属项目标识"))
            .Enum(RosterClassRules.Statuses).Enum(RosterClassRules.Modes).Enum<ActivityType>(ComplianceLabels.Activity)
            .Search("Classes", "Title");
    }
}
