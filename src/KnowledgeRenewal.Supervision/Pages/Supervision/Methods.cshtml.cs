using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Supervision.UseCases.Bases;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Supervision.Pages.Supervision;

/// <summary>
/// <c>/supervision/methods</c>: the assessment method's versions (<see cref="ListAssessmentMethods"/>) and, for the
/// program office, a new version prefilled from the one in force (<see cref="AddAssessmentMethod"/>).
/// </summary>
[Authorize(Roles = BaseAccess.ReaderRoles)]
internal sealed class MethodsModel(IMediator mediator) : BasePageModel
{
    /// <summary>The versions.</summary>
    public IReadOnlyList<AssessmentMethodView> Methods { get; private set; } = [];

    /// <summary>培训人数权重.</summary>
    [BindProperty] public int? TraineesWeight { get; set; }

    /// <summary>高级研修权重.</summary>
    [BindProperty] public int? SeminarsWeight { get; set; }

    /// <summary>课程权重.</summary>
    [BindProperty] public int? CoursesWeight { get; set; }

    /// <summary>结业率权重.</summary>
    [BindProperty] public int? CompletionWeight { get; set; }

    /// <summary>满意率权重.</summary>
    [BindProperty] public int? SatisfactionWeight { get; set; }

    /// <summary>检查结果权重.</summary>
    [BindProperty] public int? InspectionWeight { get; set; }

    /// <summary>高级研修目标.</summary>
    [BindProperty] public int? SeminarsTarget { get; set; }

    /// <summary>课程目标.</summary>
    [BindProperty] public int? CoursesTarget { get; set; }

    /// <summary>合格分数线.</summary>
    [BindProperty] public int? PassMark { get; set; }

    /// <summary>说明.</summary>
    [BindProperty]
    [DataType(DataType.MultilineText)]
    public string? Note { get; set; }

    /// <summary>Shows the versions and the form prefilled.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        if (Methods.Count > 0)
        {
            var m = Methods[0];
            (TraineesWeight, SeminarsWeight, CoursesWeight, CompletionWeight, SatisfactionWeight, InspectionWeight) =
                (m.TraineesWeight, m.SeminarsWeight, m.CoursesWeight, m.CompletionWeight, m.SatisfactionWeight, m.InspectionWeight);
            (SeminarsTarget, CoursesTarget, PassMark) = (m.SeminarsTarget, m.CoursesTarget, m.PassMark);
        }
    }

    /// <summary>Adds a version.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!IsOffice)
        {
            return Forbid();
        }

        var (ok, method) = await TrySendAsync(new AddAssessmentMethod(new AssessmentMethodInput
        {
            TraineesWeight = TraineesWeight,
            SeminarsWeight = SeminarsWeight,
            CoursesWeight = CoursesWeight,
            CompletionWeight = CompletionWeight,
            SatisfactionWeight = SatisfactionWeight,
            InspectionWeight = InspectionWeight,
            SeminarsTarget = SeminarsTarget,
            CoursesTarget = CoursesTarget,
            PassMark = PassMark,
            Note = Note,
        }), cancellationToken).ConfigureAwait(false);
        if (ok)
        {
            return DoneAndRedirect("/supervision/methods", $"考核办法第 {method!.Version} 版已生效，此后的考核按新版本计算；已有的考核结果保留原版本。");
        }

        await LoadAsync(cancellationToken).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() =>
        [nameof(TraineesWeight), nameof(SeminarsWeight), nameof(CoursesWeight), nameof(CompletionWeight), nameof(SatisfactionWeight), nameof(InspectionWeight), nameof(SeminarsTarget), nameof(CoursesTarget), nameof(PassMark), nameof(Note)];

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Methods = await mediator.Send(new ListAssessmentMethods(), cancellationToken).ConfigureAwait(false);
}
