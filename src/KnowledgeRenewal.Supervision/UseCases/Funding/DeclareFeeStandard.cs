using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Funding;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Funding;

/// <summary>
/// A base declares its fee standard for a year and training kind with the cost per trainee by item (以支定收): a
/// training provider's staff whose organization is an active base, for their own base; the program office for any
/// active base (naming it). The fee may not exceed the cost (400 <see cref="FeeProblemCodes.OverCost"/>, the message
/// next to the fee). A returned standard is corrected and declared again with the version read (If-Match; 428/412); a
/// standard waiting or approved cannot be declared again (409).
/// </summary>
/// <param name="IfMatch">The <c>If-Match</c> header (when declaring a returned standard again).</param>
/// <param name="Input">The declaration.</param>
internal sealed record DeclareFeeStandard(string? IfMatch, FeeStandardInput Input) : IRequest<(Versioned<FeeStandardView> Standard, bool Created)>
{
    /// <inheritdoc />
    public override string ToString() => nameof(DeclareFeeStandard);
}

/// <summary>Handles <see cref="DeclareFeeStandard"/>. The data layer audits the change.</summary>
internal sealed class DeclareFeeStandardHandler(PlatformDbContext db, FeeDesk desk, ICurrentAccess access, IAuditActorProvider actors)
    : IRequestHandler<DeclareFeeStandard, (Versioned<FeeStandardView> Standard, bool Created)>
{
    /// <inheritdoc />
    public async Task<(Versioned<FeeStandardView> Standard, bool Created)> Handle(DeclareFeeStandard request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = request.Input ?? new FeeStandardInput();
        var office = FundingAccess.IsOffice(access);
        if (!office && !access.Roles.Contains(PlatformRoles.ProviderStaff))
        {
            throw NotABase();
        }

        if (office && input.BaseId is null)
        {
            throw new RequestValidationException([new FieldError("baseId", "required", "请选择申报收费标准的继续教育基地。")]);
        }

        var home = access.OrganizationId ?? Guid.Empty;
        var baseId = input.BaseId ?? Guid.Empty;
        var educationBase = await db.EducationBases.AsNoTracking().Include(b => b.Organization)
            .FirstOrDefaultAsync(b => b.Status == BaseStatus.Active && (office ? b.Id == baseId : b.OrganizationId == home), cancellationToken).ConfigureAwait(false);
        if (educationBase is null)
        {
            throw office
                ? new RequestValidationException([new FieldError("baseId", "not_found", "所选基地不存在或不是有效的继续教育基地。")])
                : NotABase();
        }

        var errors = FeeRules.Validate(input);
        if (errors.Count > 0)
        {
            throw errors.All(e => e.Code == "fee_over_cost")
                ? new PlatformException(FeeProblemCodes.OverCost, 400, "收费标准高于人均成本", errors[0].Message, errors)
                : new RequestValidationException(errors);
        }

        var now = desk.Now;
        var by = actors.Current.Name;
        var year = input.Year!.Value;
        var kind = input.Kind!.Value;
        var standard = await db.Set<FeeStandard>().FirstOrDefaultAsync(f => f.BaseId == educationBase.Id && f.Year == year && f.Kind == kind, cancellationToken).ConfigureAwait(false);
        var created = standard is null;
        if (standard is null)
        {
            standard = new FeeStandard { BaseId = educationBase.Id, OrganizationId = educationBase.OrganizationId, RegionCode = educationBase.Organization?.RegionCode, BaseName = educationBase.Name, Year = year, Kind = kind };
            db.Add(standard);
        }
        else if (standard.Status != FeeStandardStatus.Returned)
        {
            throw new PlatformException(FeeProblemCodes.Exists, 409, "本年度该类培训已申报收费标准",
                standard.Status == FeeStandardStatus.Approved ? "市项目办已核准本年度该类培训的收费标准。" : "本年度该类培训的收费标准正在等待市项目办审核；退回后可以修改再报。");
        }
        else
        {
            db.Entry(standard).Property(f => f.ConcurrencyStamp).OriginalValue = Preconditions.Require(request.IfMatch, standard.ConcurrencyStamp);
            standard.ConcurrencyStamp = Guid.NewGuid();
        }

        standard.BaseName = educationBase.Name;
        standard.FeeFen = input.FeeFen!.Value;
        standard.TeachingFen = input.TeachingFen!.Value;
        standard.MaterialsFen = input.MaterialsFen!.Value;
        standard.VenueFen = input.VenueFen!.Value;
        standard.AccommodationFen = input.AccommodationFen!.Value;
        standard.OrganizationFen = input.OrganizationFen!.Value;
        standard.OtherFen = input.OtherFen!.Value;
        standard.CostFen = FeeRules.Cost(standard.TeachingFen, standard.MaterialsFen, standard.VenueFen, standard.AccommodationFen, standard.OrganizationFen, standard.OtherFen);
        standard.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        standard.Status = FeeStandardStatus.Submitted;
        standard.ReturnReason = null;
        standard.SubmittedAt = now;
        standard.SubmittedByName = by;
        standard.DecidedAt = null;
        standard.DecidedByName = null;
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Preconditions.Stale();
        }
        catch (DbUpdateException) when (created)
        {
            throw new PlatformException(FeeProblemCodes.Exists, 409, "本年度该类培训已申报收费标准", "同事刚刚申报了本年度该类培训的收费标准。");
        }

        return (new Versioned<FeeStandardView>(FeeDesk.View(standard, access), standard.ConcurrencyStamp), created);
    }

    private static PlatformException NotABase() =>
        new(FeeProblemCodes.NotABase, 403, "您的单位不是有效的继续教育基地", "收费标准由继续教育基地的工作人员申报；您的单位目前没有有效的基地认定。");
}
