using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Registry.UseCases;
using KnowledgeRenewal.Registry.Web;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Demo;
using KnowledgeRenewal.Programs.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
namespace KnowledgeRenewal.Programs.UseCases.Projects;

/// <summary>The funding lines of a budget, in fen (分); missing lines are 0.</summary>
/// <param name="CentralFen">中央财政.</param>
/// <param name="ProvincialFen">省级财政.</param>
/// <param name="MunicipalFen">市级财政.</param>
/// <param name="SelfRaisedFen">自筹.</param>
/// <param name="EmployerFen">用人单位.</param>
/// <param name="IndividualFen">个人.</param>
public sealed record ProjectFundingInput(long? CentralFen, long? ProvincialFen, long? MunicipalFen, long? SelfRaisedFen, long? EmployerFen, long? IndividualFen);

/// <summary>The fields of a project application (draft).</summary>
/// <param name="Title">Title (required, ≤ 128).</param>
/// <param name="Type">Type (required on create; never changed).</param>
/// <param name="Level">National, Provincial or Municipal (default Municipal).</param>
/// <param name="Field">Key industry or social field (default General).</param>
/// <param name="RecommenderOrganizationId">The county bureau of the project's region or the line department of its sector (required).</param>
/// <param name="ProviderId">The host provider (a training provider or base): a provider applicant hosts its own (naming none means itself, naming another is refused); others may name one within their scope (<see cref="ProjectHosts"/>).</param>
/// <param name="RegionCode">The region (default: the applicant's).</param>
/// <param name="DepartmentCode">The sector (default: the applicant's).</param>
/// <param name="CreditYear">Credit year (default: the end date's year).</param>
/// <param name="StartDate">First day (required).</param>
/// <param name="EndDate">Last day (required).</param>
/// <param name="Capacity">Planned trainees (1–100000).</param>
/// <param name="Mode">Offline, Online or Mixed (default Offline).</param>
/// <param name="Description">Description (≤ 4000).</param>
/// <param name="Funding">Budget lines in fen.</param>
/// <param name="TargetTitleLevel">Seminars: target talent level.</param>
/// <param name="SubjectCategory">Capacity building: Public or Professional.</param>
/// <param name="SubjectCode">Capacity building: subject code.</param>
/// <param name="DigitalFieldCode">Digital engineers: field code.</param>
/// <param name="EducationBaseId">Base construction: existing base designation.</param>
public sealed record ProjectInput(
    string? Title, ProjectType? Type, ProjectLevel? Level, ProjectField? Field, Guid? RecommenderOrganizationId, Guid? ProviderId,
    string? RegionCode, string? DepartmentCode, int? CreditYear, DateOnly? StartDate, DateOnly? EndDate, int? Capacity,
    DeliveryMode? Mode, [property: DataType(DataType.MultilineText)] string? Description, ProjectFundingInput? Funding, TitleLevel? TargetTitleLevel,
    CreditCategory? SubjectCategory, string? SubjectCode, string? DigitalFieldCode, Guid? EducationBaseId);

/// <summary>A step's body.</summary>
/// <param name="Comment">Comment (required to return or reject).</param>
/// <param name="ReferenceNumber">The upstream decision's reference number (required to record its outcome).</param>
/// <param name="Summary">The completion summary (required to complete, unless filed before).</param>
/// <param name="ExpertName">The expert (to score).</param>
/// <param name="Score">The expert's score 0–100 (to score).</param>
public sealed record TransitionBody([property: DataType(DataType.MultilineText)] string? Comment, string? ReferenceNumber, [property: DataType(DataType.MultilineText)] string? Summary, string? ExpertName, int? Score);

/// <summary>The applicant's staff create a draft application for their own organization.</summary>
/// <param name="Input">The fields.</param>
public sealed record CreateProject(ProjectInput? Input) : IRequest<Versioned<ProjectDetail>>;

