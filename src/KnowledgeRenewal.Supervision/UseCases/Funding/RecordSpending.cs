using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Funding;
using KnowledgeRenewal.Supervision.UseCases.Inspections;
using MediatR;

namespace KnowledgeRenewal.Supervision.UseCases.Funding;

/// <summary>A spending line as sent (form fields).</summary>
public sealed class SpendingInput
{
    /// <summary>Teaching, Materials, Venue, Accommodation, Organization or Subsidy.</summary>
    public SpendingCategory? Category { get; set; }

    /// <summary>Central, Provincial, Municipal, SelfRaised, Employer or Individual.</summary>
    public FundingSource? Source { get; set; }

    /// <summary>Amount in fen.</summary>
    public long? AmountFen { get; set; }

    /// <summary>The day it was spent.</summary>
    [DataType(DataType.Date)]
    public DateOnly? SpentOn { get; set; }

    /// <summary>Who was paid (an organization, or a description such as 「授课专家（3 人）」).</summary>
    public string? Payee { get; set; }

    /// <summary>What for.</summary>
    [DataType(DataType.MultilineText)]
    public string? Purpose { get; set; }
}

/// <summary>The project's host or the program office records a spending line with its voucher; the ring-fence check flags it.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="Input">The line.</param>
/// <param name="Voucher">The voucher (PDF, JPEG or PNG, ≤ 10 MB).</param>
internal sealed record RecordSpending(Guid ProjectId, SpendingInput Input, EvidenceUpload? Voucher) : IRequest<Versioned<SpendingLineView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(RecordSpending);
}

/// <summary>Checks the line's fields.</summary>
internal sealed class RecordSpendingValidator : AbstractValidator<RecordSpending>
{
    /// <summary>Creates the validator.</summary>
    public RecordSpendingValidator()
    {
        RuleFor(r => r.Input.Category).Must(c => c is not null && Enum.IsDefined(c.Value)).OverridePropertyName("category")
            .WithErrorCode("required").WithMessage("请选择支出科目：师资、资料、场地、食宿、组织或补贴。");
        RuleFor(r => r.Input.Source).Must(s => s is not null && Enum.IsDefined(s.Value)).OverridePropertyName("source")
            .WithErrorCode("required").WithMessage("请选择资金来源。");
        RuleFor(r => r.Input.AmountFen).Must(a => a is > 0 and <= FundingAccess.MaxFen).OverridePropertyName("amountFen")
            .WithErrorCode("out_of_range").WithMessage("请输入支出金额，应大于 0 元、不超过 10 亿元。");
        RuleFor(r => r.Input.SpentOn).NotNull().OverridePropertyName("spentOn")
            .WithErrorCode("required").WithMessage("请输入支出日期。");
        RuleFor(r => r.Input.Payee).Must(p => !string.IsNullOrWhiteSpace(p) && p.Trim().Length <= SpendingLine.PayeeLength).OverridePropertyName("payee")
            .WithErrorCode("required").WithMessage($"请填写收款单位或收款事由，最多 {SpendingLine.PayeeLength} 个字。");
        RuleFor(r => r.Input.Purpose).MaximumLength(SpendingLine.PurposeLength).OverridePropertyName("purpose")
            .WithErrorCode("too_long").WithMessage($"用途说明最多 {SpendingLine.PurposeLength} 个字。");
        RuleFor(r => r.Voucher).NotNull().OverridePropertyName("voucher")
            .WithErrorCode("required").WithMessage("请上传支出凭证（发票或付款凭证的 PDF、JPG 或 PNG 文件）。");
    }
}

/// <summary>
/// Handles <see cref="RecordSpending"/>: the project within the caller's scope (404), the host's own staff or the
/// program office (403 <see cref="FundingProblemCodes.NotHost"/>), an approved project not yet archived (409), a
/// day not in the future (400), the voucher through supervision's one file check (<see cref="EvidenceUpload.Check"/>:
/// PDF, JPEG or PNG by its bytes, at most 10 MB, else 400 <c>supervision.invalid_evidence</c> on <c>voucher</c>). The
/// ring-fence check (<see cref="RingFence"/>) runs against what was spent before; its flags and reasons stay with the line.
/// </summary>
internal sealed class RecordSpendingHandler(PlatformDbContext db, FundingDesk desk, ICurrentAccess access, IAuditActorProvider actors)
    : IRequestHandler<RecordSpending, Versioned<SpendingLineView>>
{
    /// <inheritdoc />
    public async Task<Versioned<SpendingLineView>> Handle(RecordSpending request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var project = await desk.ProjectAsync(request.ProjectId, cancellationToken).ConfigureAwait(false);
        if (!FundingAccess.MayRecord(access, project))
        {
            throw new PlatformException(FundingProblemCodes.NotHost, 403, "无权登记该项目的支出", "项目支出由承办单位的工作人员或市项目办登记。");
        }

        if (!FundingAccess.Spending.Contains(project.Status))
        {
            throw new PlatformException(FundingProblemCodes.NotSpending, 409, "项目还不能登记支出",
                $"项目当前为“{Programs.Domain.ProjectLabels.Status(project.Status)}”：立项后至结项前登记支出，已归档的项目不再登记。");
        }

        var input = request.Input;
        if (input.SpentOn!.Value > desk.Today)
        {
            throw new RequestValidationException([new FieldError("spentOn", "out_of_range", "支出日期应为今天或以前的日期。")]);
        }

        var voucher = request.Voucher!;
        var (voucherName, voucherType, _) = voucher.Check(SpendingLine.VoucherFileNameLength, "voucher");
        var budget = await desk.BudgetAsync(project, cancellationToken).ConfigureAwait(false);
        var spent = await desk.SpentAsync(project.Id, cancellationToken).ConfigureAwait(false);
        var check = RingFence.Check(budget, spent, input.Category!.Value, input.Source!.Value, input.AmountFen!.Value, input.SpentOn.Value);
        var line = new SpendingLine
        {
            ProjectId = project.Id, Category = input.Category.Value, Source = input.Source.Value, AmountFen = input.AmountFen.Value, SpentOn = input.SpentOn.Value,
            Payee = input.Payee!.Trim(), Purpose = string.IsNullOrWhiteSpace(input.Purpose) ? null : input.Purpose.Trim(),
            VoucherFileName = voucherName, VoucherContentType = voucherType, VoucherSize = voucher.Content.Length,
            Flags = check.Flags, FlagReasons = check.Reasons.Count == 0 ? null : string.Join('\n', check.Reasons),
            RecordedAt = desk.Now, RecordedByName = actors.Current.Name, RecordedByOrganizationId = access.OrganizationId,
        };
        db.Set<SpendingLine>().Add(line);
        db.Set<SpendingVoucher>().Add(new SpendingVoucher { Id = line.Id, Content = voucher.Content });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new Versioned<SpendingLineView>(FundingDesk.View(line, project.Number, project.Title), line.ConcurrencyStamp);
    }
}
