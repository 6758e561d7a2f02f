using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Registry.UseCases;
using KnowledgeRenewal.Registry.Web;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.UseCases.Declarations;

/// <summary>
/// A page of declarations within the caller's scope (the data layer's filter decides what is visible at all),
/// filtered by status, credit year, activity type, and "awaiting my review" — the declarations at the step the
/// caller reviews (employer HR: 待单位审核 of their employer; department admin: 待主管部门审核 of their sector; the
/// program office: every 待主管部门审核), never the caller's own.
/// </summary>
/// <param name="Status">Only this status (English name or Chinese label).</param>
/// <param name="Year">Only this credit year.</param>
/// <param name="Activity">Only this activity type (English name or Chinese label).</param>
/// <param name="AwaitingMe">Only those awaiting the caller's review.</param>
/// <param name="Page">Page number (from 1).</param>
/// <param name="PageSize">Rows per page (1–100).</param>
public sealed record ListDeclarations(string? Status, int? Year, string? Activity, bool AwaitingMe, int Page = 1, int PageSize = 20) : IRequest<DeclarationPage>;

/// <summary>Checks paging and filters.</summary>
public sealed class ListDeclarationsValidator : AbstractValidator<ListDeclarations>
{
    /// <summary>Largest page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Creates the validator.</summary>
    public ListDeclarationsValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithErrorCode("out_of_range").WithMessage("页码（page）应从 1 开始。");
        RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize).WithErrorCode("out_of_range").WithMessage($"每页条数（pageSize）应在 1 至 {MaxPageSize} 之间。");
        RuleFor(q => q.Year).InclusiveBetween(2000, 2100).When(q => q.Year is not null).WithErrorCode("out_of_range").WithMessage("学时年度（year）应在 2000 至 2100 之间。");
        RuleFor(q => q.Status).Must(s => DeclarationLabels.TryParseStatus(s, out _)).When(q => !string.IsNullOrWhiteSpace(q.Status))
            .WithErrorCode("invalid_value").WithMessage("申报状态（status）无效，应为以下之一：" + DeclarationLabels.Choices<DeclarationStatus>(DeclarationLabels.Status) + "。");
        RuleFor(q => q.Activity).Must(a => DeclarationLabels.TryParseActivity(a, out _)).When(q => !string.IsNullOrWhiteSpace(q.Activity))
            .WithErrorCode("invalid_value").WithMessage("活动类型（activity）无效，应为以下之一：" + DeclarationLabels.Choices<ActivityType>(ComplianceLabels.Activity) + "。");
    }
}

/// <summary>Who reviews what, for "awaiting my review".</summary>
/// <param name="EmployerIds">Employers whose HR the caller is.</param>
/// <param name="DepartmentCodes">Sectors the caller administers.</param>
/// <param name="AllDepartments">Whether the caller is the program office (reviews every sector's second step).</param>
/// <param name="OwnProfessionalIds">The caller's own professional records (never awaiting their own review).</param>
public sealed record ReviewerDesk(IReadOnlyList<Guid> EmployerIds, IReadOnlyList<string> DepartmentCodes, bool AllDepartments, IReadOnlyList<Guid> OwnProfessionalIds);

/// <summary>Declarations matching the filters, newest first.</summary>
public sealed class DeclarationsMatching : Specification<ActivityDeclaration>
{
    /// <summary>Creates the specification; <paramref name="desk"/> restricts it to what awaits that reviewer.</summary>
    public DeclarationsMatching(DeclarationStatus? status, int? year, ActivityType? activity, ReviewerDesk? desk)
    {
        var firstDay = new DateOnly(year ?? 2000, 1, 1);
        var lastDay = new DateOnly(year ?? 2000, 12, 31);
        Query.Where(d => d.Status == status, status is not null)
            .Where(d => d.EndDate >= firstDay && d.EndDate <= lastDay, year is not null)
            .Where(d => d.Activity == activity, activity is not null)
            .AsNoTracking();
        if (desk is not null)
        {
            var employers = desk.EmployerIds.ToArray();
            var departments = desk.DepartmentCodes.ToArray();
            var all = desk.AllDepartments;
            var own = desk.OwnProfessionalIds.ToArray();
            Query.Where(d => !own.Contains(d.ProfessionalId)
                && ((d.Status == DeclarationStatus.AwaitingEmployer && employers.Contains(d.EmployerId))
                    || (d.Status == DeclarationStatus.AwaitingDepartment && (all || departments.Contains(d.DepartmentCode)))));
        }

        Query.OrderByDescending(d => d.SubmittedAt).ThenBy(d => d.Id);
    }
}

