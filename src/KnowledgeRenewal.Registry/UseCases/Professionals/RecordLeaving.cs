using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.UseCases.Professionals;

/// <summary>The body of a leaving.</summary>
/// <param name="Status"><see cref="ProfessionalStatus.Left"/> (离职, 调出本市) or <see cref="ProfessionalStatus.Retired"/> (退休).</param>
/// <param name="LeftOn">The last day in post.</param>
internal sealed record LeaveBody(ProfessionalStatus? Status, DateOnly? LeftOn);

/// <summary>
/// Records that a professional left (离职, 调出本市) or retired (退休) on <paramref name="LeftOn"/>: the status changes and
/// the open employment ends that day (<see cref="EmploymentHistory.Leave"/>); the person stays with their last
/// employer, region and sector, so their history and records stay where they were. Needs the entity tag read
/// (<c>If-Match</c>); the same writers and scope as a move (the person's employer's HR, the county, the sector, the
/// program office). Audited as every registry write (data.update of the person and the employment).
/// </summary>
/// <param name="Id">The professional.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Status">Left or Retired.</param>
/// <param name="LeftOn">The last day in post.</param>
internal sealed record RecordLeaving(Guid Id, string? IfMatch, ProfessionalStatus? Status, DateOnly? LeftOn) : IRequest<Versioned<ProfessionalView>>;

/// <summary>Checks a leaving's fields.</summary>
internal sealed class RecordLeavingValidator : AbstractValidator<RecordLeaving>
{
    /// <summary>Creates the validator.</summary>
    public RecordLeavingValidator()
    {
        RuleFor(m => m.Status).NotNull().WithErrorCode("required").WithMessage("请选择离开方式（status）：Left（离职、调出本市）或 Retired（退休）。");
        RuleFor(m => m.Status).Must(EmploymentHistory.IsLeaving).When(m => m.Status is not null)
            .WithErrorCode("leave.status_invalid").WithMessage("离开方式（status）应为 Left（离职、调出本市）或 Retired（退休）。");
        RuleFor(m => m.LeftOn).NotNull().WithErrorCode("required").WithMessage("请填写离开日期（leftOn），格式为 yyyy-MM-dd。");
    }
}

/// <summary>Handles <see cref="RecordLeaving"/>.</summary>
internal sealed class RecordLeavingHandler(PlatformDbContext db, ICurrentAccess access, TimeProvider clock)
    : IRequestHandler<RecordLeaving, Versioned<ProfessionalView>>
{
    /// <inheritdoc />
    public async Task<Versioned<ProfessionalView>> Handle(RecordLeaving request, CancellationToken cancellationToken)
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

        var open = professional.Employments.Where(e => e.EndedOn == null).OrderBy(e => e.StartedOn).ToList();
        var leftOn = request.LeftOn!.Value;
        var errors = EmploymentHistory.Leave(professional.Status, open.Count > 0 ? open[^1].StartedOn : null, leftOn, ProgramCalendar.Today(clock));
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        foreach (var employment in open)
        {
            employment.EndedOn = leftOn;
        }

        professional.Status = request.Status!.Value;
        await ProfessionalWriter.SaveNewVersionAsync(db, professional, read, clock.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        return await ProfessionalViews.GetAsync(db, professional.Id, cancellationToken).ConfigureAwait(false);
    }
}
