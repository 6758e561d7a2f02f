using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Contracts;
using KnowledgeRenewal.Supervision.Domain.Filings;
using KnowledgeRenewal.Supervision.UseCases.Inspections;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Filings;

/// <summary>
/// A base's staff attach a file to their base's filing (PDF, JPEG or PNG, at most 10 MB; stored like inspection
/// evidence), replacing the one attached before. Possible while the filing waits for the program office or was returned;
/// an accepted filing no longer changes (409 <c>supervision.filing_closed</c>).
/// </summary>
/// <param name="FilingId">The filing.</param>
/// <param name="File">The file.</param>
internal sealed record AttachFilingFile(Guid FilingId, EvidenceUpload? File) : IRequest<Versioned<FilingView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(AttachFilingFile);
}

/// <summary>Needs a file.</summary>
internal sealed class AttachFilingFileValidator : AbstractValidator<AttachFilingFile>
{
    /// <summary>Creates the validator.</summary>
    public AttachFilingFileValidator() =>
        RuleFor(a => a.File).NotNull().OverridePropertyName("attachment").WithErrorCode("required").WithMessage("请选择附件（PDF、JPG 或 PNG，不超过 10 MB）。");
}

/// <summary>Handles <see cref="AttachFilingFile"/>.</summary>
internal sealed class AttachFilingFileHandler(PlatformDbContext db, FilingDesk desk, ICurrentAccess access, IAuditActorProvider actors)
    : IRequestHandler<AttachFilingFile, Versioned<FilingView>>
{
    /// <inheritdoc />
    public async Task<Versioned<FilingView>> Handle(AttachFilingFile request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!access.Roles.Any(FilingRules.Filers.Contains))
        {
            throw new PlatformException("supervision.filing_not_a_base", 403, "只有继续教育基地可以上传附件", "年度报送的附件由继续教育基地的工作人员上传。");
        }

        var home = await desk.CallerBaseAsync(access.OrganizationId, cancellationToken).ConfigureAwait(false);
        var filing = await db.BaseFilings.FirstOrDefaultAsync(f => f.Id == request.FilingId && f.BaseId == home.Id, cancellationToken).ConfigureAwait(false)
            ?? throw FilingDesk.NotFound(request.FilingId);
        await desk.AttachAsync(filing, request.File!, actors.Current.Name, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await desk.ViewAsync(filing.Id, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A filing's attachment to download (whoever sees the filing: the program office, the base, its county).</summary>
/// <param name="FilingId">The filing.</param>
internal sealed record GetFilingAttachment(Guid FilingId) : IRequest<EvidenceFile>;

/// <summary>Handles <see cref="GetFilingAttachment"/>.</summary>
internal sealed class GetFilingAttachmentHandler(PlatformDbContext db) : IRequestHandler<GetFilingAttachment, EvidenceFile>
{
    /// <inheritdoc />
    public async Task<EvidenceFile> Handle(GetFilingAttachment request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await db.BaseFilingAttachments.AsNoTracking().Where(a => a.FilingId == request.FilingId)
            .Select(a => new EvidenceFile(a.FileName, a.ContentType, a.Content)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new PlatformException("supervision.filing_attachment_not_found", 404, "未找到附件", "这份报送没有附件，或您无权查看。");
    }
}
