using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Contracts;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.Persistence;

/// <summary>
/// Programs' share of the platform model: projects with their history, reviews and objections, annual plans and
/// their targets, and the digital-technology-engineer pipeline.
/// Projects: the program office and clients granted the credits feed all; a county bureau the projects of its region;
/// a line department those of its sector (the recommending authority is always the county bureau of the project's
/// region or the line department of its sector); a provider or employer the projects it applied for or hosts.
/// Professionals see none through the API (projects in public notice are on the public /notices page). History,
/// reviews and objections follow their project. Annual plans are targets without personal data: the city's plan is read by every reader; a county's or a line
/// department's own plan (ADR 0018) by the program office, clients with the credits feed and that county or department.
/// Digital engineers: the pipeline follows its person like the credit data (current county, sector, employer, the
/// person), and each institution sees its own trainees' steps — the training institution its trainings, their
/// evaluations and certificates; the evaluation institution its evaluations and the level certificates it issued.
/// The institution catalog is a public list (no filter). Subsidy claims: the person's owners and the county they
/// were filed in (it decides them); institutions do not see the money.
/// </summary>
internal sealed class ProgramsModel : IPlatformModelPart
{
    /// <inheritdoc />
    public void Build(PlatformModelBuilder model)
    {
        model.ApplyConfigurationsOf<ProgramsModel>();
        model.ScopeFilter<Project>(
            (db, p) => db.ScopeAll || db.ScopeCreditFeed
                || db.ScopeRegions.Contains(p.RegionCode)
                || (p.DepartmentCode != null && db.ScopeDepartments.Contains(p.DepartmentCode))
                || db.ScopeOrganizations.Contains(p.ApplicantOrganizationId)
                || (p.ProviderId != null && db.ScopeOrganizations.Contains(p.ProviderId.Value)));
        model.ScopeFilter<ProjectTransition>((db, t) => db.Set<Project>().Any(p => p.Id == t.ProjectId));
        model.ScopeFilter<ProjectReview>((db, r) => db.Set<Project>().Any(p => p.Id == r.ProjectId));
        model.ScopeFilter<ProjectObjection>((db, o) => db.Set<Project>().Any(p => p.Id == o.ProjectId));

        model.ScopeFilter<AnnualPlan>(
            (db, p) => p.Scope == PlanScope.City || db.ScopeAll || db.ScopeCreditFeed
                || (p.Scope == PlanScope.Region && db.ScopeRegions.Contains(p.ScopeCode))
                || (p.Scope == PlanScope.Department && db.ScopeDepartments.Contains(p.ScopeCode)));
        model.ScopeFilter<PlanTarget>(
            (db, t) => t.Scope == PlanScope.City || db.ScopeAll || db.ScopeCreditFeed
                || (t.Scope == PlanScope.Region && db.ScopeRegions.Contains(t.ScopeCode))
                || (t.Scope == PlanScope.Department && db.ScopeDepartments.Contains(t.ScopeCode)));

        model.ScopeFilter<DigitalTraining>(
            (db, t) => db.ScopeAll || db.ScopeOrganizations.Contains(t.InstitutionOrganizationId)
                || db.Set<ProfessionalOwner>().Any(o => o.Id == t.ProfessionalId
                    && (db.ScopeRegions.Contains(o.RegionCode) || db.ScopeDepartments.Contains(o.DepartmentCode)
                        || db.ScopeOrganizations.Contains(o.EmployerId) || (o.UserId != null && o.UserId == db.ScopeUser))));
        model.ScopeFilter<DigitalEvaluation>(
            (db, e) => db.ScopeAll || db.ScopeOrganizations.Contains(e.InstitutionOrganizationId) || db.ScopeOrganizations.Contains(e.TrainingOrganizationId)
                || db.Set<ProfessionalOwner>().Any(o => o.Id == e.ProfessionalId
                    && (db.ScopeRegions.Contains(o.RegionCode) || db.ScopeDepartments.Contains(o.DepartmentCode)
                        || db.ScopeOrganizations.Contains(o.EmployerId) || (o.UserId != null && o.UserId == db.ScopeUser))));
        model.ScopeFilter<DigitalCertificate>(
            (db, c) => db.ScopeAll || db.ScopeCreditFeed
                || db.ScopeOrganizations.Contains(c.IssuerOrganizationId) || db.ScopeOrganizations.Contains(c.TrainingOrganizationId)
                || db.Set<ProfessionalOwner>().Any(o => o.Id == c.ProfessionalId
                    && (db.ScopeRegions.Contains(o.RegionCode) || db.ScopeDepartments.Contains(o.DepartmentCode)
                        || db.ScopeOrganizations.Contains(o.EmployerId) || (o.UserId != null && o.UserId == db.ScopeUser))));
        model.ScopeFilter<SubsidyClaim>(
            (db, c) => db.ScopeAll || db.ScopeRegions.Contains(c.RegionCode)
                || db.Set<ProfessionalOwner>().Any(o => o.Id == c.ProfessionalId
                    && (db.ScopeRegions.Contains(o.RegionCode) || db.ScopeDepartments.Contains(o.DepartmentCode)
                        || db.ScopeOrganizations.Contains(o.EmployerId) || (o.UserId != null && o.UserId == db.ScopeUser))));
    }

    /// <inheritdoc />
    public void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        conventions.Properties<DeliveryMode>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<DigitalField>().HaveConversion<string>().HaveMaxLength(32);
        conventions.Properties<DigitalLevel>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<InstitutionKind>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<DigitalCertificateKind>().HaveConversion<string>().HaveMaxLength(24);
        conventions.Properties<TitleLinkage>().HaveConversion<string>().HaveMaxLength(24);
        conventions.Properties<SubsidyClaimStatus>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<ProjectType>().HaveConversion<string>().HaveMaxLength(24);
        conventions.Properties<ProjectLevel>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<ProjectStatus>().HaveConversion<string>().HaveMaxLength(24);
        conventions.Properties<ProjectAction>().HaveConversion<string>().HaveMaxLength(32);
        conventions.Properties<ProjectField>().HaveConversion<string>().HaveMaxLength(24);
        conventions.Properties<ObjectionStatus>().HaveConversion<string>().HaveMaxLength(16);
    }
}
