using FluentValidation;
using FluentValidation.Results;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.UseCases.PersonalData;
using MediatR;

namespace KnowledgeRenewal.Registry.UseCases.Professionals;

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
/// <param name="Specialty">Part of the specialty.</param>
/// <param name="Sort">Sort key (<see cref="ProfessionalSort"/>: name, title, specialty, updated; name by default).</param>
/// <param name="Descending">Sort descending.</param>
internal sealed record ListProfessionals(
    string? RegionCode,
    string? DepartmentCode,
    Guid? EmployerId,
    string? TitleLevel,
    string? Status,
    string? Name,
    string? IdNumber,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize,
    string? Purpose = null,
    string? Specialty = null,
    string? Sort = null,
    bool Descending = false) : IRequest<Paged<ProfessionalView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(ListProfessionals); // never the ID number in logs
}

/// <summary>Checks paging and filters.</summary>
internal sealed class ListProfessionalsValidator : AbstractValidator<ListProfessionals>
{
    /// <summary>Creates the validator.</summary>
    public ListProfessionalsValidator(TimeProvider clock)
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
        RuleFor(q => q.Name).MaximumLength(ProfessionalRules.MaxNameLength).WithErrorCode("too_long").WithMessage($"姓名（name）最多 {ProfessionalRules.MaxNameLength} 个字符。");
        RuleFor(q => q.Specialty).MaximumLength(ProfessionalRules.MaxSpecialtyLength).WithErrorCode("too_long").WithMessage($"专业（specialty）最多 {ProfessionalRules.MaxSpecialtyLength} 个字符。");
        RuleFor(q => q.Sort).Must(s => ProfessionalSort.All.Contains(s!.Trim().ToLowerInvariant())).When(q => !string.IsNullOrWhiteSpace(q.Sort))
            .WithErrorCode("sort.invalid").WithMessage("排序方式（sort）无效，应为 name、title、specialty 或 updated。");
        RuleFor(q => q.TitleLevel).Must(t => RegistryLabels.TryParse(RegistryLabels.TitleLevels, t, out _)).When(q => !string.IsNullOrWhiteSpace(q.TitleLevel))
            .WithErrorCode("title_level.invalid").WithMessage("职称级别（titleLevel）无效，应为 初级、中级、副高级、正高级 或 未评定。");
        RuleFor(q => q.Status).Must(s => RegistryLabels.TryParse(RegistryLabels.Statuses, s, out _)).When(q => !string.IsNullOrWhiteSpace(q.Status))
            .WithErrorCode("status.invalid").WithMessage("人员状态（status）无效，应为 在职、退休 或 离职。");
        RuleFor(q => q.IdNumber).Custom((text, context) =>
        {
            if (!string.IsNullOrWhiteSpace(text) && !ResidentIdNumber.TryParse(text, ProgramCalendar.Today(clock), out _, out var error))
            {
                context.AddFailure(new ValidationFailure("IdNumber", ProfessionalRules.IdNumberMessage(error!)) { ErrorCode = error });
            }
        });
    }
}

/// <summary>Handles <see cref="ListProfessionals"/>: filters (<see cref="ProfessionalsMatching"/>), counts and pages in the database.</summary>
internal sealed class ListProfessionalsHandler(PlatformDbContext db, IdNumberLookups idNumbers, TimeProvider clock) : IRequestHandler<ListProfessionals, Paged<ProfessionalView>>
{
    /// <inheritdoc />
    public async Task<Paged<ProfessionalView>> Handle(ListProfessionals request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        IdNumberLookup? lookup = null;
        if (!string.IsNullOrWhiteSpace(request.IdNumber) && ResidentIdNumber.TryParse(request.IdNumber, ProgramCalendar.Today(clock), out var idNumber, out _))
        {
            // Refused (403/400/429, audited) unless the caller is entitled or it is their own number.
            lookup = await idNumbers.BeginAsync(idNumber, request.Purpose, cancellationToken).ConfigureAwait(false);
        }

        var specification = new ProfessionalsMatching(
            request.RegionCode,
            request.DepartmentCode,
            request.EmployerId,
            RegistryLabels.TryParse(RegistryLabels.TitleLevels, request.TitleLevel, out var level) ? level : null,
            RegistryLabels.TryParse(RegistryLabels.Statuses, request.Status, out var status) ? status : null,
            request.Name,
            lookup?.Hash,
            request.Specialty,
            request.Sort,
            request.Descending);
        var page = await db.Professionals
            .ToPagedAsync(specification, request.Page, request.PageSize, rows => ProfessionalViews.Project(db, rows), cancellationToken)
            .ConfigureAwait(false);
        if (lookup is not null)
        {
            // Audited before the answer leaves: if the record cannot be written, nothing is shown.
            await idNumbers.CompleteAsync(lookup, page.Total, page.Total == 1 && page.Items.Count == 1 ? page.Items[0].Id : null, cancellationToken).ConfigureAwait(false);
        }

        return page;
    }
}
