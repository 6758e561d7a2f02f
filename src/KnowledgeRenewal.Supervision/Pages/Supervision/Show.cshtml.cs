using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Bases;
using KnowledgeRenewal.Supervision.UseCases.Bases;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Supervision.Pages.Supervision;

/// <summary>
/// <c>/supervision/bases/{id}</c>: a base's designations, status history and assessments (<see cref="GetBaseSupervision"/>);
/// the program office changes its status with a reason (<see cref="ChangeBaseStatus"/>; a revocation confirmed first)
/// and assesses a year (<see cref="AssessBase"/>) — the same requests as the API.
/// </summary>
[Authorize(Roles = BaseAccess.ReaderRoles)]
internal sealed class ShowModel(IMediator mediator, TimeProvider clock) : BasePageModel
{
    /// <summary>The base.</summary>
    public BaseSupervisionView? Base { get; private set; }

    /// <summary>The version read.</summary>
    [BindProperty]
    public string Version { get; set; } = "";

    /// <summary>The new status.</summary>
    [BindProperty]
    public BaseStatus? NewStatus { get; set; }

    /// <summary>Why.</summary>
    [BindProperty]
    [DataType(DataType.MultilineText)]
    public string? Reason { get; set; }

    /// <summary>Whether the revocation was confirmed.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>The year to assess.</summary>
    [BindProperty]
    public int AssessYear { get; set; }

    /// <summary>The assessor's note.</summary>
    [BindProperty]
    [DataType(DataType.MultilineText)]
    public string? Note { get; set; }

    /// <summary>Why the base exits (the exit notice).</summary>
    [BindProperty]
    [DataType(DataType.MultilineText)]
    public string? ExitReason { get; set; }

    /// <summary>The exit notice acted on.</summary>
    [BindProperty]
    public Guid? ExitId { get; set; }

    /// <summary>The exit notice's version read (to conclude).</summary>
    [BindProperty]
    public string? ExitVersion { get; set; }

    /// <summary>The objection answered.</summary>
    [BindProperty]
    public Guid? ObjectionId { get; set; }

    /// <summary>Whether the objection holds.</summary>
    [BindProperty]
    public bool? Uphold { get; set; }

    /// <summary>The answer to the objection.</summary>
    [BindProperty]
    [DataType(DataType.MultilineText)]
    public string? Resolution { get; set; }

    /// <summary>The objection whose objector's full phone is asked for.</summary>
    [BindProperty]
    public Guid? ContactObjectionId { get; set; }

    /// <summary>Why the full phone is needed (audited).</summary>
    [BindProperty]
    public string? Purpose { get; set; }

    /// <summary>The objector's full contact, on the response that asked for it only.</summary>
    public BaseExitObjectorContact? Contact { get; private set; }

    /// <summary>The other bases of an exchange.</summary>
    [BindProperty]
    public List<Guid> Partners { get; set; } = [];

    /// <summary>The exchange's day.</summary>
    [BindProperty]
    public DateOnly? HeldOn { get; set; }

    /// <summary>The exchange's kind.</summary>
    [BindProperty]
    public BaseExchangeKind? Kind { get; set; }

    /// <summary>The exchange's topic.</summary>
    [BindProperty]
    public string? Topic { get; set; }

    /// <summary>People who took part.</summary>
    [BindProperty]
    public int? Participants { get; set; }

    /// <summary>A note on the exchange.</summary>
    [BindProperty]
    [DataType(DataType.MultilineText)]
    public string? ExchangeNote { get; set; }

    /// <summary>The other bases the office may name in an exchange.</summary>
    public IReadOnlyList<BaseRow> OtherBases { get; private set; } = [];

    /// <summary>The exchange kinds.</summary>
    public static IEnumerable<SelectListItem> Kinds =>
        [new("请选择", ""), .. Enum.GetValues<BaseExchangeKind>().Select(k => new SelectListItem(BaseExchangeRules.Label(k), k.ToString()))];

    /// <summary>The exit notice running, if any.</summary>
    public BaseExitView? RunningExit => Base?.Exits.FirstOrDefault(e => e.Status == BaseExitStatus.InNotice);

    /// <summary>A notice's phase in words.</summary>
    public static string PhaseText(KnowledgeRenewal.Programs.Domain.NoticePhase phase) => phase switch
    {
        KnowledgeRenewal.Programs.Domain.NoticePhase.NotStarted => "待公示",
        KnowledgeRenewal.Programs.Domain.NoticePhase.Open => "公示中",
        _ => "公示期满",
    };

