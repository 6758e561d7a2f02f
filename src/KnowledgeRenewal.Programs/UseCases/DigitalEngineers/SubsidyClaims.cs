using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Registry.UseCases;
using KnowledgeRenewal.Registry.Web;
using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Programs.Demo;
using KnowledgeRenewal.Programs.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>A claim's body.</summary>
/// <param name="CertificateId">The training-qualified certificate.</param>
/// <param name="Note">A note, optional.</param>
public sealed record ClaimBody(Guid? CertificateId, [property: DataType(DataType.MultilineText)] string? Note);

/// <summary>A decision's body.</summary>
/// <param name="Decision"><c>approve</c> (核准) or <c>reject</c> (驳回).</param>
/// <param name="Comment">Comment; the reason, required when rejecting.</param>
public sealed record ClaimDecisionBody(string? Decision, [property: DataType(DataType.MultilineText)] string? Comment);

/// <summary>A payment's body.</summary>
/// <param name="Reference">Payment voucher number or note (required).</param>
public sealed record ClaimPaymentBody(string? Reference);

/// <summary>Files a subsidy claim.</summary>
/// <param name="Body">The claim.</param>
public sealed record FileSubsidyClaim(ClaimBody? Body) : IRequest<Versioned<SubsidyClaimView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(FileSubsidyClaim);
}

/// <summary>Approves or rejects a claim (If-Match).</summary>
/// <param name="Id">The claim.</param>
/// <param name="IfMatch">The If-Match header.</param>
/// <param name="Body">The decision.</param>
public sealed record DecideSubsidyClaim(Guid Id, string? IfMatch, ClaimDecisionBody? Body) : IRequest<Versioned<SubsidyClaimView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(DecideSubsidyClaim);
}

/// <summary>Records the payment of an approved claim (If-Match).</summary>
/// <param name="Id">The claim.</param>
/// <param name="IfMatch">The If-Match header.</param>
/// <param name="Body">The payment.</param>
public sealed record PaySubsidyClaim(Guid Id, string? IfMatch, ClaimPaymentBody? Body) : IRequest<Versioned<SubsidyClaimView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(PaySubsidyClaim);
}

/// <summary>Claims in scope.</summary>
/// <param name="Status">Submitted/Approved/Rejected/Paid.</param>
/// <param name="Page">1-based page.</param>
/// <param name="PageSize">Items per page (≤ 100).</param>
public sealed record ListSubsidyClaims(string? Status, int Page, int PageSize) : IRequest<DigitalPage<SubsidyClaimView>>;

/// <summary>One claim with its ETag.</summary>
/// <param name="Id">The claim.</param>
public sealed record GetSubsidyClaim(Guid Id) : IRequest<Versioned<SubsidyClaimView>>;

