using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.UseCases.Ledger;

/// <summary>A subject a record may name, with the module it belongs to.</summary>
/// <param name="Code">The subject code.</param>
/// <param name="Name">The subject name.</param>
/// <param name="ModuleKey">The module of the subject's catalog (null: the public catalog).</param>
public sealed record SubjectChoice(string Code, string Name, string? ModuleKey);

/// <summary>
/// Which subjects a person can be credited with: public subjects for the public category; for the professional
/// category, the catalog of the module of the person's department (any module's professional subject when the
/// department has no module of its own). Retired subjects take no new records.
/// </summary>
public sealed class LedgerCatalog(PlatformDbContext db, ModuleRegistry modules)
{
    private Dictionary<string, Subject[]>? byCode;

    /// <summary>The module whose catalog and rules apply to a person of <paramref name="departmentCode"/> (null: the platform's).</summary>
    public string? ModuleFor(string departmentCode) => modules.FindEnabledForDepartment(departmentCode)?.Key;

    /// <summary>Resolves <paramref name="subjectCode"/> for a person of <paramref name="departmentCode"/>; throws a problem naming <paramref name="field"/>.</summary>
    public async Task<SubjectChoice?> ResolveAsync(string? subjectCode, CreditCategory category, string departmentCode, string field, CancellationToken cancellationToken)
    {
        var code = subjectCode?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        return Check(await FindAsync(code, cancellationToken).ConfigureAwait(false), code, category, departmentCode, out var error)
            ?? throw new LedgerException(LedgerProblemCodes.UnknownSubject, 400, error!, [new FieldError(field, "unknown_subject", error!)]);
    }

    /// <summary>Resolves without throwing (imports collect the message per row).</summary>
    public async Task<(SubjectChoice? Choice, string? Error)> TryResolveAsync(string? subjectCode, CreditCategory category, string departmentCode, CancellationToken cancellationToken)
    {
        var code = subjectCode?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            return (null, null);
        }

        var choice = Check(await FindAsync(code, cancellationToken).ConfigureAwait(false), code, category, departmentCode, out var error);
        return (choice, error);
    }

    private async Task<Subject[]> FindAsync(string code, CancellationToken cancellationToken)
    {
        byCode ??= (await db.Subjects.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(s => s.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
        return byCode.GetValueOrDefault(code) ?? [];
    }

    private SubjectChoice? Check(Subject[] candidates, string code, CreditCategory category, string departmentCode, out string? error)
    {
        error = null;
        if (candidates.Length == 0)
        {
            error = $"科目代码“{code}”不存在。";
            return null;
        }

        var module = ModuleFor(departmentCode);
        var subject = category == CreditCategory.Public
            ? candidates.FirstOrDefault(s => s.Category == CreditCategory.Public)
            : candidates.FirstOrDefault(s => s.Category == CreditCategory.Professional && (module is null || s.ModuleKey == module));
        if (subject is null)
        {
            error = category == CreditCategory.Public
                ? $"科目“{code}”不是公需科目。"
                : $"科目“{code}”不属于本人所在行业的专业科目目录。";
            return null;
        }

        if (subject.Status == SubjectStatus.Retired)
        {
            error = $"科目“{subject.Name}”（{code}）已停用，不能再记录学时。";
            return null;
        }

        return new SubjectChoice(subject.Code, subject.Name, subject.ModuleKey);
    }
}