    /// <summary>Whether the office may start an exit notice now.</summary>
    public bool MayStartExit => Base is { } b && RunningExit is null && b.Assessments.Count > 0 && BaseExitRules.MayStart(b.Status, b.Assessments[0].ProposedExit);

    /// <summary>The pending objections of the running exit, as choices.</summary>
    public IEnumerable<SelectListItem> PendingObjections => RunningExit is { } e
        ? e.Objections.Where(o => o.Status == BaseExitObjectionStatus.Pending).Select(o => new SelectListItem($"{Local(o.FiledAt)}：{(o.Reason.Length > 30 ? o.Reason[..30] + "…" : o.Reason)}", o.Id.ToString()))
        : [];

    /// <summary>Every objection of every exit, as choices (the program office asks for an objector's full phone).</summary>
    public IEnumerable<SelectListItem> AllObjections => Base is { } b
        ? b.Exits.SelectMany(e => e.Objections).Select(o => new SelectListItem($"{o.ContactName}（{Local(o.FiledAt)}）", o.Id.ToString()))
        : [];

    /// <summary>Whether the page asks to confirm a revocation.</summary>
    public bool Confirming { get; private set; }

    /// <summary>The current year.</summary>
    public int ThisYear { get; private set; }

    /// <summary>The statuses the base may go to now.</summary>
    public IEnumerable<SelectListItem> NextStatuses => Base is null ? [] :
        [new("请选择", ""), .. Enum.GetValues<BaseStatus>().Where(s => BaseStatusRules.Allowed(Base.Status, s)).Select(s => new SelectListItem(StatusText(s), s.ToString()))];

    /// <summary>Years that can be assessed.</summary>
    public IEnumerable<SelectListItem> AssessYears => Years(ThisYear).Select(y => new SelectListItem($"{y} 年度", y.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Shows the base.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, keepVersion: false, cancellationToken).ConfigureAwait(false) ? Page() : NotFound();

    /// <summary>Changes the status (a revocation after a confirmation).</summary>
    public async Task<IActionResult> OnPostStatusAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!IsOffice)
        {
            return Forbid();
        }

        if (NewStatus == BaseStatus.Revoked && !Confirmed && !string.IsNullOrWhiteSpace(Reason))
        {
            Confirming = true;
            return await LoadAsync(id, keepVersion: true, cancellationToken).ConfigureAwait(false) ? Page() : NotFound();
        }

        var (ok, _) = await TrySendAsync(new ChangeBaseStatus(id, Version, new BaseStatusInput(NewStatus, Reason)), cancellationToken).ConfigureAwait(false);
        if (ok)
        {
            return DoneAndRedirect($"/supervision/bases/{id}", $"基地状态已变更为“{StatusText(NewStatus!.Value)}”。");
        }

