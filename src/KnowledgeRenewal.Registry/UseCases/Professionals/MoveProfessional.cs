using FluentValidation;
using FluentValidation.Results;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.UseCases.Professionals;

/// <summary>The body of a move.</summary>
/// <param name="EmployerCreditCode">The new employer's unified social credit code.</param>
/// <param name="StartedOn">First day at the new employer.</param>
internal sealed record MoveBody(string? EmployerCreditCode, DateOnly? StartedOn);

/// <summary>
/// Moves a professional to another employer: the open employment ends the day before <paramref name="StartedOn"/>,
/// a new one starts, and the person's employer, region and sector become the new employer's. The history stays
/// with the person. Needs the entity tag read (<c>If-Match</c>); the new employer must be visible to the caller.
/// </summary>
/// <param name="Id">The professional.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="EmployerCreditCode">The new employer.</param>
/// <param name="StartedOn">First day there.</param>
internal sealed record MoveProfessional(Guid Id, string? IfMatch, string? EmployerCreditCode, DateOnly? StartedOn) : IRequest<Versioned<ProfessionalView>>;

/// <summary>Checks a move's fields.</summary>
internal sealed class MoveProfessionalValidator : AbstractValidator<MoveProfessional>
{
    /// <summary>Creates the validator.</summary>
    public MoveProfessionalValidator()
    {
        RuleFor(m => m.EmployerCreditCode).Custom((text, context) =>
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                context.AddFailure(new ValidationFailure("employerCreditCode", "请填写调入单位统一社会信用代码（employerCreditCode）。") { ErrorCode = "required" });
            }
            else if (!UnifiedSocialCreditCode.TryParse(text, out _, out var error))
            {
                context.AddFailure(new ValidationFailure("employerCreditCode", "调入单位" + UnifiedSocialCreditCode.Message(error!)) { ErrorCode = error });
            }
        });
        RuleFor(m => m.StartedOn).NotNull().WithErrorCode("required").WithMessage("请填写调入日期（startedOn），格式为 yyyy-MM-dd。");
    }
}

/// <summary>
/// Handles <see cref="MoveProfessional"/>: the move must keep the history in order (<see cref="EmploymentHistory.Move"/>)
/// and land within the caller's scope, like a registration there.
/// </summary>
internal sealed class MoveProfessionalHandler(PlatformDbContext db, ICurrentAccess access, TimeProvider clock)
    : IRequestHandler<MoveProfessional, Versioned<ProfessionalView>>
{
    /// <inheritdoc />
    public async Task<Versioned<ProfessionalView>> Handle(MoveProfessional request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ProfessionalWriter.EnsureWriter(access);
        var professional = await db.Professionals
            .Include(p => p.Employments.Where(e => e.EndedOn == null))
            .FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken)
            .ConfigureAwait(false)
            ?? throw Professional.NotFound(request.Id);
        ProfessionalWriter.EnsureCanChange(access, professional);
        var read = Preconditions.Require(request.IfMatch, professional.ConcurrencyStamp);

        // The validator checked the code; parsing it here gives its normalized value.
        if (!UnifiedSocialCreditCode.TryParse(request.EmployerCreditCode, out var code, out var codeError))
        {
            throw new RequestValidationException([new FieldError("employerCreditCode", codeError!, "调入单位" + UnifiedSocialCreditCode.Message(codeError!))]);
        }

        var employer = await ProfessionalWriter.FindEmployerAsync(db, code, cancellationToken).ConfigureAwait(false);
        var open = professional.Employments.Where(e => e.EndedOn == null).OrderBy(e => e.StartedOn).ToList();
        var today = ProgramCalendar.Today(clock);
        var startedOn = request.StartedOn!.Value;
        var (endOfCurrent, errors) = EmploymentHistory.Move(professional.EmployerId, open.Count > 0 ? open[^1].StartedOn : null, employer.Id, startedOn, today);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var owners = await ProfessionalWriter.OwnersAsync(db, access, employer, null, null, professional.DepartmentCode, cancellationToken).ConfigureAwait(false);
        foreach (var employment in open)
        {
            employment.EndedOn = endOfCurrent;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Employments.Add(new Employment { ProfessionalId = professional.Id, EmployerId = employer.Id, StartedOn = startedOn, RecordedAt = now });
        professional.EmployerId = employer.Id;
        professional.RegionCode = owners.RegionCode;
        professional.DepartmentCode = owners.DepartmentCode;
        await ProfessionalWriter.SaveNewVersionAsync(db, professional, read, now, cancellationToken).ConfigureAwait(false);
        return await ProfessionalViews.GetAsync(db, professional.Id, cancellationToken).ConfigureAwait(false);
    }
}