/// <summary>The applicant's staff change their draft. Needs <c>If-Match</c>.</summary>
/// <param name="Id">The project.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Input">The new fields (the type is never changed).</param>
public sealed record UpdateProject(Guid Id, string? IfMatch, ProjectInput? Input) : IRequest<Versioned<ProjectDetail>>;

/// <summary>Takes a workflow step (<see cref="ProjectWorkflow"/>). Needs <c>If-Match</c>.</summary>
/// <param name="Id">The project.</param>
/// <param name="Action">The action's path segment (e.g. <c>approve</c>, <c>record-upstream-approval</c>).</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Body">Comment, reference number, summary or expert score.</param>
public sealed record TransitionProject(Guid Id, string? Action, string? IfMatch, TransitionBody? Body) : IRequest<Versioned<ProjectDetail>>;

/// <summary>Checks an application's fields.</summary>
public sealed class ProjectInputValidator : AbstractValidator<ProjectInput>
{
    /// <summary>Most planned trainees of one project.</summary>
    public const int MaxCapacity = 100_000;

    /// <summary>Largest funding line: 1 000 000 000 yuan in fen.</summary>
    public const long MaxFundingFen = 100_000_000_000;

    /// <summary>Creates the validator.</summary>
    public ProjectInputValidator()
    {
        RuleFor(i => i.Title).Must(t => !string.IsNullOrWhiteSpace(t)).OverridePropertyName("title").WithErrorCode("required").WithMessage("请填写项目名称（title）。");
        RuleFor(i => i.Title).MaximumLength(Project.TitleLength).OverridePropertyName("title").WithErrorCode("too_long").WithMessage($"项目名称（title）最多 {Project.TitleLength} 个字。");
        RuleFor(i => i.RecommenderOrganizationId).NotNull().OverridePropertyName("recommenderOrganizationId").WithErrorCode("required")
            .WithMessage("请选择推荐单位（recommenderOrganizationId）：项目所在县（市、区）人社部门或所属行业主管部门。");
        RuleFor(i => i.StartDate).NotNull().OverridePropertyName("startDate").WithErrorCode("required").WithMessage("请填写开始日期（startDate）。");
        RuleFor(i => i.EndDate).NotNull().OverridePropertyName("endDate").WithErrorCode("required").WithMessage("请填写结束日期（endDate）。");
        RuleFor(i => i.EndDate).GreaterThanOrEqualTo(i => i.StartDate).When(i => i.StartDate is not null && i.EndDate is not null)
            .OverridePropertyName("endDate").WithErrorCode("out_of_range").WithMessage("结束日期（endDate）不能早于开始日期（startDate）。");
        RuleFor(i => i.StartDate).Must(d => d!.Value.Year >= ProgramPeriod.FirstYear).When(i => i.StartDate is not null)
            .OverridePropertyName("startDate").WithErrorCode("out_of_range")
            .WithMessage($"开始日期（startDate）不能早于 {ProgramPeriod.FirstYear} 年（知识更新工程自 {ProgramPeriod.FirstYear} 年实施）。");
        RuleFor(i => i.EndDate).Must(d => d!.Value.Year <= ProgramPeriod.LastYear).When(i => i.EndDate is not null)
            .OverridePropertyName("endDate").WithErrorCode("out_of_range")
            .WithMessage($"结束日期（endDate）不能晚于 {ProgramPeriod.LastYear} 年（工程实施期至 {ProgramPeriod.LastYear} 年）。");
        RuleFor(i => i.CreditYear).Must(y => ProgramPeriod.Contains(y!.Value)).When(i => i.CreditYear is not null)
            .OverridePropertyName("creditYear").WithErrorCode("out_of_range")
            .WithMessage($"学时年度（creditYear）应在 {ProgramPeriod.FirstYear} 至 {ProgramPeriod.LastYear} 之间。");
        RuleFor(i => i.Capacity).NotNull().InclusiveBetween(1, MaxCapacity).OverridePropertyName("capacity").WithErrorCode("out_of_range")
            .WithMessage($"计划培训人数（capacity）应在 1 至 {MaxCapacity} 之间。");
        RuleFor(i => i.Description).MaximumLength(Project.TextLength).OverridePropertyName("description").WithErrorCode("too_long").WithMessage($"项目简介（description）最多 {Project.TextLength} 个字。");
        RuleFor(i => i.SubjectCode).MaximumLength(32).OverridePropertyName("subjectCode").WithErrorCode("too_long").WithMessage("科目代码（subjectCode）最多 32 个字符。");
        RuleFor(i => i.DigitalFieldCode).MaximumLength(32).OverridePropertyName("digitalFieldCode").WithErrorCode("too_long").WithMessage("数字技术领域（digitalFieldCode）最多 32 个字符。");
        RuleFor(i => i.Funding).Must(f => Lines(f).All(l => l is >= 0 and <= MaxFundingFen)).OverridePropertyName("funding").WithErrorCode("out_of_range")
            .WithMessage("经费（funding）各来源金额以分为单位，应为 0 至 100000000000 之间的整数。");
    }

