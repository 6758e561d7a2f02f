using FluentValidation;
using FluentValidation.Results;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Contracts;
using KnowledgeRenewal.Supervision.Domain.Filings;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Filings;

/// <summary>
/// A base's staff file the year's plan execution and next year's plan for their own base. The first submission is
/// late when made after the due date (China time). A returned filing is corrected and submitted again with the
/// entity tag read (If-Match; 428/412); a filing waiting or accepted cannot be submitted again (409).
/// </summary>
/// <param name="Year">The year reported on.</param>
/// <param name="IfMatch">The <c>If-Match</c> header (when resubmitting).</param>
/// <param name="Input">The content.</param>
/// <param name="Attachment">A file to attach (optional; replaces the one before; see <see cref="AttachFilingFile"/>).</param>
internal sealed record SubmitFiling(int Year, string? IfMatch, FilingInput Input, Inspections.EvidenceUpload? Attachment = null) : IRequest<(Versioned<FilingView> Filing, bool Created)>
{
    /// <inheritdoc />
    public override string ToString() => nameof(SubmitFiling);
}

/// <summary>Checks the content (<see cref="FilingRules.Validate"/>) and the year.</summary>
internal sealed class SubmitFilingValidator : AbstractValidator<SubmitFiling>
{
    /// <summary>Creates the validator.</summary>
    public SubmitFilingValidator()
    {
        RuleFor(s => s.Year).InclusiveBetween(2000, 2100).OverridePropertyName("year").WithErrorCode("out_of_range").WithMessage("年度应在 2000 至 2100 之间。");
        RuleFor(s => s.Input).NotNull().WithErrorCode("required").WithMessage("请填写报送内容。");
        RuleFor(s => s).Custom((s, context) =>
        {
            if (s.Input is null)
            {
                return;
            }

            foreach (var error in FilingRules.Validate(s.Input))
            {
                context.AddFailure(new ValidationFailure(error.Field, error.Message) { ErrorCode = error.Code });
            }
        });
    }
}

/// <summary>Handles <see cref="SubmitFiling"/>.</summary>
internal sealed class SubmitFilingHandler(PlatformDbContext db, FilingDesk desk, ICurrentAccess access, IAuditActorProvider actors)
    : IRequestHandler<SubmitFiling, (Versioned<FilingView> Filing, bool Created)>
{
    /// <inheritdoc />
    public async Task<(Versioned<FilingView> Filing, bool Created)> Handle(SubmitFiling request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!access.Roles.Any(FilingRules.Filers.Contains))
        {
            throw new PlatformException("supervision.filing_not_a_base", 403, "只有继续教育基地可以报送", "年度报送由继续教育基地的工作人员填写。");
        }

        var home = await desk.CallerBaseAsync(access.OrganizationId, cancellationToken).ConfigureAwait(false);
        var input = request.Input;
        var now = desk.Now;
        var today = desk.Today;
        var by = actors.Current.Name;
        var filing = await db.BaseFilings.FirstOrDefaultAsync(f => f.BaseId == home.Id && f.Year == request.Year, cancellationToken).ConfigureAwait(false);
        var created = filing is null;
        if (filing is null)
        {
            filing = new BaseFiling
            {
                BaseId = home.Id,
                OrganizationId = home.OrganizationId,
                RegionCode = home.Organization?.RegionCode,
                Year = request.Year,
                Execution = "",
                PlannedSubjects = "",
                FirstSubmittedAt = now,
                FirstSubmittedOn = today,
                Late = FilingCalendar.IsLate(desk.Options, request.Year, today),
            };
            db.BaseFilings.Add(filing);
        }
        else if (!FilingRules.MayResubmit(filing.Status))
        {
            throw new PlatformException("supervision.filing_already_submitted", 409, "本年度已经报送",
                filing.Status == BaseFilingStatus.Accepted ? "市项目办已接收本年度的报送。" : "本年度的报送正在等待市项目办审核；退回后可以修改再报。");
        }
        else
        {
            db.Entry(filing).Property(f => f.ConcurrencyStamp).OriginalValue = Preconditions.Require(request.IfMatch, filing.ConcurrencyStamp);
            filing.ConcurrencyStamp = Guid.NewGuid();
        }

        filing.Status = BaseFilingStatus.Submitted;
        filing.Execution = input.Execution!.Trim();
        filing.ClassesHeld = input.ClassesHeld!.Value;
        filing.PeopleTrained = input.PeopleTrained!.Value;
        filing.PlannedClasses = input.PlannedClasses!.Value;
        filing.PlannedSubjects = input.PlannedSubjects!.Trim();
        filing.TargetTrainees = input.TargetTrainees!.Value;
        filing.BudgetFen = input.BudgetFen!.Value;
        filing.SubmittedAt = now;
        filing.SubmittedByName = by;
        filing.ReturnReason = null;
        if (request.Attachment is { } attachment)
        {
            await desk.AttachAsync(filing, attachment, by, cancellationToken).ConfigureAwait(false);
        }

        db.BaseFilingEvents.Add(new BaseFilingEvent { FilingId = filing.Id, Action = created ? BaseFilingAction.Submitted : BaseFilingAction.Resubmitted, At = now, ByName = by });
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
            // Two of the base's staff submitted at once: the unique base and year lets one win.
            throw new PlatformException("supervision.filing_already_submitted", 409, "本年度已经报送", "本基地的同事刚刚报送了本年度的报送。");
        }

        return (await desk.ViewAsync(filing.Id, cancellationToken).ConfigureAwait(false), created);
    }
}
