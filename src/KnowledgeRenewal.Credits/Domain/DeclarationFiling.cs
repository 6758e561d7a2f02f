using System.Security.Cryptography;
using KnowledgeRenewal.Credits.Domain;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>Who declares, as they stand when declaring (their employer reviews first; the record follows the person).</summary>
/// <param name="ProfessionalId">The professional.</param>
/// <param name="EmployerId">Their employer at submission.</param>
/// <param name="RegionCode">Their region at submission.</param>
/// <param name="DepartmentCode">Their line department (sector) at submission.</param>
/// <param name="UserId">Their account, when they have one.</param>
/// <param name="UserName">The name recorded as the record's author.</param>
public sealed record Declarant(Guid ProfessionalId, Guid EmployerId, string RegionCode, string DepartmentCode, Guid? UserId, string? UserName);

/// <summary>
/// Files a self-declared activity: the declaration (awaiting the employer) and its pending credit record, linked both
/// ways — the one place the API and the demo data build them.
/// </summary>
public static class DeclarationFiling
{
    /// <summary>The declaration <paramref name="id"/> of <paramref name="declared"/> with the hours <paramref name="credit"/> grants.</summary>
    public static (ActivityDeclaration Declaration, CreditRecord Record) File(
        Guid id, Declarant declarant, DeclaredActivity declared, DeclarationCredit credit, string? moduleKey, string? subjectCode, string? subjectName, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(declarant);
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(credit);
        var record = new CreditRecord
        {
            ProfessionalId = declarant.ProfessionalId,
            Date = declared.EndDate,
            CreditYear = declared.EndDate.Year,
            Category = credit.Category,
            SubjectCode = subjectCode,
            SubjectName = subjectName,
            ModuleKey = moduleKey,
            Activity = declared.Activity,
            CreditClass = credit.CreditClass,
            Hours = credit.Hours,
            EnteredAmount = credit.EnteredAmount,
            EnteredUnit = credit.EnteredUnit,
            Title = declared.Title,
            Source = RecordSource.SelfDeclared,
            DeclarationId = id,
            RecordedByUserId = declarant.UserId,
            RecordedByName = declarant.UserName,
            RecordedAt = at,
            RegionCode = declarant.RegionCode,
            DepartmentCode = declarant.DepartmentCode,
            EmployerId = declarant.EmployerId,
        };
        var declaration = new ActivityDeclaration
        {
            Id = id,
            ProfessionalId = declarant.ProfessionalId,
            Activity = declared.Activity,
            Title = declared.Title,
            Organizer = declared.Organizer,
            Description = declared.Description,
            StartDate = declared.StartDate,
            EndDate = declared.EndDate,
            Category = credit.Category,
            SubjectCode = subjectCode,
            Items = credit.PerItem ? declared.Items : null,
            ClaimedAmount = credit.PerItem ? null : declared.ClaimedAmount,
            ClaimedUnit = credit.PerItem ? credit.EnteredUnit : declared.ClaimedUnit,
            Hours = credit.Hours,
            ModuleKey = moduleKey,
            CreditClass = credit.CreditClass,
            CreditRecordId = record.Id,
            EmployerId = declarant.EmployerId,
            DepartmentCode = declarant.DepartmentCode,
            RegionCode = declarant.RegionCode,
            SubmittedAt = at,
        };
        return (declaration, record);
    }

    /// <summary>
    /// Attaches an evidence file (PDF, JPEG or PNG judged from its bytes; the name made safe); <paramref name="id"/>
    /// orders the files as they were sent. Returns false, attaching nothing, when the content is of no accepted type.
    /// </summary>
    public static bool TryAttach(ActivityDeclaration declaration, Guid id, string? fileName, byte[] content, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(content);
        if (EvidenceContent.Detect(content) is not { } contentType)
        {
            return false;
        }

        declaration.Evidence.Add(new EvidenceFile
        {
            Id = id,
            DeclarationId = declaration.Id,
            FileName = EvidenceContent.SafeFileName(fileName, contentType),
            ContentType = contentType,
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            UploadedAt = at,
        });
        return true;
    }
}