    /// <summary>Adds the failures of <paramref name="input"/> (with their own field names) to a command's validation.</summary>
    public static void AddFailures<T>(ProjectInput? input, ValidationContext<T> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (input is null)
        {
            return;
        }

        foreach (var failure in new ProjectInputValidator().Validate(input).Errors)
        {
            context.AddFailure(failure);
        }
    }

    /// <summary>The lines of <paramref name="funding"/> (missing as 0).</summary>
    public static long[] Lines(ProjectFundingInput? funding) => funding is null ? [0, 0, 0, 0, 0, 0] :
        [funding.CentralFen ?? 0, funding.ProvincialFen ?? 0, funding.MunicipalFen ?? 0, funding.SelfRaisedFen ?? 0, funding.EmployerFen ?? 0, funding.IndividualFen ?? 0];
}

/// <summary>Checks a new application.</summary>
public sealed class CreateProjectValidator : AbstractValidator<CreateProject>
{
    /// <summary>Creates the validator.</summary>
    public CreateProjectValidator()
    {
        RuleFor(c => c.Input).NotNull().OverridePropertyName("body").WithErrorCode("required").WithMessage("请求体不能为空。");
        RuleFor(c => c.Input!.Type).NotNull().When(c => c.Input is not null).OverridePropertyName("type").WithErrorCode("required")
            .WithMessage("请选择项目类型（type）：AdvancedSeminar、CapacityBuilding、DigitalEngineer 或 BaseConstruction。");
        RuleFor(c => c.Input).Custom(ProjectInputValidator.AddFailures);
    }
}

/// <summary>Checks a draft change.</summary>
public sealed class UpdateProjectValidator : AbstractValidator<UpdateProject>
{
    /// <summary>Creates the validator.</summary>
    public UpdateProjectValidator()
    {
        RuleFor(c => c.Input).NotNull().OverridePropertyName("body").WithErrorCode("required").WithMessage("请求体不能为空。");
        RuleFor(c => c.Input).Custom(ProjectInputValidator.AddFailures);
    }
}