        return await AgainAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Assesses a year.</summary>
    public async Task<IActionResult> OnPostAssessAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!IsOffice)
        {
            return Forbid();
        }

        var (ok, assessment) = await TrySendAsync(new AssessBase(id, AssessYear, new AssessInput(Note)), cancellationToken).ConfigureAwait(false);
        if (ok)
        {
            var result = $"{assessment!.Year} 年度考核完成：{Number(assessment.Score)} 分，{(assessment.Passed ? "合格" : "不合格")}（考核办法第 {assessment.MethodVersion} 版）。";
            return DoneAndRedirect($"/supervision/bases/{id}", assessment.ProposedExit ? result + "该基地连续两年不合格，建议退出。" : result);
        }

        return await AgainAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Puts the base to exit notice (<see cref="StartBaseExit"/>).</summary>
    public async Task<IActionResult> OnPostExitAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!IsOffice)
        {
            return Forbid();
        }

        var (ok, exit) = await TrySendAsync(new StartBaseExit(id, new BaseExitInput(ExitReason)), cancellationToken,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["reason"] = nameof(ExitReason) }).ConfigureAwait(false);
        return ok
            ? DoneAndRedirect($"/supervision/bases/{id}", $"已开始退出公示：{Day(exit!.NoticeStart)} ～ {Day(exit.NoticeEnd)}。公示期满且无成立的异议后，可办结退出。")
            : await AgainAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers an objection (<see cref="ResolveBaseExitObjection"/>).</summary>
    public async Task<IActionResult> OnPostResolveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!IsOffice)
        {
            return Forbid();
        }

        var (ok, _) = await TrySendAsync(new ResolveBaseExitObjection(ExitId ?? Guid.Empty, ObjectionId ?? Guid.Empty, new BaseExitResolutionInput(Uphold, Resolution)), cancellationToken).ConfigureAwait(false);
        return ok
            ? DoneAndRedirect($"/supervision/bases/{id}", Uphold == true ? "异议成立，已撤回该基地的退出。" : "异议不成立，已记录处理意见。")
            : await AgainAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Concludes the exit after the notice (<see cref="ConcludeBaseExit"/>).</summary>
    public async Task<IActionResult> OnPostConcludeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!IsOffice)
        {
            return Forbid();
        }

        var (ok, _) = await TrySendAsync(new ConcludeBaseExit(ExitId ?? Guid.Empty, ExitVersion), cancellationToken).ConfigureAwait(false);
        return ok
            ? DoneAndRedirect($"/supervision/bases/{id}", "退出公示期满、无成立的异议，基地已退出。")
            : await AgainAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Shows an objector's full phone (<see cref="RevealBaseExitObjectionContact"/>, audited), on this response only.</summary>
    public async Task<IActionResult> OnPostContactAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!IsOffice)
        {
            return Forbid();
        }

        Response.Headers.CacheControl = "no-store";
        if (!await LoadAsync(id, keepVersion: false, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        var noticeId = Base!.Exits.FirstOrDefault(e => e.Objections.Any(o => o.Id == ContactObjectionId))?.Id;
        bool ok;
        try
        {
            (ok, Contact) = await TrySendAsync(new RevealBaseExitObjectionContact(noticeId ?? Guid.Empty, ContactObjectionId ?? Guid.Empty, Purpose), cancellationToken,
                new Dictionary<string, string>(StringComparer.Ordinal) { ["purpose"] = nameof(Purpose) }).ConfigureAwait(false);
        }
        catch (PlatformException problem) when (problem.Status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound)
        {
            ModelState.AddModelError(nameof(ContactObjectionId), problem.Status == StatusCodes.Status404NotFound
                ? "请选择要查看的异议。"
                : FormProblems.Humanize($"{problem.Title}：{problem.Detail}"));
            ok = false;
        }
        if (!ok)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }

    /// <summary>Records an exchange of this base with others (<see cref="RecordBaseExchange"/>).</summary>
    public async Task<IActionResult> OnPostExchangeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!IsOffice)
        {
            return Forbid();
        }

        var input = new BaseExchangeInput([id, .. Partners.Where(p => p != id)], HeldOn, Kind, Topic, Participants, ExchangeNote);
        var (ok, _) = await TrySendAsync(new RecordBaseExchange(input), cancellationToken,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["baseIds"] = nameof(Partners), ["note"] = nameof(ExchangeNote) }).ConfigureAwait(false);
        return ok
            ? DoneAndRedirect($"/supervision/bases/{id}#exchanges", "已记录交流合作。")
            : await AgainAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() =>
        [nameof(NewStatus), nameof(Reason), nameof(AssessYear), nameof(Note), nameof(ExitReason), nameof(ObjectionId), nameof(Uphold), nameof(Resolution), nameof(ExitVersion),
            nameof(Partners), nameof(HeldOn), nameof(Kind), nameof(Topic), nameof(Participants), nameof(ExchangeNote),
            nameof(ContactObjectionId), nameof(Purpose)];

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
        ThisYear = ProgramCalendar.Today(clock).Year;
        if (AssessYear == 0)
        {
            AssessYear = Math.Min(ThisYear, ProgramPeriod.LastYear);
        }

        try
        {
            var versioned = await mediator.Send(new GetBaseSupervision(id), cancellationToken).ConfigureAwait(false);
            Base = versioned.Value;
            if (IsOffice)
            {
                var others = await mediator.Send(new ListBases(null, null, false, 1, 100), cancellationToken).ConfigureAwait(false);
                OtherBases = [.. others.Items.Where(o => o.Id != id)];
            }

            if (RunningExit is { } running && (!keepVersion || string.IsNullOrEmpty(ExitVersion)))
            {
                ExitVersion = running.ETag;
            }

            if (!keepVersion || string.IsNullOrEmpty(Version))
            {
                Version = EntityTag.Format(versioned.Stamp);
            }

            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
