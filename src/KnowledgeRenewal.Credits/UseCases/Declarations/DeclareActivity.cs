using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Credits.UseCases.CreditRules;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.Credits.UseCases.Declarations;

/// <summary>
/// A professional declares an activity for themself (the account linked to a registry professional), with 1–5
/// evidence files. Creates the declaration (待单位审核) and its pending credit record in one transaction.
/// </summary>
/// <param name="Fields">The fields as sent.</param>
/// <param name="Evidence">The evidence files as sent.</param>
public sealed record DeclareActivity(DeclarationFields Fields, IReadOnlyList<UploadedEvidence> Evidence) : IRequest<Versioned<DeclarationReceipt>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(DeclareActivity); // never the fields or files in logs
}

/// <summary>How the declared hours stand against the activity type's yearly cap (the rule engine applies it).</summary>
/// <param name="CapHours">The yearly cap, in credit hours.</param>
/// <param name="BeforeHours">The person's approved and pending hours of this type in the credit year, before this declaration.</param>
/// <param name="DeclaredHours">This declaration's hours.</param>
/// <param name="AlreadyReached">Whether the cap was reached before this declaration.</param>
/// <param name="Exceeds">Whether this declaration goes beyond the cap.</param>
/// <param name="Message">What it means, in Chinese.</param>
public sealed record YearlyCapStatus(decimal CapHours, decimal BeforeHours, decimal DeclaredHours, bool AlreadyReached, bool Exceeds, string Message);

/// <summary>What a declaration received: the declaration, the rules that computed its hours, the yearly cap and notes.</summary>
/// <param name="Declaration">The declaration as stored.</param>
/// <param name="RuleSetTitle">The rule set in force on the activity's last day.</param>
/// <param name="RuleScope">The rule book: a module key or <c>platform</c>.</param>
/// <param name="YearlyCap">The yearly cap of the activity type, when the rule has one.</param>
/// <param name="Notices">How the hours were computed and what the person should know, in Chinese.</param>
public sealed record DeclarationReceipt(DeclarationView Declaration, string RuleSetTitle, string RuleScope, YearlyCapStatus? YearlyCap, IReadOnlyList<string> Notices);

/// <summary>Checks the fields (<see cref="DeclarationRules"/>) and the evidence files (<see cref="EvidenceContent"/>).</summary>
public sealed class DeclareActivityValidator : AbstractValidator<DeclareActivity>
{
    /// <summary>Creates the validator.</summary>
    public DeclareActivityValidator(TimeProvider clock, IOptions<DeclarationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RuleFor(d => d).Custom((request, context) =>
        {
            var limits = options.Value;
            var (_, errors) = DeclarationRules.Validate(request.Fields ?? new DeclarationFields(), ProgramCalendar.Today(clock), limits.MaxItems);
            foreach (var error in errors.Concat(EvidenceContent.Check(request.Evidence ?? [], limits.MaxEvidenceFiles)))
            {
                context.AddFailure(new ValidationFailure(error.Field, error.Message) { ErrorCode = error.Code });
            }
        });
    }
}

