using FluentValidation;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Registry.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
namespace KnowledgeRenewal.Registry.UseCases;

/// <summary>
/// A page of professionals within the caller's scope (the data layer's filter decides what is visible at all),
/// filtered by region, sector, employer, title level, status, part of the name, or the exact resident ID number —
/// looked up by its keyed hash, never compared in plaintext, and only through the gate of every exact look-up
/// (<see cref="IdNumberLookups"/>: entitled callers or one's own number, a purpose, a limit per account, audited).
/// </summary>
/// <param name="RegionCode">Only this region.</param>
/// <param name="DepartmentCode">Only this sector.</param>
/// <param name="EmployerId">Only this employer's staff.</param>
/// <param name="TitleLevel">Only this title level (初级、中级、副高级、正高级、未评定, or the English name).</param>
/// <param name="Status">Only this status (在职、退休、离职, or the English name).</param>
/// <param name="Name">Part of the name.</param>
/// <param name="IdNumber">Exactly this resident ID number (entitled callers only, with <paramref name="Purpose"/>).</param>
/// <param name="Page">Page number (from 1).</param>
/// <param name="PageSize">Rows per page (1–100).</param>
/// <param name="Purpose">Why the caller looks a number up (required with <paramref name="IdNumber"/>; audited).</param>
public sealed record ListProfessionals(
    string? RegionCode,
    string? DepartmentCode,
    Guid? EmployerId,
    string? TitleLevel,
    string? Status,
    string? Name,
    string? IdNumber,
    int Page = 1,
    int PageSize = 20,
    string? Purpose = null) : IRequest<ProfessionalPage>
{
    /// <inheritdoc />
    public override string ToString() => nameof(ListProfessionals); // never the ID number in logs
}

/// <summary>Checks paging and filters.</summary>
public sealed class ListProfessionalsValidator : AbstractValidator<ListProfessionals>
{
    /// <summary>Largest page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Creates the validator.</summary>
    public ListProfessionalsValidator(TimeProvider clock)
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithErrorCode("out_of_range").WithMessage("页码（page）应从 1 开始。");
        RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize).WithErrorCode("out_of_range").WithMessage($"每页条数（pageSize）应在 1 至 {MaxPageSize} 之间。");
        RuleFor(q => q.Name).MaximumLength(ProfessionalRules.MaxNameLength).WithErrorCode("too_long").WithMessage($"姓名（name）不能超过 {ProfessionalRules.MaxNameLength} 个字符。");
        RuleFor(q => q.TitleLevel).Must(t => RegistryLabels.TryParse(RegistryLabels.TitleLevels, t, out _)).When(q => !string.IsNullOrWhiteSpace(q.TitleLevel))
            .WithErrorCode("title_level.invalid").WithMessage("职称级别（titleLevel）无效，应为 初级、中级、副高级、正高级 或 未评定。");
        RuleFor(q => q.Status).Must(s => RegistryLabels.TryParse(RegistryLabels.Statuses, s, out _)).When(q => !string.IsNullOrWhiteSpace(q.Status))
            .WithErrorCode("status.invalid").WithMessage("人员状态（status）无效，应为 在职、退休 或 离职。");
        RuleFor(q => q.IdNumber).Custom((text, context) =>
        {
            if (!string.IsNullOrWhiteSpace(text) && !ResidentIdNumber.TryParse(text, ProgramCalendar.Today(clock), out _, out var error))
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure("IdNumber", ProfessionalRules.IdNumberMessage(error!)) { ErrorCode = error });
            }
        });
    }
}

/// <summary>Handles <see cref="ListProfessionals"/>: filters, counts and pages in the database.</summary>
public sealed class ListProfessionalsHandler(PlatformDbContext db, IdNumberLookups idNumbers, TimeProvider clock) : IRequestHandler<ListProfessionals, ProfessionalPage>
{
    /// <inheritdoc />
    public async Task<ProfessionalPage> Handle(ListProfessionals request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = db.Professionals.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.RegionCode))
        {
            var region = request.RegionCode.Trim();
            query = query.Where(p => p.RegionCode == region);
        }

        if (!string.IsNullOrWhiteSpace(request.DepartmentCode))
        {
            var department = request.DepartmentCode.Trim();
            query = query.Where(p => p.DepartmentCode == department);
        }

        if (request.EmployerId is { } employer)
        {
            query = query.Where(p => p.EmployerId == employer);
        }

        if (!string.IsNullOrWhiteSpace(request.TitleLevel) && RegistryLabels.TryParse(RegistryLabels.TitleLevels, request.TitleLevel, out var level))
        {
            query = query.Where(p => p.TitleLevel == level);
        }

        if (!string.IsNullOrWhiteSpace(request.Status) && RegistryLabels.TryParse(RegistryLabels.Statuses, request.Status, out var status))
        {
            query = query.Where(p => p.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(request.Name))
        {
            var name = request.Name.Trim();
            query = query.Where(p => p.Name.Contains(name));
        }

        IdNumberLookup? lookup = null;
        if (!string.IsNullOrWhiteSpace(request.IdNumber) && ResidentIdNumber.TryParse(request.IdNumber, ProgramCalendar.Today(clock), out var idNumber, out _))
        {
            // Refused (403/400/429, audited) unless the caller is entitled or it is their own number.
            lookup = await idNumbers.BeginAsync(idNumber, request.Purpose, cancellationToken).ConfigureAwait(false);
            var hash = lookup.Hash;
            query = query.Where(p => p.IdNumberHash == hash);
        }

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = query.OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize);
        var items = await ProfessionalViews.Project(db, page).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (lookup is not null)
        {
            // Audited before the answer leaves: if the record cannot be written, nothing is shown.
            await idNumbers.CompleteAsync(lookup, total, total == 1 && items.Count == 1 ? items[0].Id : null, cancellationToken).ConfigureAwait(false);
        }

        return new ProfessionalPage(request.Page, request.PageSize, total, items);
    }
}

/// <summary>One professional within the caller's scope (404 otherwise), with its entity tag.</summary>
/// <param name="Id">Id.</param>
public sealed record GetProfessional(Guid Id) : IRequest<Versioned<ProfessionalView>>;

/// <summary>Handles <see cref="GetProfessional"/>.</summary>
public sealed class GetProfessionalHandler(PlatformDbContext db) : IRequestHandler<GetProfessional, Versioned<ProfessionalView>>
{
    /// <inheritdoc />
    public Task<Versioned<ProfessionalView>> Handle(GetProfessional request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ProfessionalViews.GetAsync(db, request.Id, cancellationToken);
    }
}

/// <summary>A professional's employment history, oldest first (404 when the caller may not see the professional).</summary>
/// <param name="Id">The professional.</param>
public sealed record ListEmployments(Guid Id) : IRequest<IReadOnlyList<EmploymentView>>;

/// <summary>Handles <see cref="ListEmployments"/>.</summary>
public sealed class ListEmploymentsHandler(PlatformDbContext db) : IRequestHandler<ListEmployments, IReadOnlyList<EmploymentView>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<EmploymentView>> Handle(ListEmployments request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.Professionals.AnyAsync(p => p.Id == request.Id, cancellationToken).ConfigureAwait(false))
        {
            throw Professional.NotFound(request.Id);
        }

        var employments = db.Employments.AsNoTracking().Where(e => e.ProfessionalId == request.Id).OrderBy(e => e.StartedOn).ThenBy(e => e.RecordedAt);
        return await ProfessionalViews.ProjectEmployments(db, employments).ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
