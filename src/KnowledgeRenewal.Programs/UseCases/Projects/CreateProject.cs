using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.Projects;

/// <summary>The applicant's staff create a draft application for their own organization.</summary>
/// <param name="Input">The fields.</param>
internal sealed record CreateProject(ProjectInput? Input) : IRequest<Versioned<ProjectDetail>>;

/// <summary>Checks a new application.</summary>
internal sealed class CreateProjectValidator : AbstractValidator<CreateProject>
{
    /// <summary>Creates the validator.</summary>
    public CreateProjectValidator()
    {
        RuleFor(c => c.Input).NotNull().OverridePropertyName("body").WithErrorCode("required").WithMessage("请在请求体中提交项目内容。");
        RuleFor(c => c.Input!.Type).NotNull().When(c => c.Input is not null).OverridePropertyName("type").WithErrorCode("required")
            .WithMessage("请选择项目类型（type）：AdvancedSeminar、CapacityBuilding、DigitalEngineer 或 BaseConstruction。");
        RuleFor(c => c.Input).Custom((input, context) => context.AddFailuresOf(ProjectInputValidator.Instance, input));
    }
}

/// <summary>
/// Handles <see cref="CreateProject"/>: the caller applies for their own organization (<see cref="ProjectAccess.ApplicantOrganization"/>),
/// the project gets the next number of its type and credit year (<see cref="ProjectNumbers"/>).
/// </summary>
internal sealed class CreateProjectHandler(PlatformDbContext db, ICurrentAccess access, ProjectWriter writer, TimeProvider clock)
    : IRequestHandler<CreateProject, Versioned<ProjectDetail>>
{
    /// <inheritdoc />
    public async Task<Versioned<ProjectDetail>> Handle(CreateProject request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = request.Input!;
        var type = input.Type!.Value;
        var applicant = await writer.ApplicantAsync(type, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        var year = input.CreditYear ?? input.EndDate!.Value.Year;
        for (var attempt = 1; ; attempt++)
        {
            var project = new Project
            {
                Number = await writer.NextNumberAsync(type, year, cancellationToken).ConfigureAwait(false),
                Title = input.Title!.Trim(),
                Type = type,
                RegionCode = applicant.RegionCode,
                ApplicantOrganizationId = applicant.Id,
                CreatedByUserId = access.UserId,
                CreatedAt = now,
                UpdatedAt = now,
                StatusChangedAt = now,
            };
            await writer.FillAsync(project, input, applicant, cancellationToken).ConfigureAwait(false);
            db.Projects.Add(project);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return await ProjectViews.GetAsync(db, project.Id, cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Two applications took the same number at once: take the next one.
                db.Entry(project).State = EntityState.Detached;
            }
        }
    }
}
