using FluentValidation;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Funding;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Funding;

/// <summary>An employer's training fund as sent.</summary>
public sealed class TrainingFundInput
{
    /// <summary>The employer (the program office names it; an employer's HR records its own and may leave it out).</summary>
    public Guid? EmployerId { get; set; }

    /// <summary>Or the employer's code (unified social credit code), for the program office.</summary>
    public string? EmployerCode { get; set; }

    /// <summary>The year.</summary>
    public int? Year { get; set; }

    /// <summary>The payroll total (工资总额) in fen.</summary>
    public long? PayrollFen { get; set; }

    /// <summary>Spent on training (职工教育经费支出) in fen.</summary>
    public long? TrainingSpentFen { get; set; }
}

/// <summary>
/// An employer's HR (its own employer) or the program office (any employer) records a year's payroll total and training
/// spending; the ratio and the flag below the configured floor are computed when read. A year already recorded is
/// changed with the version read (If-Match; 428/412).
/// </summary>
/// <param name="IfMatch">The <c>If-Match</c> header (when changing a recorded year).</param>
/// <param name="Input">The figures.</param>
internal sealed record RecordTrainingFund(string? IfMatch, TrainingFundInput Input) : IRequest<(TrainingFundView Fund, bool Created)>
{
    /// <inheritdoc />
    public override string ToString() => nameof(RecordTrainingFund);
}

/// <summary>Checks the year and the amounts.</summary>
internal sealed class RecordTrainingFundValidator : AbstractValidator<RecordTrainingFund>
{
    /// <summary>Creates the validator.</summary>
    public RecordTrainingFundValidator()
    {
        RuleFor(r => r.Input.Year).NotNull().InclusiveBetween(2000, 2100).OverridePropertyName("year").WithErrorCode("out_of_range").WithMessage("年度应在 2000 至 2100 之间。");
        RuleFor(r => r.Input.PayrollFen).NotNull().InclusiveBetween(1, TrainingFundRules.MaxFen).OverridePropertyName("payrollFen")
            .WithErrorCode("out_of_range").WithMessage("请填写职工工资总额（大于 0、不超过 100 亿元）。");
        RuleFor(r => r.Input.TrainingSpentFen).NotNull().InclusiveBetween(0, TrainingFundRules.MaxFen).OverridePropertyName("trainingSpentFen")
            .WithErrorCode("out_of_range").WithMessage("请填写职工教育经费支出（0 或以上、不超过 100 亿元）。");
    }
}

/// <summary>Handles <see cref="RecordTrainingFund"/>. The data layer audits the change.</summary>
internal sealed class RecordTrainingFundHandler(PlatformDbContext db, FeeDesk desk, ICurrentAccess access, IAuditActorProvider actors)
    : IRequestHandler<RecordTrainingFund, (TrainingFundView Fund, bool Created)>
{
    /// <inheritdoc />
    public async Task<(TrainingFundView Fund, bool Created)> Handle(RecordTrainingFund request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = request.Input;
        var office = FundingAccess.IsOffice(access);
        Guid employerId;
        if (office)
        {
            var code = input.EmployerCode?.Trim();
            employerId = input.EmployerId
                ?? (string.IsNullOrEmpty(code) ? null : await db.Organizations.AsNoTracking().Where(o => o.Code == code).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false))
                ?? throw new RequestValidationException([new FieldError("employerId", "required", "请填写用人单位的统一社会信用代码（单位代码）。")]);
        }
        else if (access.Roles.Contains(PlatformRoles.EmployerHr) && access.OrganizationId is { } home && (input.EmployerId is null || input.EmployerId == home))
        {
            employerId = home;
        }
        else
        {
            throw new PlatformException(FeeProblemCodes.NotOwnEmployer, 403, "只能登记本单位的职工教育经费", "职工教育经费由用人单位的人事部门登记本单位的数据，或由市项目办登记。");
        }

        var employer = await db.Organizations.AsNoTracking().Where(o => o.Id == employerId).Select(o => new { o.Name, o.Type, o.RegionCode, o.DepartmentCode })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (employer is null || employer.Type != OrganizationType.Employer)
        {
            throw new PlatformException(FeeProblemCodes.NotAnEmployer, 400, "所选单位不是用人单位", "职工教育经费按用人单位登记。",
                [new FieldError("employerId", "not_an_employer", "所选单位不是用人单位。")]);
        }

        var year = input.Year!.Value;
        var fund = await db.Set<EmployerTrainingFund>().FirstOrDefaultAsync(f => f.EmployerId == employerId && f.Year == year, cancellationToken).ConfigureAwait(false);
        var created = fund is null;
        if (fund is null)
        {
            fund = new EmployerTrainingFund { EmployerId = employerId, Year = year, RegionCode = employer.RegionCode, DepartmentCode = employer.DepartmentCode };
            db.Add(fund);
        }
        else
        {
            db.Entry(fund).Property(f => f.ConcurrencyStamp).OriginalValue = Preconditions.Require(request.IfMatch, fund.ConcurrencyStamp);
            fund.ConcurrencyStamp = Guid.NewGuid();
        }

        fund.PayrollFen = input.PayrollFen!.Value;
        fund.TrainingSpentFen = input.TrainingSpentFen!.Value;
        fund.RecordedAt = desk.Now;
        fund.RecordedByName = actors.Current.Name;
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
            throw new PlatformException(ProblemCodes.Conflict, 409, "本年度已经登记", "同事刚刚登记了本单位本年度的职工教育经费；请刷新后修改。");
        }

        return (desk.View(fund, employer.Name), created);
    }
}
