using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.Projects;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Programs.Pages.Office;

/// <summary>
/// <c>/office/projects/{id}</c>: a project as the program office handles it — where it stands in words, its full history
/// (people by their names), documents, expert reviews and scores, objections with their resolutions — and every step the
/// office may take now (<see cref="ListProjectActions"/>): each opens as its own form (<c>?act=approve</c>) that says what
/// happens, asks for what the step needs, and is sent as <c>POST /api/projects/{id}/{action}</c>
/// (<see cref="TransitionProject"/>) with the version shown; objections are resolved one by one
/// (<c>?objection={id}</c>, <see cref="ResolveObjection"/>). The use case's refusals appear next to the field.
/// </summary>
[Authorize(Roles = OfficeRoles)]
internal sealed class ProjectModel(IMediator mediator, TimeProvider clock, IReviewExpertPool pool) : OfficePageModel
{
    /// <summary>The project with its history and reviews.</summary>
    public ProjectDetail Detail { get; private set; } = null!;

    /// <summary>The steps the caller may take (or soon).</summary>
    public IReadOnlyList<ProjectActionOption> Actions { get; private set; } = [];

    /// <summary>The objections.</summary>
    public IReadOnlyList<ObjectionView> Objections { get; private set; } = [];

    /// <summary>Overdue at its step, if it is.</summary>
    public OverdueProject? Late { get; private set; }

    /// <summary>Where the notice stands today.</summary>
    public NoticePhase Phase { get; private set; }

    /// <summary>The step whose form is open.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Act { get; set; }

    /// <summary>The objection whose resolution form is open.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Objection { get; set; }

    /// <summary>The version shown (If-Match).</summary>
    [BindProperty]
    public string Version { get; set; } = "";

    /// <summary>The opinion or reason.</summary>
    [BindProperty]
    [DataType(DataType.MultilineText)]
    public string? Comment { get; set; }

    /// <summary>The upstream decision's reference number.</summary>
    [BindProperty]
    public string? ReferenceNumber { get; set; }

    /// <summary>The expert of the pool.</summary>
    [BindProperty]
    public Guid? ExpertId { get; set; }

    /// <summary>Narrows the pool's list by a text in the name, specialty or organization (the score form's search).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ExpertSearch { get; set; }

    /// <summary>The pool's active experts offered on the score form.</summary>
    public IReadOnlyList<ReviewExpert> Experts { get; private set; } = [];

    /// <summary>The pool's experts as the select's options (name, title, specialty, organization).</summary>
    public IEnumerable<SelectListItem> ExpertOptions =>
        [new SelectListItem("请选择专家", ""), .. Experts.Select(e => new SelectListItem($"{e.Name}（{e.Title}，{e.Specialty}，{e.OrganizationName}）", e.Id.ToString("D"), e.Id == ExpertId))];

    /// <summary>The expert's score.</summary>
    [BindProperty]
    public string? Score { get; set; }

    /// <summary>Uphold or dismiss an objection.</summary>
    [BindProperty]
    public string? Decision { get; set; }

    /// <summary>The resolution of an objection.</summary>
    [BindProperty]
    [DataType(DataType.MultilineText)]
    public string? Resolution { get; set; }

    /// <summary>The open step, when it is one the caller may take now.</summary>
    public ProjectActionOption? OpenAction => Actions.FirstOrDefault(a => a.Open && a.Action == Act);

    /// <summary>The open objection, when it is pending and the notice runs.</summary>
    public ObjectionView? OpenObjection => Detail.Project.Status == ProjectStatus.PublicNotice
        ? Objections.FirstOrDefault(o => o.Id == Objection && o.Status == ObjectionStatus.Pending)
        : null;

    /// <summary>Shows the project.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, keepVersion: false, cancellationToken).ConfigureAwait(false) ? Page() : NotFound();

