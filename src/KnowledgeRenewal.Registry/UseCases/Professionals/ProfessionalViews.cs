using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.UseCases.Professionals;

/// <summary>
/// A professional as the registry shows them: the ID number and phone masked (never the ciphertext or the look-up
/// hash), the birth year only (the masked ID number with the full birth date would give the number away), the
/// current employer when the caller may see it.
/// </summary>
/// <param name="Id">Id.</param>
/// <param name="Name">姓名.</param>
/// <param name="Gender">性别 (from the ID number).</param>
/// <param name="BirthYear">出生年份 (from the ID number).</param>
/// <param name="IdNumberMasked">身份证号 masked, e.g. <c>3708**********123X</c>.</param>
/// <param name="PhoneMasked">手机号码 masked, e.g. <c>138****5678</c>.</param>
/// <param name="EmployerId">Current employer.</param>
/// <param name="EmployerName">Its name, when the caller may see the employer.</param>
/// <param name="EmployerCreditCode">Its unified social credit code, when the caller may see the employer.</param>
/// <param name="RegionCode">所属区域.</param>
/// <param name="DepartmentCode">所属行业.</param>
/// <param name="TitleSeries">职称系列.</param>
/// <param name="TitleLevel">职称级别.</param>
/// <param name="Specialty">专业.</param>
/// <param name="Education">最高学历.</param>
/// <param name="Status">人员状态.</param>
/// <param name="HasAccount">Whether the person has their own account.</param>
/// <param name="CreatedAt">Registered (UTC).</param>
/// <param name="UpdatedAt">Last changed (UTC).</param>
internal sealed record ProfessionalView(
    Guid Id,
    string Name,
    Gender Gender,
    int BirthYear,
    string IdNumberMasked,
    string? PhoneMasked,
    Guid EmployerId,
    string? EmployerName,
    string? EmployerCreditCode,
    string RegionCode,
    string DepartmentCode,
    string? TitleSeries,
    TitleLevel TitleLevel,
    string? Specialty,
    EducationLevel Education,
    ProfessionalStatus Status,
    bool HasAccount,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>One period of employment.</summary>
/// <param name="Id">Id.</param>
/// <param name="EmployerId">The employer.</param>
/// <param name="EmployerName">Its name, when the caller may see the employer.</param>
/// <param name="EmployerCreditCode">Its credit code, when the caller may see the employer.</param>
/// <param name="StartedOn">First day.</param>
/// <param name="EndedOn">Last day; null while current.</param>
/// <param name="IsCurrent">Whether it is the current employment.</param>
/// <param name="RecordedAt">When it was recorded (UTC).</param>
internal sealed record EmploymentView(Guid Id, Guid EmployerId, string? EmployerName, string? EmployerCreditCode, DateOnly StartedOn, DateOnly? EndedOn, bool IsCurrent, DateTime RecordedAt);

/// <summary>Reads professional views within the caller's scope (the data layer's filter applies to every part).</summary>
internal static class ProfessionalViews
{
    // The employer is read through a correlated subquery, not the required navigation: an employer the caller may
    // not see (e.g. an integrator without the organizations feed) leaves its name empty instead of hiding the row.
    /// <summary>The views of <paramref name="professionals"/>, projected in the database.</summary>
    public static IQueryable<ProfessionalView> Project(PlatformDbContext db, IQueryable<Professional> professionals) =>
        professionals.Select(p => new ProfessionalView(
            p.Id,
            p.Name,
            p.Gender,
            p.BirthDate.Year,
            p.IdNumberMasked,
            p.PhoneMasked,
            p.EmployerId,
            db.Set<Employer>().Where(e => e.Id == p.EmployerId).Select(e => e.Name).FirstOrDefault(),
            db.Set<Employer>().Where(e => e.Id == p.EmployerId).Select(e => e.Code).FirstOrDefault(),
            p.RegionCode,
            p.DepartmentCode,
            p.TitleSeries,
            p.TitleLevel,
            p.Specialty,
            p.Education,
            p.Status,
            p.UserId != null,
            p.CreatedAt,
            p.UpdatedAt));

    /// <summary>One visible professional and its stamp; 404 when the caller may not see it.</summary>
    public static async Task<Versioned<ProfessionalView>> GetAsync(PlatformDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var stamp = await db.Professionals.AsNoTracking().Where(p => p.Id == id).Select(p => (Guid?)p.ConcurrencyStamp)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw Professional.NotFound(id);
        var view = await Project(db, db.Professionals.AsNoTracking().Where(p => p.Id == id)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw Professional.NotFound(id);
        return new Versioned<ProfessionalView>(view, stamp);
    }

    /// <summary>The views of <paramref name="employments"/>, projected in the database (the employer as above).</summary>
    public static IQueryable<EmploymentView> ProjectEmployments(PlatformDbContext db, IQueryable<Employment> employments) =>
        employments.Select(e => new EmploymentView(
            e.Id,
            e.EmployerId,
            db.Set<Employer>().Where(o => o.Id == e.EmployerId).Select(o => o.Name).FirstOrDefault(),
            db.Set<Employer>().Where(o => o.Id == e.EmployerId).Select(o => o.Code).FirstOrDefault(),
            e.StartedOn,
            e.EndedOn,
            e.EndedOn == null,
            e.RecordedAt));
}
