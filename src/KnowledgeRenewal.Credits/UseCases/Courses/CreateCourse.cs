using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Courses;

/// <summary>A course as submitted (API body or the page's form).</summary>
public sealed class CourseInput
{
    /// <summary>课程名称.</summary>
    public string? Title { get; set; }

    /// <summary>课程简介 (optional).</summary>
    [DataType(DataType.MultilineText)]
    public string? Description { get; set; }

    /// <summary>The subject's key, e.g. <c>public:GX-WLAQ</c> (a public subject or a module's).</summary>
    public string? SubjectId { get; set; }

    /// <summary>学时 (0.5–200, two decimals at most).</summary>
    public decimal? Hours { get; set; }

    /// <summary>Delivery mode.</summary>
    public DeliveryMode? Mode { get; set; }

    /// <summary>The developing base's or provider's organization (provider staff: their own, may be left empty).</summary>
    public Guid? DeveloperOrganizationId { get; set; }

    /// <summary>The developing association's name (the program office only, instead of an organization).</summary>
    public string? AssociationName { get; set; }
}

/// <summary>Adds a course to the catalog.</summary>
/// <param name="Input">The course.</param>
internal sealed record CreateCourse(CourseInput Input) : IRequest<Versioned<CourseView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(CreateCourse);
}

/// <summary>Checks the fields.</summary>
internal sealed class CreateCourseValidator : AbstractValidator<CreateCourse>
{
    /// <summary>Creates the validator.</summary>
    public CreateCourseValidator()
    {
        RuleFor(c => c.Input).NotNull().WithMessage("请填写课程信息。");
        When(c => c.Input is not null, () =>
        {
            RuleFor(c => c.Input.Title).NotEmpty().WithMessage("请填写课程名称。").MaximumLength(Course.TitleLength).WithMessage($"课程名称最多 {Course.TitleLength} 个字。").OverridePropertyName("title");
            RuleFor(c => c.Input.Description).MaximumLength(Course.DescriptionLength).WithMessage($"课程简介最多 {Course.DescriptionLength} 个字。").OverridePropertyName("description");
            RuleFor(c => c.Input.SubjectId).NotEmpty().WithMessage("请选择课程所属科目。").MaximumLength(64).OverridePropertyName("subjectId");
            RuleFor(c => c.Input.Hours).NotNull().WithMessage("请填写学时。").Must(h => h is null || CourseRules.ValidHours(h.Value)).WithErrorCode("out_of_range")
                .WithMessage($"学时应在 {CourseRules.MinHours} 至 {CourseRules.MaxHours} 之间，最多两位小数。").OverridePropertyName("hours");
            RuleFor(c => c.Input.Mode).NotNull().WithMessage("请选择授课方式。").OverridePropertyName("mode");
            RuleFor(c => c.Input.AssociationName).MaximumLength(Course.DeveloperNameLength).WithMessage($"协会名称最多 {Course.DeveloperNameLength} 个字。").OverridePropertyName("associationName");
            RuleFor(c => c.Input.AssociationName).Empty().When(c => c.Input.DeveloperOrganizationId is not null)
                .WithMessage("开发单位请在平台单位和行业协会中选择其一。").OverridePropertyName("associationName");
        });
    }
}