/// <summary>Handles subsidy claims.</summary>
public sealed class SubsidyClaimHandlers(PlatformDbContext db, DigitalEngineerAccess access, TimeProvider clock)
    : IRequestHandler<FileSubsidyClaim, Versioned<SubsidyClaimView>>,
      IRequestHandler<DecideSubsidyClaim, Versioned<SubsidyClaimView>>,
      IRequestHandler<PaySubsidyClaim, Versioned<SubsidyClaimView>>,
      IRequestHandler<ListSubsidyClaims, DigitalPage<SubsidyClaimView>>,
      IRequestHandler<GetSubsidyClaim, Versioned<SubsidyClaimView>>
{
    private static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];

    /// <inheritdoc />
    public async Task<Versioned<SubsidyClaimView>> Handle(FileSubsidyClaim request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Body ?? new ClaimBody(null, null);
        var errors = new List<FieldError>();
        if (body.CertificateId is null || body.CertificateId == Guid.Empty)
        {
            errors.Add(new FieldError("certificateId", "required", "培训合格证书（certificateId）不能为空。"));
        }

        var note = Trim(body.Note);
        if (note is { Length: > SubsidyClaim.TextLength })
        {
            errors.Add(new FieldError("note", "too_long", $"申领说明（note）最多 {SubsidyClaim.TextLength} 个字。"));
        }

        DigitalInputs.ThrowIfAny(errors);
        var certificate = await db.DigitalCertificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == body.CertificateId, cancellationToken).ConfigureAwait(false)
            ?? throw DigitalEngineerViews.NotFound("证书", body.CertificateId!.Value);
        var owner = await db.Professionals.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(p => p.Id == certificate.ProfessionalId)
            .Select(p => new { p.UserId, p.RegionCode })
            .FirstAsync(cancellationToken).ConfigureAwait(false);
        if (!access.MayClaimFor(owner.UserId, owner.RegionCode))
        {
            throw DigitalProblem.Forbidden(DigitalEngineerProblemCodes.NotClaimant, "无权申领该补贴", "职业培训补贴由持证人本人、其所在县（市、区）人社部门或项目办申领。");
        }

        var claimed = await db.SubsidyClaims.IgnoreQueryFilters(AccessScope).AnyAsync(c => c.CertificateId == certificate.Id, cancellationToken).ConfigureAwait(false);
        var claim = DigitalEngineerRules.Claim(certificate, claimed, note, access.Actor, clock.GetUtcNow().UtcDateTime);
        db.SubsidyClaims.Add(claim);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Filed by someone else in between: the unique certificate index refuses the second claim.
            db.ChangeTracker.Clear();
            if (await db.SubsidyClaims.IgnoreQueryFilters(AccessScope).AnyAsync(c => c.CertificateId == certificate.Id, cancellationToken).ConfigureAwait(false))
            {
                throw DigitalEngineerRules.ClaimExists(certificate.Number);
            }

            throw;
        }

        return await ViewAsync(claim.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Versioned<SubsidyClaimView>> Handle(DecideSubsidyClaim request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var approve = ReviewDecisions.Parse(request.Body?.Decision);
        var comment = Trim(request.Body?.Comment);
        var errors = new List<FieldError>();
        if (approve is null)
        {
            errors.Add(new FieldError("decision", "invalid_value", "审核结论（decision）应为 approve（核准）或 reject（驳回）。"));
        }
        else if (approve == false && comment is null)
        {
            errors.Add(new FieldError("comment", "required", "驳回时请填写驳回理由（comment）。"));
        }

        if (comment is { Length: > SubsidyClaim.TextLength })
        {
            errors.Add(new FieldError("comment", "too_long", $"审核意见（comment）最多 {SubsidyClaim.TextLength} 个字。"));
        }

        var claim = await FindAsync(request.Id, cancellationToken).ConfigureAwait(false);
        access.RequireApprover(claim);
        var read = Preconditions.Require(request.IfMatch, claim.ConcurrencyStamp);
        DigitalInputs.ThrowIfAny(errors);
        var actor = access.Actor;
        claim.Decide(approve!.Value, actor.UserId, actor.Name, clock.GetUtcNow().UtcDateTime, comment);
        return await SaveAsync(claim, read, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Versioned<SubsidyClaimView>> Handle(PaySubsidyClaim request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reference = Trim(request.Body?.Reference);
        var errors = new List<FieldError>();
        if (reference is null)
        {
            errors.Add(new FieldError("reference", "required", "发放凭证号（reference）不能为空。"));
        }
        else if (reference.Length > SubsidyClaim.TextLength)
        {
            errors.Add(new FieldError("reference", "too_long", $"发放凭证号（reference）最多 {SubsidyClaim.TextLength} 个字。"));
        }

        var claim = await FindAsync(request.Id, cancellationToken).ConfigureAwait(false);
        access.RequireApprover(claim);
        var read = Preconditions.Require(request.IfMatch, claim.ConcurrencyStamp);
        DigitalInputs.ThrowIfAny(errors);
        var actor = access.Actor;
        claim.Pay(actor.UserId, actor.Name, clock.GetUtcNow().UtcDateTime, reference);
        return await SaveAsync(claim, read, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<DigitalPage<SubsidyClaimView>> Handle(ListSubsidyClaims request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = db.SubsidyClaims.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Status))
        {
            if (!Enum.TryParse<SubsidyClaimStatus>(request.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status) || int.TryParse(request.Status, out _))
            {
                throw new RequestValidationException([new FieldError("status", "invalid_value", "申领状态（status）无效，应为 Submitted、Approved、Rejected 或 Paid。")]);
            }

            query = query.Where(c => c.Status == status);
        }

        var (page, size) = DigitalEngineerViews.Paging(request.Page, request.PageSize);
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await query.OrderByDescending(c => c.SubmittedAt).ThenByDescending(c => c.Id).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new(await DigitalEngineerViews.ClaimsAsync(db, rows, cancellationToken).ConfigureAwait(false), total, page, size);
    }

    /// <inheritdoc />
    public Task<Versioned<SubsidyClaimView>> Handle(GetSubsidyClaim request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ViewAsync(request.Id, cancellationToken);
    }

    private async Task<SubsidyClaim> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.SubsidyClaims.FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false)
        ?? throw DigitalEngineerViews.NotFound("补贴申领", id);

    private async Task<Versioned<SubsidyClaimView>> ViewAsync(Guid id, CancellationToken cancellationToken)
    {
        var claim = await db.SubsidyClaims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw DigitalEngineerViews.NotFound("补贴申领", id);
        return new((await DigitalEngineerViews.ClaimsAsync(db, [claim], cancellationToken).ConfigureAwait(false))[0], claim.ConcurrencyStamp);
    }

    // Compare-and-swap on the stamp the client read: of two approvers at once exactly one wins, the other gets 412.
    private async Task<Versioned<SubsidyClaimView>> SaveAsync(SubsidyClaim claim, Guid read, CancellationToken cancellationToken)
    {
        db.Entry(claim).Property(c => c.ConcurrencyStamp).OriginalValue = read;
        claim.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Preconditions.Stale();
        }

        return await ViewAsync(claim.Id, cancellationToken).ConfigureAwait(false);
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