/// <summary>Checks a step's body.</summary>
public sealed class TransitionProjectValidator : AbstractValidator<TransitionProject>
{
    /// <summary>Creates the validator.</summary>
    public TransitionProjectValidator()
    {
        RuleFor(t => t.Body == null ? null : t.Body.Comment).MaximumLength(ProjectTransition.CommentLength).OverridePropertyName("comment")
            .WithErrorCode("too_long").WithMessage($"意见（comment）最多 {ProjectTransition.CommentLength} 个字。");
        RuleFor(t => t.Body == null ? null : t.Body.ReferenceNumber).MaximumLength(64).OverridePropertyName("referenceNumber")
            .WithErrorCode("too_long").WithMessage("批复文号（referenceNumber）最多 64 个字。");
        RuleFor(t => t.Body == null ? null : t.Body.Summary).MaximumLength(Project.TextLength).OverridePropertyName("summary")
            .WithErrorCode("too_long").WithMessage($"结项总结（summary）最多 {Project.TextLength} 个字。");
        When(t => ProjectLabels.ParseAction(t.Action) == ProjectAction.Score, () =>
        {
            RuleFor(t => t.Body == null ? null : t.Body.ExpertName).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 64).OverridePropertyName("expertName")
                .WithErrorCode("required").WithMessage("请填写评审专家姓名（expertName，最多 64 个字）。");
            RuleFor(t => t.Body == null ? null : t.Body.Score).NotNull().InclusiveBetween(0, ProjectReview.MaxScore).OverridePropertyName("score")
                .WithErrorCode("out_of_range").WithMessage($"专家评分（score）应为 0 至 {ProjectReview.MaxScore} 之间的整数。");
        });
    }
}