/// <summary>Handles <see cref="DeclareActivity"/>.</summary>
public sealed class DeclareActivityHandler(
    PlatformDbContext db,
    ICurrentAccess access,
    IAuditActorProvider actors,
    CreditRuleBooks ruleBooks,
    LedgerCatalog catalog,
    LedgerChanges ledger,
    IOptions<DeclarationOptions> options,
    TimeProvider clock) : IRequestHandler<DeclareActivity, Versioned<DeclarationReceipt>>
{
    /// <inheritdoc />
    public async Task<Versioned<DeclarationReceipt>> Handle(DeclareActivity request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = ProgramCalendar.Today(clock);
        var (declared, errors) = DeclarationRules.Validate(request.Fields, today, options.Value.MaxItems);
        var evidenceErrors = EvidenceContent.Check(request.Evidence, options.Value.MaxEvidenceFiles);
        if (declared is null || evidenceErrors.Count > 0)
        {
            throw new RequestValidationException([.. errors, .. evidenceErrors]);
        }

        var userId = access.UserId ?? throw NoProfessional();
        var person = await db.Professionals.AsNoTracking()
            .Where(p => p.UserId == userId)
            .Select(p => new { p.Id, p.EmployerId, p.RegionCode, p.DepartmentCode })
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false)
            ?? throw NoProfessional();

        var book = ruleBooks.ForDepartment(person.DepartmentCode);
        var credit = DeclarationHours.Compute(book, declared);
        var subject = await catalog.ResolveAsync(declared.SubjectCode, credit.Category, person.DepartmentCode, "subjectCode", cancellationToken).ConfigureAwait(false);
        var cap = await CapStatusAsync(person.Id, declared, credit, cancellationToken).ConfigureAwait(false);

        var now = clock.GetUtcNow().UtcDateTime;
        var actor = actors.Current;
        var moduleKey = catalog.ModuleFor(person.DepartmentCode);
        var declarant = new Declarant(person.Id, person.EmployerId, person.RegionCode, person.DepartmentCode, userId, actor.UserName);
        var (declaration, record) = DeclarationFiling.File(Guid.CreateVersion7(), declarant, declared, credit, moduleKey, subject?.Code, subject?.Name, now);
        var uploaded = clock.GetUtcNow();
        foreach (var (file, index) in request.Evidence.Select((f, i) => (f, i)))
        {
            // ids in upload order: the files are listed as sent; the validator has already refused unknown content
            if (!DeclarationFiling.TryAttach(declaration, Guid.CreateVersion7(uploaded.AddMilliseconds(index)), file.FileName, file.Content, now))
            {
                throw new InvalidOperationException("Evidence content must be validated before the declaration is filed.");
            }
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            db.CreditRecords.Add(record);
            db.ActivityDeclarations.Add(declaration);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await ledger.PublishAsync(db, [new PersonYear(person.Id, record.CreditYear)], cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        var view = await DeclarationViews.GetAsync(db, declaration.Id, cancellationToken).ConfigureAwait(false);
        var receipt = new DeclarationReceipt(view.Value, credit.RuleSet.Title, book.Scope, cap, Notices(declared, credit, cap));
        return new Versioned<DeclarationReceipt>(receipt, view.Stamp);
    }

    // The person's approved and pending hours of this activity type in the credit year, against the yearly cap.
    private async Task<YearlyCapStatus?> CapStatusAsync(Guid professionalId, DeclaredActivity declared, DeclarationCredit credit, CancellationToken cancellationToken)
    {
        if (credit.YearlyCap is not { } cap)
        {
            return null;
        }

        var year = declared.EndDate.Year;
        var hours = await db.CreditRecords.AsNoTracking()
            .Where(r => r.ProfessionalId == professionalId && r.CreditYear == year && r.Activity == declared.Activity
                && (r.Status == CreditRecordStatus.Approved || r.Status == CreditRecordStatus.Pending))
            .Select(r => r.Hours)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var before = hours.Aggregate(CreditHours.Zero, (sum, h) => sum + h);
        var total = before + credit.Hours;
        var activity = ComplianceLabels.Activity(declared.Activity);
        var reached = before >= cap;
        var exceeds = total > cap;
        var message = reached
            ? $"您 {year} 年已认定和待审核的“{activity}”共 {before} 学时，已达到年度上限 {cap} 学时：本次申报的学时在合规评估时不再计入。"
            : exceeds
                ? $"您 {year} 年已认定和待审核的“{activity}”共 {before} 学时，加上本次 {credit.Hours} 学时超过年度上限 {cap} 学时：超出的 {total - cap} 学时在合规评估时不计入。"
                : $"“{activity}”每年最多计入 {cap} 学时；您 {year} 年已认定和待审核 {before} 学时，加上本次共 {total} 学时。";
        return new YearlyCapStatus(cap.Hours, before.Hours, credit.Hours.Hours, reached, exceeds, message);
    }

    private static IReadOnlyList<string> Notices(DeclaredActivity declared, DeclarationCredit credit, YearlyCapStatus? cap)
    {
        var notices = new List<string>();
        var set = credit.RuleSet;
        var unit = DeclarationLabels.Unit(credit.EnteredUnit);
        if (credit.PerItem)
        {
            notices.Add(string.Create(CultureInfo.InvariantCulture, $"按“{set.Title}”，“{ComplianceLabels.Activity(declared.Activity)}”按项认定：{declared.Items} 项 × {credit.Rule!.CreditPerItem:0.##} {unit} = {credit.EnteredAmount:0.##} {unit}，折合 {credit.Hours} 学时。"));
        }
        else if (credit.EnteredUnit == CreditUnit.Credit)
        {
            notices.Add(string.Create(CultureInfo.InvariantCulture, $"按“{set.Title}”，{credit.EnteredAmount:0.##} 学分折合 {credit.Hours} 学时（1 学分 = {set.HoursPerUnit:0.##} 学时）。"));
        }

        if (declared.Category is { } chosen && chosen != credit.Category)
        {
            notices.Add($"按“{set.Title}”，“{ComplianceLabels.Activity(declared.Activity)}”计入{ComplianceLabels.Category(credit.Category)}（您选择的是{ComplianceLabels.Category(chosen)}）。");
        }

        if (cap is not null)
        {
            notices.Add(cap.Message);
        }

        notices.Add("申报已提交，等待所在单位审核，然后由行业主管部门审核；认定前不计入学时。");
        return notices;
    }

    private static PlatformException NoProfessional() => new(
        DeclarationProblemCodes.NoProfessionalRecord,
        StatusCodes.Status403Forbidden,
        "未关联专业技术人员档案",
        "您的账号没有关联专业技术人员档案，不能申报学时。请联系所在单位人事管理员核对档案。");
}
