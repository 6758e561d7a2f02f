using System.ComponentModel.DataAnnotations;
using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Registry.UseCases;
using KnowledgeRenewal.Registry.Web;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.UseCases.Certificates;

/// <summary>A page of certificates within the caller's scope, filtered by person, year and status.</summary>
/// <param name="ProfessionalId">Only this person's.</param>
/// <param name="Year">Only this credit year.</param>
/// <param name="Status">Only this status (有效、已被新版本取代、已作废, or Valid, Superseded, Revoked).</param>
/// <param name="Page">Page number (from 1).</param>
/// <param name="PageSize">Rows per page (1–100).</param>
public sealed record ListCertificates(Guid? ProfessionalId, int? Year, string? Status, int Page = 1, int PageSize = 20) : IRequest<CertificatePage>
{
    /// <summary>Parses a status filter (Chinese label or English name).</summary>
    public static bool TryParseStatus(string? text, out CertificateStatus status)
    {
        status = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        foreach (var candidate in Enum.GetValues<CertificateStatus>())
        {
            if (value == CertificateLabels.Status(candidate) || string.Equals(value, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        return false;
    }
}

/// <summary>Checks paging and filters.</summary>
public sealed class ListCertificatesValidator : AbstractValidator<ListCertificates>
{
    /// <summary>Largest page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Creates the validator.</summary>
    public ListCertificatesValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithErrorCode("out_of_range").WithMessage("页码（page）应从 1 开始。");
        RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize).WithErrorCode("out_of_range").WithMessage($"每页条数（pageSize）应在 1 至 {MaxPageSize} 之间。");
        RuleFor(q => q.Year).InclusiveBetween(2000, 9999).When(q => q.Year is not null).WithErrorCode("out_of_range").WithMessage("年度（year）无效。");
        RuleFor(q => q.Status).Must(s => ListCertificates.TryParseStatus(s, out _)).When(q => !string.IsNullOrWhiteSpace(q.Status))
            .WithErrorCode("status.invalid").WithMessage("证明状态（status）无效，应为 有效、已被新版本取代 或 已作废。");
    }
}

/// <summary>Certificates matching the filters: newest year first, then newest version.</summary>
public sealed class CertificatesMatching : Specification<CreditCertificate>
{
    /// <summary>Creates the specification.</summary>
    public CertificatesMatching(Guid? professionalId, int? year, CertificateStatus? status)
    {
        Query.Where(c => c.ProfessionalId == professionalId, professionalId is not null)
            .Where(c => c.Year == year, year is not null)
            .Where(c => c.Status == status, status is not null)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Version).ThenBy(c => c.Number)
            .AsNoTracking();
    }
}

/// <summary>Handles <see cref="ListCertificates"/>: filters, counts and pages in the database.</summary>
public sealed class ListCertificatesHandler(PlatformDbContext db) : IRequestHandler<ListCertificates, CertificatePage>
{
    /// <inheritdoc />
    public async Task<CertificatePage> Handle(ListCertificates request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CertificateStatus? status = ListCertificates.TryParseStatus(request.Status, out var parsed) ? parsed : null;
        var specification = new CertificatesMatching(request.ProfessionalId, request.Year, status);
        var total = await db.CreditCertificates.WithCriteria(specification).CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.CreditCertificates.WithSpecification(specification)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize)
            .Select(c => new
            {
                c.Id, c.Number, c.ProfessionalId, c.HolderName, c.HolderIdMasked, c.Year, c.Version, c.Status,
                c.PublicHours, c.ProfessionalHours, c.TotalHours, c.IssuedAt, c.StatusChangedAt, c.SupersededById,
            })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var items = rows.Select(c => new CertificateSummary(
                c.Id, c.Number, c.ProfessionalId, c.HolderName, c.HolderIdMasked, c.Year, c.Version, c.Status, CertificateLabels.Status(c.Status),
                c.PublicHours.Hours, c.ProfessionalHours.Hours, c.TotalHours.Hours, c.IssuedAt, c.StatusChangedAt, c.SupersededById))
            .ToList();
        return new CertificatePage(request.Page, request.PageSize, total, items);
    }
}

/// <summary>One certificate within the caller's scope (404 otherwise), with its entity tag.</summary>
/// <param name="Id">Id.</param>
public sealed record GetCertificate(Guid Id) : IRequest<Versioned<CertificateView>>;

