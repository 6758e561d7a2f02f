using KnowledgeRenewal.IntegrationTests.Infrastructure;

namespace KnowledgeRenewal.IntegrationTests.Registry;

// The registry's answers as the tests read them (see HttpJson.Answers: strict, camelCase).

/// <summary>A professional as the registry shows them (<c>/api/registry/professionals</c>).</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
/// <param name="Gender">Gender (member name).</param>
/// <param name="BirthYear">Birth year.</param>
/// <param name="IdNumberMasked">The ID number, masked.</param>
/// <param name="PhoneMasked">The mobile number, masked, when known.</param>
/// <param name="EmployerId">Current employer.</param>
/// <param name="EmployerName">Its name, when the caller may see the employer.</param>
/// <param name="RegionCode">County.</param>
/// <param name="DepartmentCode">Sector.</param>
/// <param name="TitleLevel">Title level (member name).</param>
/// <param name="Education">Education (member name).</param>
/// <param name="HasAccount">Whether the person has their own account.</param>
public sealed record ProfessionalAnswer(
    Guid Id,
    string Name,
    string Gender,
    int BirthYear,
    string IdNumberMasked,
    string? PhoneMasked,
    Guid EmployerId,
    string? EmployerName,
    string RegionCode,
    string DepartmentCode,
    string TitleLevel,
    string Education,
    bool HasAccount) : JsonAnswer;

/// <summary>One period of a professional's employment.</summary>
/// <param name="EmployerId">The employer.</param>
/// <param name="StartedOn">First day.</param>
/// <param name="EndedOn">Last day; null while current.</param>
/// <param name="IsCurrent">Whether it is the current employment.</param>
public sealed record EmploymentAnswer(Guid EmployerId, DateOnly StartedOn, DateOnly? EndedOn, bool IsCurrent) : JsonAnswer;

/// <summary>An employer (<c>/api/registry/employers</c>).</summary>
/// <param name="Id">Id.</param>
/// <param name="CreditCode">Unified social credit code.</param>
/// <param name="Name">Name.</param>
/// <param name="Ownership">Ownership (member name).</param>
/// <param name="RegionCode">County.</param>
/// <param name="DepartmentCode">Sector, when it has one.</param>
public sealed record EmployerAnswer(Guid Id, string CreditCode, string Name, string Ownership, string RegionCode, string? DepartmentCode) : JsonAnswer;

/// <summary>A training provider (<c>/api/registry/training-providers</c>).</summary>
/// <param name="Id">Id.</param>
/// <param name="CreditCode">Unified social credit code.</param>
/// <param name="Name">Name.</param>
public sealed record TrainingProviderAnswer(Guid Id, string CreditCode, string Name) : JsonAnswer;

/// <summary>A base designation (<c>/api/registry/education-bases</c>).</summary>
/// <param name="Id">Id.</param>
/// <param name="OrganizationId">The designated provider.</param>
/// <param name="Level">Level (member name).</param>
/// <param name="Status">Status (member name).</param>
public sealed record EducationBaseAnswer(Guid Id, Guid OrganizationId, string Level, string Status) : JsonAnswer;

/// <summary>An OData EducationBases entity with its organization expanded.</summary>
/// <param name="Id">Id.</param>
/// <param name="Organization">The designated provider.</param>
public sealed record EducationBaseEntity(Guid Id, OrganizationEntity Organization) : JsonAnswer;

/// <summary>An OData organization entity (its key).</summary>
/// <param name="Id">Id.</param>
public sealed record OrganizationEntity(Guid Id) : JsonAnswer;

/// <summary>An OData aggregation row of employers by ownership.</summary>
/// <param name="Ownership">Ownership.</param>
/// <param name="Count">Employers.</param>
public sealed record OwnershipGroupEntity(string Ownership, int Count) : JsonAnswer;

/// <summary>An OData aggregation row of professionals by county and title level.</summary>
/// <param name="RegionCode">County.</param>
/// <param name="TitleLevel">Title level.</param>
/// <param name="Count">Professionals.</param>
public sealed record ProfessionalGroupEntity(string RegionCode, string TitleLevel, int Count) : JsonAnswer;

/// <summary>A professional's personal data shown unmasked (<c>…/unmask</c>).</summary>
/// <param name="IdNumber">The ID number.</param>
/// <param name="Phone">The mobile number, when known.</param>
public sealed record UnmaskedAnswer(string IdNumber, string? Phone) : JsonAnswer;
