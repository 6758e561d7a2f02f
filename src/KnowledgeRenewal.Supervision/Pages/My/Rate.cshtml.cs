using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.UseCases.Evaluations;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Supervision.Pages.My;

/// <summary><c>/my/evaluations/{classId}</c>: the professional rates a class once (<see cref="RateClass"/>, as <c>POST /api/supervision/classes/{id}/evaluation</c>).</summary>
[Authorize(Roles = PlatformRoles.Professional)]
internal sealed class RateModel(IMediator mediator) : PlatformPageModel
{
    /// <summary>The class.</summary>
    public MyClassToRate? Class { get; private set; }

    /// <summary>课程内容.</summary>
    [BindProperty] public new int? Content { get; set; }

    /// <summary>师资水平.</summary>
    [BindProperty] public int? Teacher { get; set; }

    /// <summary>组织服务.</summary>
    [BindProperty] public int? Organization { get; set; }

    /// <summary>实用性.</summary>
    [BindProperty] public int? Usefulness { get; set; }

    /// <summary>意见和建议.</summary>
    [BindProperty]
    [DataType(DataType.MultilineText)]
    public string? Comment { get; set; }

    /// <summary>The ratings as options.</summary>
    public static IEnumerable<SelectListItem> Ratings { get; } =
        [new("请选择", ""), new("5 分 很好", "5"), new("4 分 较好", "4"), new("3 分 一般", "3"), new("2 分 较差", "2"), new("1 分 很差", "1")];

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync(Guid classId, CancellationToken cancellationToken)
    {
        await LoadAsync(classId, cancellationToken).ConfigureAwait(false);
        if (Class is null)
        {
            return NotFound();
        }

        return Class.Rated ? DoneAndRedirect("/my/evaluations", "您已评价过该培训班。") : Page();
    }

    /// <summary>Submits the evaluation.</summary>
    public async Task<IActionResult> OnPostAsync(Guid classId, CancellationToken cancellationToken)
    {
        var (ok, _) = await TrySendAsync(new RateClass(classId, new EvaluationInput { Content = Content, Teacher = Teacher, Organization = Organization, Usefulness = Usefulness, Comment = Comment }), cancellationToken).ConfigureAwait(false);
        if (ok)
        {
            return DoneAndRedirect("/my/evaluations", "感谢您的评价。评价已匿名计入培训班和基地的满意率。");
        }

        await LoadAsync(classId, cancellationToken).ConfigureAwait(false);
        if (Class is null)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Content), nameof(Teacher), nameof(Organization), nameof(Usefulness), nameof(Comment)];

    private async Task LoadAsync(Guid classId, CancellationToken cancellationToken) =>
        Class = (await mediator.Send(new ListMyClassesToRate(), cancellationToken).ConfigureAwait(false)).FirstOrDefault(c => c.ClassId == classId);
}
