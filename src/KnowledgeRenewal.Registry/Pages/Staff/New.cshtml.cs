using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.UseCases.Employers;
using KnowledgeRenewal.Registry.UseCases.Professionals;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Registry.Pages.Staff;

/// <summary>
/// <c>/staff/new</c>: registers a professional — <see cref="CreateProfessional"/>, the request, rules
/// (<see cref="ProfessionalRules"/>) and answers of <c>POST /api/registry/professionals</c>; each refused field's
/// message next to it. Region and sector are the employer's; the employer is one the caller may see (HR: its own).
/// </summary>
[Authorize(Roles = StaffPages.Roles)]
internal sealed class NewModel(IMediator mediator) : PlatformPageModel
{
    // Up to this many visible employers are offered as a list; beyond it the credit code is typed.
    private const int EmployerChoices = 100;

    /// <summary>The fields as typed.</summary>
    [BindProperty]
    public ProfessionalForm Input { get; set; } = new();

    /// <summary>The employers offered (null: too many, the code is typed).</summary>
    public IReadOnlyList<SelectListItem>? Employers { get; private set; }

    /// <summary>The title levels offered.</summary>
    public IReadOnlyList<SelectListItem> TitleLevels { get; } = StaffPages.TitleLevels("请选择");

    /// <summary>The education levels offered.</summary>
    public IReadOnlyList<SelectListItem> Educations { get; } = StaffPages.Educations("请选择");

    /// <summary>The statuses offered.</summary>
    public IReadOnlyList<SelectListItem> Statuses { get; } = StaffPages.Statuses("在职（默认）");

    /// <summary>Shows the form.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadEmployersAsync(cancellationToken).ConfigureAwait(false);
        if (Employers is [_, var only] && string.IsNullOrEmpty(Input.EmployerCreditCode))
        {
            Input.EmployerCreditCode = only.Value;
        }
    }

    /// <summary>Registers, or shows what to correct.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (ok, created) = await TrySendAsync(new CreateProfessional(Input.ToInput()), cancellationToken).ConfigureAwait(false);
            if (ok && created is not null)
            {
                return DoneAndRedirect($"/staff/{created.Value.Id:D}", $"已登记{created.Value.Name}。");
            }
        }
        catch (PlatformException problem) when (problem.Status == StatusCodes.Status403Forbidden)
        {
            // Registering outside the caller's scope (or a number registered there): the registry's own words.
            ModelState.AddModelError(FormProblems.FormKey, FormProblems.Humanize(problem.Detail ?? problem.Title));
        }

        await LoadEmployersAsync(cancellationToken).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() =>
        typeof(ProfessionalForm).GetProperties().Select(p => $"{nameof(Input)}.{p.Name}");

    private async Task LoadEmployersAsync(CancellationToken cancellationToken)
    {
        var employers = await mediator.Send(new ListEmployers(null, null, null, null, null, 1, EmployerChoices), cancellationToken).ConfigureAwait(false);
        Employers = employers.Total > EmployerChoices ? null : [new SelectListItem("请选择", ""), .. employers.Items.Select(e => new SelectListItem($"{e.Name}（{e.CreditCode}）", e.CreditCode))];
    }
}

/// <summary>The registration form (text as typed; the registry's rules check it).</summary>
internal sealed class ProfessionalForm
{
    /// <summary>身份证号.</summary>
    public string? IdNumber { get; set; }

    /// <summary>姓名.</summary>
    public string? Name { get; set; }

    /// <summary>手机号码.</summary>
    public string? Phone { get; set; }

    /// <summary>工作单位统一社会信用代码.</summary>
    public string? EmployerCreditCode { get; set; }

    /// <summary>职称系列.</summary>
    public string? TitleSeries { get; set; }

    /// <summary>职称级别.</summary>
    public string? TitleLevel { get; set; }

    /// <summary>专业.</summary>
    public string? Specialty { get; set; }

    /// <summary>最高学历.</summary>
    public string? Education { get; set; }

    /// <summary>人员状态.</summary>
    public string? Status { get; set; }

    /// <summary>The fields as the API receives them.</summary>
    public ProfessionalInput ToInput() => new()
    {
        IdNumber = IdNumber,
        Name = Name,
        Phone = Blank(Phone),
        EmployerCreditCode = EmployerCreditCode,
        TitleSeries = Blank(TitleSeries),
        TitleLevel = Blank(TitleLevel),
        Specialty = Blank(Specialty),
        Education = Education,
        Status = Blank(Status),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
