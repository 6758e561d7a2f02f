using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Programs.Domain;

/// <summary>
/// Who recommends a project (推荐单位) — checked on every application and every change of a draft: an active county
/// bureau of the project's region, or the active line department of its sector, and never the applicant itself.
/// </summary>
public static class ProjectRecommenders
{
    /// <summary>
    /// Why <paramref name="recommender"/> (the organization the application names, looked up by id — null when no such
    /// organization exists) cannot recommend <paramref name="applicant"/>'s project of <paramref name="regionCode"/>
    /// and <paramref name="departmentCode"/>; null when it can. Field <c>recommenderOrganizationId</c>, code
    /// <see cref="ProjectProblemCodes.InvalidRecommender"/>.
    /// </summary>
    public static FieldError? Check(Organization applicant, Organization? recommender, string regionCode, string? departmentCode)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        var fits = recommender is { IsActive: true }
            && ((recommender.Type == OrganizationType.CountyBureau && recommender.RegionCode == regionCode)
                || (recommender.Type == OrganizationType.LineDepartment && departmentCode is not null && recommender.DepartmentCode == departmentCode));
        if (!fits)
        {
            return new FieldError("recommenderOrganizationId", ProjectProblemCodes.InvalidRecommender,
                "推荐单位（recommenderOrganizationId）应为项目所在县（市、区）人社部门或所属行业主管部门。");
        }

        return recommender!.Id == applicant.Id
            ? new FieldError("recommenderOrganizationId", ProjectProblemCodes.InvalidRecommender,
                "推荐单位（recommenderOrganizationId）不能是申报单位本身，请选择项目所在县（市、区）人社部门或其他主管部门。")
            : null;
    }
}