/// <summary>Handles <see cref="GetCertificate"/>.</summary>
public sealed class GetCertificateHandler(CertificateReader reader) : IRequestHandler<GetCertificate, Versioned<CertificateView>>
{
    /// <inheritdoc />
    public async Task<Versioned<CertificateView>> Handle(GetCertificate request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var certificate = await reader.FindAsync(request.Id, tracked: false, cancellationToken).ConfigureAwait(false);
        return new Versioned<CertificateView>(await reader.ViewAsync(certificate, cancellationToken).ConfigureAwait(false), CertificateStamps.Of(certificate));
    }
}

/// <summary>The signed credential of a certificate within the caller's scope (as signed at issue).</summary>
/// <param name="Id">Id.</param>
public sealed record GetCertificateCredential(Guid Id) : IRequest<CredentialView>;

/// <summary>Handles <see cref="GetCertificateCredential"/>.</summary>
public sealed class GetCertificateCredentialHandler(CertificateReader reader, CredentialKeys keys, CertificateLinks links)
    : IRequestHandler<GetCertificateCredential, CredentialView>
{
    /// <inheritdoc />
    public async Task<CredentialView> Handle(GetCertificateCredential request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var certificate = await reader.FindAsync(request.Id, tracked: false, cancellationToken).ConfigureAwait(false);
        var header = System.Text.Json.Nodes.JsonNode.Parse(Base64Url.Decode(certificate.Credential.Split('.')[0]));
        return new CredentialView(
            CertificateCredentials.MediaType,
            certificate.Credential,
            CertificateCredentials.ReadPayload(certificate.Credential),
            header?["kid"]?.GetValue<string>() ?? keys.KeyId,
            links.KeySet);
    }
}

/// <summary>The PDF of a certificate within the caller's scope.</summary>
/// <param name="Id">Id.</param>
public sealed record RenderCertificatePdf(Guid Id) : IRequest<CertificateFile>;

/// <summary>A rendered file.</summary>
/// <param name="Content">The bytes.</param>
/// <param name="FileName">The download name.</param>
public sealed record CertificateFile(byte[] Content, string FileName);

/// <summary>Handles <see cref="RenderCertificatePdf"/>.</summary>
public sealed class RenderCertificatePdfHandler(CertificateReader reader, CertificateLinks links) : IRequestHandler<RenderCertificatePdf, CertificateFile>
{
    /// <inheritdoc />
    public async Task<CertificateFile> Handle(RenderCertificatePdf request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var certificate = await reader.FindAsync(request.Id, tracked: false, cancellationToken).ConfigureAwait(false);
        var view = await reader.ViewAsync(certificate, cancellationToken).ConfigureAwait(false);
        var pdf = CertificatePdf.Render(view, links.QrTarget(certificate));
        return new CertificateFile(pdf, $"{certificate.Number}.pdf");
    }
}

/// <summary>
/// Revokes a certificate (program office only): it shows as 已作废 everywhere, also on public verification. Needs the
/// reason and <c>If-Match</c> with the entity tag read (428 without, 412 when it changed meanwhile).
/// </summary>
/// <param name="Id">Id.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Reason">Why, in Chinese.</param>
public sealed record RevokeCertificate(Guid Id, string? IfMatch, [property: DataType(DataType.MultilineText)] string? Reason) : IRequest<Versioned<CertificateView>>;

/// <summary>Checks the reason.</summary>
public sealed class RevokeCertificateValidator : AbstractValidator<RevokeCertificate>
{
    /// <summary>Creates the validator.</summary>
    public RevokeCertificateValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().WithErrorCode("required").WithMessage("作废理由（reason）不能为空。");
        RuleFor(r => r.Reason).MaximumLength(CreditCertificate.ReasonLength).WithErrorCode("too_long").WithMessage($"作废理由（reason）最多 {CreditCertificate.ReasonLength} 个字。");
    }
}

/// <summary>Handles <see cref="RevokeCertificate"/>.</summary>
public sealed class RevokeCertificateHandler(PlatformDbContext db, ICurrentAccess access, CertificateReader reader, TimeProvider clock)
    : IRequestHandler<RevokeCertificate, Versioned<CertificateView>>
{
    /// <inheritdoc />
    public async Task<Versioned<CertificateView>> Handle(RevokeCertificate request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var certificate = await reader.FindAsync(request.Id, tracked: true, cancellationToken).ConfigureAwait(false);
        Preconditions.Require(request.IfMatch, CertificateStamps.Of(certificate));
        var userName = await db.Users.Where(u => u.Id == access.UserId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        certificate.Revoke(request.Reason ?? "", userName ?? "unknown", CertificateSnapshots.Instant(clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Superseded or revoked by someone else between the read and the write.
            throw Preconditions.Stale();
        }

        return new Versioned<CertificateView>(await reader.ViewAsync(certificate, cancellationToken).ConfigureAwait(false), CertificateStamps.Of(certificate));
    }
}