    /// <summary>Takes the open step.</summary>
    public async Task<IActionResult> OnPostStepAsync(Guid id, CancellationToken cancellationToken)
    {
        int? score = null;
        if (!string.IsNullOrWhiteSpace(Score))
        {
            if (int.TryParse(Score.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                score = parsed;
            }
            else
            {
                ModelState.AddModelError(nameof(Score), $"专家评分应为 0 至 {ProjectReview.MaxScore} 之间的整数");
            }
        }

        if (ModelState.IsValid)
        {
            var body = new TransitionBody(Blank(Comment), Blank(ReferenceNumber), null, ExpertId, score);
            if (await SendAsync(new TransitionProject(id, Act, Version, body), cancellationToken).ConfigureAwait(false))
            {
                var name = ProjectLabels.ParseAction(Act) is { } action ? ProjectLabels.Action(action) : Act;
                return DoneAndRedirect($"/office/projects/{id:D}", $"已完成“{name}”。");
            }
        }

        return await AgainAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Resolves the open objection.</summary>
    public async Task<IActionResult> OnPostResolveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Objection is not { } objection)
        {
            return NotFound();
        }

        if (await SendAsync(new ResolveObjection(id, objection, Version, new ResolveObjectionBody(Decision, Resolution)), cancellationToken).ConfigureAwait(false))
        {
            return DoneAndRedirect($"/office/projects/{id:D}#objections", ObjectionDecisions.Parse(Decision) == true
                ? "已认定异议成立，项目未通过。"
                : "已认定异议不成立，处理意见已记录。");
        }

        return await AgainAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The history's comment column: the comment, the reference number, or the expert's score.</summary>
    public static string Opinion(ProjectTransitionView step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var parts = new List<string>();
        if (step.ExpertName is not null)
        {
            parts.Add($"专家 {step.ExpertName} 评分 {step.ExpertScore}");
        }

        if (step.ReferenceNumber is not null)
        {
            parts.Add($"批复文号 {step.ReferenceNumber}");
        }

        if (step.Comment is not null)
        {
            parts.Add(step.Comment);
        }

        return parts.Count == 0 ? "--" : string.Join("；", parts);
    }

    /// <summary>What happens when the step is taken, in words.</summary>
    public static string Consequence(ProjectActionOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return option.Action switch
        {
            "return" => "项目退回申报单位修改，回到草稿；修改后须重新提交、重新推荐。",
            "start-review" => "项目进入专家评审，录入专家评分后可作出评审结论。",
            "score" => "录入一位专家的评分和评审意见；同一专家只能录入一次，录入后不能修改。",
            "approve" => "项目批准立项，随后可开始公示。",
            "reject" => "项目终止，不能再修改后重新提交。",
            "recommend-upward" => "项目报送上级人社部门评审，待上级批复后登记结果。",
            "record-upstream-approval" => "登记上级批准，项目批准立项，随后可开始公示。",
            "record-upstream-rejection" => "登记上级未批准，项目终止。",
            "start-notice" => "项目在“项目公示”页面公开，公示期内任何人可以提出异议。",
            "publish" => "公示期满、异议处理完毕，项目正式发布，申报单位或承办单位可开班实施。",
            "archive" => "项目归档，此后不能再进行任何操作。",
            _ => $"项目将变为“{option.ToStatusName}”。",
        };
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Comment), nameof(ReferenceNumber), nameof(ExpertId), nameof(Score), nameof(Decision), nameof(Resolution)];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // Sends the step; a refusal that names the field the step needs (a reason, a reference number) goes next to it.
    private async Task<bool> SendAsync<T>(IRequest<T> request, CancellationToken cancellationToken)
    {
        try
        {
            await mediator.Send(request, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PlatformException problem) when (problem.Status is >= 400 and < 500 and not 401 and not 403 and not 404 && problem.Errors.Count == 0
            && FieldOf(problem.Code) is { } field)
        {
            ModelState.AddModelError(field, FormProblems.Humanize(problem.Detail ?? problem.Title));
            return false;
        }
        catch (PlatformException problem) when (problem.Status is >= 400 and < 500 and not 401 and not 404)
        {
            FormProblems.Apply(ModelState, problem, FormFields(), new Dictionary<string, string> { ["resolution"] = nameof(Resolution), ["decision"] = nameof(Decision), ["expertId"] = nameof(ExpertId) });
            return false;
        }
    }

    private static string? FieldOf(string code) => code switch
    {
        ProjectProblemCodes.CommentRequired => nameof(Comment),
        ProjectProblemCodes.ReferenceRequired => nameof(ReferenceNumber),
        ProjectProblemCodes.DuplicateReview or ProjectProblemCodes.ExpertConflict or ProjectProblemCodes.UnknownExpert => nameof(ExpertId),
        _ => null,
    };

    private async Task<IActionResult> AgainAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, keepVersion: true, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, bool keepVersion, CancellationToken cancellationToken)
    {
        try
        {
            var found = await mediator.Send(new GetProject(id), cancellationToken).ConfigureAwait(false);
            Detail = found.Value;
            if (!keepVersion || string.IsNullOrEmpty(Version))
            {
                Version = EntityTag.Format(found.Stamp);
            }
        }
        catch (PlatformException problem) when (problem.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }

        Actions = await mediator.Send(new ListProjectActions(id), cancellationToken).ConfigureAwait(false);
        Objections = await mediator.Send(new ListObjections(id), cancellationToken).ConfigureAwait(false);
        Late = (await mediator.Send(new ListOverdueProjects(), cancellationToken).ConfigureAwait(false)).FirstOrDefault(o => o.Id == id);
        if (OpenAction is { NeedsScore: true })
        {
            Experts = await pool.ListAsync(Blank(ExpertSearch), cancellationToken).ConfigureAwait(false);
        }

        Phase = PublicNoticePeriod.Phase(Detail.Project.NoticeStart, Detail.Project.NoticeEnd, ProgramCalendar.Today(clock));
        return true;
    }
}