/// <summary>
/// Handles <see cref="CreateCourse"/>: the program office names any base or provider (or an association by name); a
/// provider's or base's staff add courses developed by their own organization only (403 otherwise). The subject must be
/// an active subject of the catalog (its category becomes the course's); the developer must be a base (its organization
/// holds a base that is not revoked) or a training provider.
/// </summary>
internal sealed class CreateCourseHandler(PlatformDbContext db, ICurrentAccess access, IAuditActorProvider actors, TimeProvider clock) : IRequestHandler<CreateCourse, Versioned<CourseView>>
{
    /// <inheritdoc />
    public async Task<Versioned<CourseView>> Handle(CreateCourse request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = request.Input;
        var office = ClassWriters.IsProgramOffice(access);
        if (!office && !access.Roles.Contains(PlatformRoles.ProviderStaff))
        {
            throw new PlatformException(CourseProblemCodes.WriteForbidden, 403, "无权添加课程", "只有市项目办和培训机构、继续教育基地的工作人员可以添加课程。");
        }

        var organizationId = input.DeveloperOrganizationId;
        if (!office)
        {
            if (!string.IsNullOrWhiteSpace(input.AssociationName) || (organizationId is { } named && named != access.OrganizationId))
            {
                throw new PlatformException(CourseProblemCodes.WriteForbidden, 403, "无权添加课程", "培训机构、基地只能添加本单位开发的课程。");
            }

            organizationId = access.OrganizationId;
        }

        var subject = await db.Subjects.AsNoTracking().Where(s => s.Id == input.SubjectId!.Trim() && s.Status == SubjectStatus.Active)
            .Select(s => new { s.Id, s.Category }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw Invalid("subjectId", CourseProblemCodes.UnknownSubject, "所选科目不在公需科目目录或行业模块的科目目录中（或已停用），请重新选择。");

        CourseDeveloperKind kind;
        string developerName;
        if (organizationId is { } org)
        {
            var name = await db.Organizations.AsNoTracking().Where(o => o.Id == org).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var isBase = await db.EducationBases.IgnoreQueryFilters().AnyAsync(b => b.OrganizationId == org && b.Status != BaseStatus.Revoked, cancellationToken).ConfigureAwait(false);
            var isProvider = isBase || await db.TrainingProviders.IgnoreQueryFilters().AnyAsync(p => p.Id == org, cancellationToken).ConfigureAwait(false);
            if (name is null || !isProvider)
            {
                throw Invalid("developerOrganizationId", CourseProblemCodes.InvalidDeveloper, "开发单位应为平台上的继续教育基地或培训机构。");
            }

            (kind, developerName) = (isBase ? CourseDeveloperKind.Base : CourseDeveloperKind.Provider, name);
        }
        else if (!string.IsNullOrWhiteSpace(input.AssociationName))
        {
            (kind, developerName) = (CourseDeveloperKind.Association, input.AssociationName.Trim());
        }
        else
        {
            throw Invalid("developerOrganizationId", CourseProblemCodes.InvalidDeveloper, "请选择开发单位（继续教育基地或培训机构），或填写行业协会名称。");
        }

        var course = new Course
        {
            Title = input.Title!.Trim(),
            Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
            SubjectId = subject.Id,
            Category = subject.Category,
            Hours = input.Hours!.Value,
            Mode = input.Mode!.Value,
            DeveloperKind = kind,
            DeveloperOrganizationId = organizationId,
            DeveloperName = developerName,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedByUserId = access.UserId,
            CreatedByName = actors.Current.UserName,
        };
        db.Courses.Add(course);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var view = await CourseViews.OfAsync(db, [course], withMaterials: true, cancellationToken).ConfigureAwait(false);
        return new(view[0], course.ConcurrencyStamp);
    }

    private static PlatformException Invalid(string field, string code, string message) =>
        new(code, 400, "课程信息有误", message, [new FieldError(field, "invalid_value", message)]);
}

/// <summary>Stable codes of the course catalog's problems.</summary>
public static class CourseProblemCodes
{
    /// <summary>The caller may not add courses (or not for that developer).</summary>
    public const string WriteForbidden = "course.write_forbidden";

    /// <summary>The subject is not an active subject of the catalog.</summary>
    public const string UnknownSubject = "course.unknown_subject";

    /// <summary>The developer is not a base or provider on the platform (nor an association by name).</summary>
    public const string InvalidDeveloper = "course.invalid_developer";

    /// <summary>A material is empty, too large or not a PDF, JPEG or PNG.</summary>
    public const string InvalidMaterial = "course.invalid_material";

    /// <summary>The course has its most materials.</summary>
    public const string TooManyMaterials = "course.too_many_materials";
}
