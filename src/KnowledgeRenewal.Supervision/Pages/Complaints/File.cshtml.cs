using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.UseCases.Complaints;
using KnowledgeRenewal.Supervision.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.RateLimiting;

namespace KnowledgeRenewal.Supervision.Pages.Complaints;

/// <summary>
/// <c>/complaints</c>: anyone files a complaint (投诉) without signing in — against a project, class, training provider or
/// base, named as published — with a contact kept private (<see cref="FileComplaint"/>, as
/// <c>POST /api/public/complaints</c>; rate-limited per client address). After filing, the confirmation page shows the
/// lookup code once.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ComplaintLimits.Policy)]
internal sealed class FileModel : PlatformPageModel
{
    /// <summary>TempData key of the receipt shown on the confirmation page.</summary>
    public const string ReceiptKey = "kr.complaint.receipt";

    /// <summary>The form.</summary>
    [BindProperty]
    public ComplaintForm Input { get; set; } = new();

    /// <summary>The kinds, in words.</summary>
    public static IEnumerable<SelectListItem> Kinds =>
        [new("请选择", ""), .. Enum.GetValues<SupervisedObjectKind>().OrderBy(k => k == SupervisedObjectKind.Class ? 1 : k == SupervisedObjectKind.Project ? 0 : 2)
            .Select(k => new SelectListItem(ComplaintLabels.Kind(k), k.ToString()))];

    /// <summary>Shows the form.</summary>
    public void OnGet() => Response.Headers.CacheControl = "no-store";

    /// <summary>Files the complaint, then shows the confirmation.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        SupervisedObjectKind? kind = Enum.TryParse<SupervisedObjectKind>(Input.ObjectKind, out var k) && !int.TryParse(Input.ObjectKind, out _) && Enum.IsDefined(k) ? k : null;
        var (ok, receipt) = await TrySendAsync(new FileComplaint(new ComplaintInput(kind, Input.ObjectReference, Input.Subject, Input.Content, Input.ContactName, Input.ContactPhone)), cancellationToken)
            .ConfigureAwait(false);
        if (!ok)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        TempData[ReceiptKey] = $"{receipt!.Code}|{receipt.AssignBy:yyyy-MM-dd}";
        return RedirectToPage("Filed");
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() =>
        ["Input.ObjectKind", "Input.ObjectReference", "Input.Subject", "Input.Content", "Input.ContactName", "Input.ContactPhone"];
}

/// <summary>The complaint form.</summary>
internal sealed class ComplaintForm
{
    /// <summary>投诉对象类型 (posted as the enum's name).</summary>
    public string? ObjectKind { get; set; }

    /// <summary>对象名称或项目编号.</summary>
    public string? ObjectReference { get; set; }

    /// <summary>投诉事项.</summary>
    public string? Subject { get; set; }

    /// <summary>具体情况.</summary>
    [DataType(DataType.MultilineText)]
    public string? Content { get; set; }

    /// <summary>联系人.</summary>
    public string? ContactName { get; set; }

    /// <summary>联系电话.</summary>
    public string? ContactPhone { get; set; }
}
