using KnowledgeRenewal.Programs.Domain;
using MediatR;

namespace KnowledgeRenewal.Programs.Contracts;

/// <summary>
/// Published after a base-construction project (继续教育基地建设项目) was approved — by the program office (municipal)
/// or by recording the upstream approval (provincial, national) — and saved. Supervision handles it: it creates or
/// renews the base's designation. Programs knows nothing of designations.
/// </summary>
/// <param name="ProjectId">The project.</param>
/// <param name="ProjectNumber">Its number.</param>
/// <param name="Level">Its level (the designation's level).</param>
/// <param name="HostOrganizationId">The organization that runs the base (the project's host, else its applicant).</param>
/// <param name="EducationBaseId">The existing base it builds on, if any.</param>
/// <param name="Title">The project's title (the new base's name when there is no base yet).</param>
/// <param name="ReferenceNumber">The upstream decision's reference number (provincial, national).</param>
/// <param name="ApprovedByUserId">Who approved or recorded the outcome.</param>
/// <param name="ApprovedByName">Who approved (user name).</param>
public sealed record BaseConstructionApproved(
    Guid ProjectId,
    string ProjectNumber,
    ProjectLevel Level,
    Guid HostOrganizationId,
    Guid? EducationBaseId,
    string Title,
    string? ReferenceNumber,
    Guid? ApprovedByUserId,
    string ApprovedByName) : INotification;