/// <summary>Handles <see cref="ListDeclarations"/>: filters, counts and pages in the database.</summary>
public sealed class ListDeclarationsHandler(PlatformDbContext db, ICurrentAccess access) : IRequestHandler<ListDeclarations, DeclarationPage>
{
    /// <inheritdoc />
    public async Task<DeclarationPage> Handle(ListDeclarations request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        DeclarationStatus? status = DeclarationLabels.TryParseStatus(request.Status, out var s) ? s : null;
        ActivityType? activity = DeclarationLabels.TryParseActivity(request.Activity, out var a) ? a : null;
        var desk = request.AwaitingMe ? await DeskAsync(cancellationToken).ConfigureAwait(false) : null;
        var specification = new DeclarationsMatching(status, request.Year, activity, desk);

        var total = await db.ActivityDeclarations.WithCriteria(specification).CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.ActivityDeclarations.WithSpecification(specification)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize)
            .Select(d => new
            {
                d.Id, d.Status, d.Activity, d.Title, d.EndDate, d.Hours, d.ProfessionalId, d.EmployerId, d.DepartmentCode, d.RegionCode, d.SubmittedAt,
            })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var people = await DeclarationViews.ProfessionalNamesAsync(db, [.. rows.Select(r => r.ProfessionalId).Distinct()], cancellationToken).ConfigureAwait(false);
        var employers = await DeclarationViews.EmployerNamesAsync(db, [.. rows.Select(r => r.EmployerId).Distinct()], cancellationToken).ConfigureAwait(false);
        var items = rows.Select(r => new DeclarationSummary(
            r.Id, r.Status, DeclarationLabels.Status(r.Status), r.Activity, ComplianceLabels.Activity(r.Activity), r.Title, r.EndDate, r.EndDate.Year,
            r.Hours.Hours, r.ProfessionalId, people.GetValueOrDefault(r.ProfessionalId), r.EmployerId, employers.GetValueOrDefault(r.EmployerId),
            r.DepartmentCode, r.RegionCode, r.SubmittedAt)).ToList();
        return new DeclarationPage(request.Page, request.PageSize, total, items);
    }

    private async Task<ReviewerDesk> DeskAsync(CancellationToken cancellationToken)
    {
        var roles = access.Roles;
        var userId = access.UserId;
        var own = userId is null
            ? []
            : await db.Professionals.AsNoTracking().Where(p => p.UserId == userId).Select(p => p.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new ReviewerDesk(
            roles.Contains(PlatformRoles.EmployerHr) ? access.Scope.OrganizationIds : [],
            roles.Contains(PlatformRoles.DepartmentAdmin) ? access.Scope.DepartmentCodes : [],
            roles.Contains(PlatformRoles.ProgramOfficeAdmin),
            own);
    }
}

/// <summary>One declaration within the caller's scope (404 otherwise), with its review trail, record and evidence, and its entity tag.</summary>
/// <param name="Id">The declaration.</param>
public sealed record GetDeclaration(Guid Id) : IRequest<Versioned<DeclarationView>>;

/// <summary>Handles <see cref="GetDeclaration"/>.</summary>
public sealed class GetDeclarationHandler(PlatformDbContext db) : IRequestHandler<GetDeclaration, Versioned<DeclarationView>>
{
    /// <inheritdoc />
    public Task<Versioned<DeclarationView>> Handle(GetDeclaration request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return DeclarationViews.GetAsync(db, request.Id, cancellationToken);
    }
}

/// <summary>An evidence file to download.</summary>
/// <param name="FileName">Its (sanitized) name.</param>
/// <param name="ContentType">PDF, JPEG or PNG.</param>
/// <param name="Content">The bytes.</param>
public sealed record EvidenceDownload(string FileName, string ContentType, byte[] Content);

/// <summary>
/// An evidence file of a declaration: for the person and the declaration's reviewers (404 when the declaration is
/// outside the caller's scope or the file is not its; 403 <c>declaration.evidence_forbidden</c> for others who see it).
/// </summary>
/// <param name="DeclarationId">The declaration.</param>
/// <param name="FileId">The file.</param>
public sealed record GetEvidence(Guid DeclarationId, Guid FileId) : IRequest<EvidenceDownload>;

/// <summary>Handles <see cref="GetEvidence"/>.</summary>
public sealed class GetEvidenceHandler(PlatformDbContext db, DeclarationAccess access) : IRequestHandler<GetEvidence, EvidenceDownload>
{
    /// <inheritdoc />
    public async Task<EvidenceDownload> Handle(GetEvidence request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var declaration = await db.ActivityDeclarations.AsNoTracking().FirstOrDefaultAsync(d => d.Id == request.DeclarationId, cancellationToken).ConfigureAwait(false)
            ?? throw DeclarationViews.NotFound(request.DeclarationId);
        var owner = await db.Professionals.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter])
            .Where(p => p.Id == declaration.ProfessionalId)
            .Select(p => p.UserId)
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        var exists = await db.EvidenceFiles.AnyAsync(e => e.Id == request.FileId && e.DeclarationId == declaration.Id, cancellationToken).ConfigureAwait(false);
        if (!exists)
        {
            throw new NotFoundException("证明材料", request.FileId);
        }

        if (!access.MayReadEvidence(declaration, owner))
        {
            throw new PlatformException(DeclarationProblemCodes.EvidenceForbidden, StatusCodes.Status403Forbidden, "无权查看证明材料",
                "证明材料只有申报人本人及其审核人（所在单位人事管理员、行业主管部门、项目办）可以查看。");
        }

        return await db.EvidenceFiles.AsNoTracking()
            .Where(e => e.Id == request.FileId)
            .Select(e => new EvidenceDownload(e.FileName, e.ContentType, e.Content))
            .FirstAsync(cancellationToken)
            .ConfigureAwait(false);
    }
}
