using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Catalog;

/// <summary>
/// A page of one subject catalog — the public subjects (<c>public</c>) or an enabled module's professional subjects
/// (its key) — in code order, optionally only those whose code or name contains <paramref name="Search"/>. The same
/// rows as the public <c>/odata/Subjects</c> feed (disabled modules' subjects are hidden by the model's filter).
/// </summary>
/// <param name="Catalog"><c>public</c> or a module key.</param>
/// <param name="Search">Part of a code or a name.</param>
/// <param name="Page">Page number (from 1).</param>
/// <param name="PageSize">Rows per page (1–100).</param>
public sealed record ListSubjects(string Catalog, string? Search = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<Paged<SubjectView>>;

/// <summary>A subject as listed.</summary>
/// <param name="Id">Key <c>{scope}:{code}</c>.</param>
/// <param name="Code">Code within its catalog.</param>
/// <param name="Name">Chinese name.</param>
/// <param name="Category">Public or professional.</param>
/// <param name="CategoryName">公需科目 / 专业科目.</param>
/// <param name="Discipline">Discipline or field.</param>
/// <param name="DefaultCreditHours">Hours a full course usually earns.</param>
/// <param name="Status">Active or retired.</param>
/// <param name="StatusName">在用 / 已停用.</param>
/// <param name="ModuleKey">The declaring module (null for public subjects).</param>
/// <param name="Description">Optional description.</param>
public sealed record SubjectView(
    string Id, string Code, string Name, CreditCategory Category, string CategoryName, string Discipline, decimal DefaultCreditHours,
    SubjectStatus Status, string StatusName, string? ModuleKey, string? Description);

/// <summary>Checks the catalog, the search text and paging.</summary>
public sealed class ListSubjectsValidator : AbstractValidator<ListSubjects>
{
    /// <summary>Longest search text.</summary>
    public const int MaxSearch = 50;

    /// <summary>Creates the validator.</summary>
    public ListSubjectsValidator()
    {
        RuleFor(q => q.Catalog).Must(c => c == Subject.PublicScope || ModuleContract.IsValidKey(c))
            .WithErrorCode("invalid_format").WithMessage("科目目录（catalog）应为 public（公需科目）或模块标识。");
        RuleFor(q => q.Search).MaximumLength(MaxSearch).WithErrorCode("too_long").WithMessage($"搜索内容（search）最多 {MaxSearch} 个字。");
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}

/// <summary>Subjects of one catalog matching a search, in code order.</summary>
internal sealed class SubjectsMatching : Specification<Subject>
{
    /// <summary>Creates the specification.</summary>
    public SubjectsMatching(string catalog, string? search)
    {
        var moduleKey = catalog == Subject.PublicScope ? null : catalog;
        var code = search?.ToUpperInvariant();
        Query.Where(s => s.ModuleKey == moduleKey)
            .Where(s => s.Code.Contains(code!) || s.Name.Contains(search!), search is not null)
            .OrderBy(s => s.Code)
            .AsNoTracking();
    }
}

/// <summary>Handles <see cref="ListSubjects"/>.</summary>
internal sealed class ListSubjectsHandler(PlatformDbContext db) : IRequestHandler<ListSubjects, Paged<SubjectView>>
{
    /// <inheritdoc />
    public async Task<Paged<SubjectView>> Handle(ListSubjects request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var search = string.IsNullOrWhiteSpace(request.Search) ? null : request.Search.Trim();
        var page = await db.Subjects.ToPagedAsync(
            new SubjectsMatching(request.Catalog, search),
            request.Page,
            request.PageSize,
            subjects => subjects.Select(s => new { s.Id, s.Code, s.Name, s.Category, s.Discipline, s.DefaultCreditHours, s.Status, s.ModuleKey, s.Description }),
            cancellationToken).ConfigureAwait(false);
        return new Paged<SubjectView>(page.Page, page.PageSize, page.Total, [.. page.Items.Select(s => new SubjectView(
            s.Id, s.Code, s.Name, s.Category, ComplianceLabels.Category(s.Category), s.Discipline, s.DefaultCreditHours,
            s.Status, SubjectLabels.Status(s.Status), s.ModuleKey, s.Description))]);
    }
}