/// <summary>Handles applications and workflow steps.</summary>
public sealed class ProjectCommandHandlers(
    PlatformDbContext db,
    ICurrentAccess access,
    IAuditActorProvider actors,
    WorkingDayCalendar calendar,
    IOptions<ProjectOptions> options,
    ITrainingFacts training,
    TimeProvider clock)
    : IRequestHandler<CreateProject, Versioned<ProjectDetail>>,
      IRequestHandler<UpdateProject, Versioned<ProjectDetail>>,
      IRequestHandler<TransitionProject, Versioned<ProjectDetail>>
{
    /// <inheritdoc />
    public async Task<Versioned<ProjectDetail>> Handle(CreateProject request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = request.Input!;
        var type = input.Type!.Value;
        var applicant = await ApplicantAsync(type, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        var year = input.CreditYear ?? input.EndDate!.Value.Year;
        for (var attempt = 1; ; attempt++)
        {
            var project = new Project
            {
                Number = await NextNumberAsync(type, year, cancellationToken).ConfigureAwait(false),
                Title = input.Title!.Trim(),
                Type = type,
                RegionCode = applicant.RegionCode,
                ApplicantOrganizationId = applicant.Id,
                CreatedByUserId = access.UserId,
                CreatedAt = now,
                UpdatedAt = now,
                StatusChangedAt = now,
            };
            await FillAsync(project, input, applicant, cancellationToken).ConfigureAwait(false);
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

    /// <inheritdoc />
    public async Task<Versioned<ProjectDetail>> Handle(UpdateProject request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw ProjectViews.NotFound(request.Id);
        var applicant = await ApplicantAsync(project.Type, cancellationToken).ConfigureAwait(false);
        if (applicant.Id != project.ApplicantOrganizationId)
        {
            throw NotApplicant("只有申报单位的工作人员可以修改申报书。");
        }

        var read = Preconditions.Require(request.IfMatch, project.ConcurrencyStamp);
        if (project.Status != ProjectStatus.Draft)
        {
            throw new PlatformException(ProjectProblemCodes.NotDraft, StatusCodes.Status409Conflict, "申报书已提交，不能修改",
                $"项目当前为“{ProjectLabels.Status(project.Status)}”，只有草稿可以修改；如需修改，请先撤回或由推荐单位退回。");
        }

        var input = request.Input!;
        if (input.Type is { } type && type != project.Type)
        {
            throw new PlatformException(ProblemCodes.ValidationFailed, StatusCodes.Status400BadRequest, "项目类型不能修改", "项目类型（type）创建后不能修改，请重新申报。",
                [new FieldError("type", "immutable", "项目类型（type）创建后不能修改。")]);
        }

        project.Title = input.Title!.Trim();
        await FillAsync(project, input, applicant, cancellationToken).ConfigureAwait(false);
        project.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(project, read, cancellationToken).ConfigureAwait(false);
        return await ProjectViews.GetAsync(db, project.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Versioned<ProjectDetail>> Handle(TransitionProject request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ProjectLabels.ParseAction(request.Action) is not { } action || action == ProjectAction.UpholdObjection)
        {
            throw new PlatformException(ProjectProblemCodes.UnknownAction, StatusCodes.Status404NotFound, "没有该操作",
                $"项目没有“{request.Action}”操作。可用的操作：{string.Join("、", Enum.GetValues<ProjectAction>().Where(a => a != ProjectAction.UpholdObjection).Select(ProjectLabels.Slug))}；异议的处理请使用 objections 接口。");
        }

        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw ProjectViews.NotFound(request.Id);
        var read = Preconditions.Require(request.IfMatch, project.ConcurrencyStamp);
        var body = request.Body;
        var facts = await FactsAsync(project, body?.Comment, body?.ReferenceNumber, body?.Summary, cancellationToken).ConfigureAwait(false);
        var actor = Actor();
        var decision = ProjectWorkflow.Decide(project, action, actor, facts);
        Refuse(decision);
        var expert = action == ProjectAction.Score ? body!.ExpertName!.Trim() : null;
        if (expert is not null && await db.ProjectReviews.AnyAsync(r => r.ProjectId == project.Id && r.ExpertName == expert, cancellationToken).ConfigureAwait(false))
        {
            throw new PlatformException(ProjectProblemCodes.DuplicateReview, StatusCodes.Status409Conflict, "该专家已评分",
                $"专家“{expert}”对该项目的评分已录入，不能重复录入。");
        }

        await TakeAsync(project, decision, actor, facts, read, expert, body?.Score, cancellationToken).ConfigureAwait(false);
        return await ProjectViews.GetAsync(db, project.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The facts the guards need, read by id (never cut by the caller's scope).</summary>
    internal async Task<ProjectFacts> FactsAsync(Project project, string? comment, string? reference, string? summary, CancellationToken cancellationToken)
    {
        var scope = new[] { PlatformDbContext.AccessScopeFilter };
        var reviews = await db.ProjectReviews.IgnoreQueryFilters(scope).CountAsync(r => r.ProjectId == project.Id, cancellationToken).ConfigureAwait(false);
        var pending = await db.ProjectObjections.IgnoreQueryFilters(scope).CountAsync(o => o.ProjectId == project.Id && o.Status == ObjectionStatus.Pending, cancellationToken).ConfigureAwait(false);
        var roster = await training.HasFinishedClassWithApprovedRecordsAsync(project.Id, cancellationToken).ConfigureAwait(false);
        return new ProjectFacts
        {
            Reviews = reviews,
            PendingObjections = pending,
            HasFinishedClassWithRecords = roster,
            Today = ProgramCalendar.Today(clock),
            Comment = comment,
            ReferenceNumber = reference,
            Summary = summary,
        };
    }

    /// <summary>The caller as the workflow sees them.</summary>
    internal ProjectActor Actor() => new(access.UserId, actors.Current.UserName ?? "unknown", access.Roles, access.OrganizationId);

    /// <summary>Throws the refusal of <paramref name="decision"/>, if any.</summary>
    internal static void Refuse(ProjectDecision decision)
    {
        if (decision.Refusal is { } refusal)
        {
            throw new PlatformException(refusal.Code, refusal.Status, refusal.Title, refusal.Detail);
        }
    }

    /// <summary>Takes an allowed step and saves it (compare-and-swap on the stamp the caller read).</summary>
    internal async Task TakeAsync(Project project, ProjectDecision decision, ProjectActor actor, ProjectFacts facts, Guid read, string? expert, int? score, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sequence = await db.ProjectTransitions.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter])
            .Where(t => t.ProjectId == project.Id).MaxAsync(t => (int?)t.Sequence, cancellationToken).ConfigureAwait(false) ?? 0;
        var transition = ProjectWorkflow.Apply(project, decision, actor, facts, now, sequence + 1, calendar, options.Value.NoticeWorkingDays, expert, score);
        db.ProjectTransitions.Add(transition);
        if (expert is not null)
        {
            db.ProjectReviews.Add(new ProjectReview
            {
                ProjectId = project.Id,
                ExpertName = expert,
                Score = score ?? 0,
                Comment = transition.Comment,
                RecordedByUserId = actor.UserId,
                RecordedByName = actor.Name,
                RecordedAt = now,
            });
        }

        await SaveAsync(project, read, cancellationToken).ConfigureAwait(false);
    }

    private async Task SaveAsync(Project project, Guid read, CancellationToken cancellationToken)
    {
        db.Entry(project).Property(p => p.ConcurrencyStamp).OriginalValue = read;
        project.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Preconditions.Stale();
        }
        catch (DbUpdateException)
        {
            // The history's (project, sequence) is unique: someone else took a step in between.
            throw Preconditions.Stale();
        }
    }

    // The caller's organization, when the caller may apply for this type there.
    private async Task<Organization> ApplicantAsync(ProjectType type, CancellationToken cancellationToken)
    {
        var roles = ProjectApplicants.Roles(type);
        if (!roles.Any(access.Roles.Contains) || access.OrganizationId is not { } organizationId)
        {
            throw NotApplicant($"{ProjectLabels.Type(type)}可由{string.Join("、", roles.Select(r => RoleCatalog.Find(r)?.DisplayName ?? r))}申报，您的角色不能申报。");
        }

        return await db.Organizations.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter])
            .FirstAsync(o => o.Id == organizationId, cancellationToken).ConfigureAwait(false);
    }

    private static PlatformException NotApplicant(string detail) =>
        new(ProjectProblemCodes.NotApplicant, StatusCodes.Status403Forbidden, "不能申报或修改该项目", detail);

    // Copies the fields and checks what they name: region, sector, recommender, provider, base.
    private async Task FillAsync(Project project, ProjectInput input, Organization applicant, CancellationToken cancellationToken)
    {
        var scope = new[] { PlatformDbContext.AccessScopeFilter };
        var errors = new List<FieldError>();
        var region = string.IsNullOrWhiteSpace(input.RegionCode) ? applicant.RegionCode : input.RegionCode.Trim();
        var department = string.IsNullOrWhiteSpace(input.DepartmentCode) ? applicant.DepartmentCode : input.DepartmentCode.Trim();
        if (!await db.Regions.AnyAsync(r => r.Code == region, cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new FieldError("regionCode", "unknown", $"地区代码（regionCode）“{region}”不存在。"));
        }

        if (department is not null && !await db.Departments.AnyAsync(d => d.Code == department, cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new FieldError("departmentCode", "unknown", $"行业主管部门代码（departmentCode）“{department}”不存在。"));
        }

        var recommender = await db.Organizations.IgnoreQueryFilters(scope).AsNoTracking()
            .FirstOrDefaultAsync(o => o.Id == input.RecommenderOrganizationId, cancellationToken).ConfigureAwait(false);
        var fits = recommender is { IsActive: true }
            && ((recommender.Type == OrganizationType.CountyBureau && recommender.RegionCode == region)
                || (recommender.Type == OrganizationType.LineDepartment && department is not null && recommender.DepartmentCode == department));
        if (!fits)
        {
            errors.Add(new FieldError("recommenderOrganizationId", ProjectProblemCodes.InvalidRecommender,
                "推荐单位（recommenderOrganizationId）应为项目所在县（市、区）人社部门或所属行业主管部门。"));
        }
        else if (recommender!.Id == applicant.Id)
        {
            errors.Add(new FieldError("recommenderOrganizationId", ProjectProblemCodes.InvalidRecommender,
                "推荐单位（recommenderOrganizationId）不能是申报单位本身，请选择项目所在县（市、区）人社部门或其他主管部门。"));
        }

        // The host: the applicant itself when it is a provider, else a provider within the caller's scope (ProjectHosts).
        var providerId = input.ProviderId ?? ProjectHosts.Default(applicant);
        if (providerId is { } provider)
        {
            var host = await db.Organizations.IgnoreQueryFilters(scope).AsNoTracking()
                .FirstOrDefaultAsync(o => o.Id == provider, cancellationToken).ConfigureAwait(false);
            if (ProjectHosts.Check(applicant, provider, host, access.Scope) is { } hostError)
            {
                errors.Add(hostError);
            }
        }

        if (input.EducationBaseId is { } baseId && !await db.EducationBases.IgnoreQueryFilters(scope).AnyAsync(b => b.Id == baseId, cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new FieldError("educationBaseId", "unknown", "继续教育基地（educationBaseId）不存在。"));
        }

        if (errors.Count > 0)
        {
            var code = errors.FirstOrDefault(e => e.Code is ProjectProblemCodes.InvalidRecommender or ProjectProblemCodes.InvalidHost)?.Code ?? ProblemCodes.ValidationFailed;
            throw new PlatformException(code,
                StatusCodes.Status400BadRequest, "申报信息有误", string.Join(" ", errors.Select(e => e.Message)), errors);
        }

        project.RegionCode = region;
        project.DepartmentCode = department;
        project.RecommenderOrganizationId = recommender!.Id;
        project.ProviderId = providerId;
        project.Level = input.Level ?? ProjectLevel.Municipal;
        project.Field = input.Field ?? ProjectField.General;
        project.CreditYear = input.CreditYear ?? input.EndDate!.Value.Year;
        project.StartDate = input.StartDate!.Value;
        project.EndDate = input.EndDate!.Value;
        project.Capacity = input.Capacity!.Value;
        project.Mode = input.Mode ?? DeliveryMode.Offline;
        project.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        var lines = ProjectInputValidator.Lines(input.Funding);
        project.SetFunding(lines[0], lines[1], lines[2], lines[3], lines[4], lines[5]);
        project.TargetTitleLevel = input.TargetTitleLevel;
        project.SubjectCategory = input.SubjectCategory;
        project.SubjectCode = string.IsNullOrWhiteSpace(input.SubjectCode) ? null : input.SubjectCode.Trim();
        project.DigitalFieldCode = string.IsNullOrWhiteSpace(input.DigitalFieldCode) ? null : input.DigitalFieldCode.Trim();
        project.EducationBaseId = input.EducationBaseId;
    }

    private async Task<string> NextNumberAsync(ProjectType type, int year, CancellationToken cancellationToken)
    {
        var prefix = ProjectNumbers.Prefix(type, year);
        var taken = await db.Projects.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter])
            .CountAsync(p => p.Number.StartsWith(prefix), cancellationToken).ConfigureAwait(false);
        return ProjectNumbers.Format(type, year, taken + 1);
    }
}

/// <summary>Project numbers: <c>XM{year}-{S|C|D|B}{sequence:0000}</c>.</summary>
public static class ProjectNumbers
{
    /// <summary>The prefix of a type's numbers in a year.</summary>
    public static string Prefix(ProjectType type, int year) => FormattableString.Invariant($"XM{year}-{Letter(type)}");

    /// <summary>The number <paramref name="sequence"/> of a type in a year.</summary>
    public static string Format(ProjectType type, int year, int sequence) => FormattableString.Invariant($"{Prefix(type, year)}{sequence:0000}");

    private static char Letter(ProjectType type) => type switch
    {
        ProjectType.AdvancedSeminar => 'S',
        ProjectType.CapacityBuilding => 'C',
        ProjectType.DigitalEngineer => 'D',
        _ => 'B',
    };
}
