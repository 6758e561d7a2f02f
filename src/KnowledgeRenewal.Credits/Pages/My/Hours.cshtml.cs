using System.Globalization;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Credits.UseCases.TitleRecords;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Pages.My;

/// <summary>
/// <c>/my/hours</c> (我的学时): the professional's compliance with the cycle of the chosen year (this year by default) —
/// progress against the rule set in force, per category and credit class, what is still missing — the year's records
/// with their source and how the rules counted them, the stored cycles of earlier years, and the transcript download
/// (<c>/my/hours/transcript</c>) and the title-evaluation record (<c>/my/hours/title-record</c>, as
/// <c>GET /api/professionals/{id}/title-record</c>). The same use cases as <c>/api/professionals/{id}/compliance</c> and
/// <c>/api/professionals/{id}/transcript</c>, for the caller's own record.
/// </summary>
[Authorize(Roles = PlatformRoles.Professional)]
internal sealed class HoursModel(IMediator mediator, TimeProvider clock) : PlatformPageModel
{
    /// <summary>The year shown.</summary>
    public int Year { get; private set; }

    /// <summary>The title-evaluation record's first year (the export form).</summary>
    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    /// <summary>The title-evaluation record's last year (the export form).</summary>
    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    /// <summary>The title-evaluation record's format: xlsx or json.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    /// <summary>This year (China time).</summary>
    public int ThisYear { get; private set; }

    /// <summary>Whether the account is linked to a person in the registry.</summary>
    public bool HasRecord { get; private set; } = true;

    /// <summary>The compliance of the year's cycle, explained (null when the year was refused).</summary>
    public ComplianceExplanation? Compliance { get; private set; }

    /// <summary>The transcript's year shown (null: no record that year).</summary>
    public TranscriptYear? Records { get; private set; }

    /// <summary>The years to choose from, newest first.</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>The stored cycles, newest first.</summary>
    public IReadOnlyList<ComplianceCycleView> Cycles { get; private set; } = [];

    /// <summary>How the rules treated each record of the cycle, by record.</summary>
    public IReadOnlyDictionary<Guid, RecordVerdictView> Verdicts { get; private set; } = new Dictionary<Guid, RecordVerdictView>();

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        ThisYear = ProgramCalendar.Today(clock).Year;
        Year = year ?? ThisYear;
        From ??= ProgramPeriod.FirstYear;
        To ??= Math.Clamp(ThisYear, ProgramPeriod.FirstYear, ProgramPeriod.LastYear);
        if (await mediator.Send(new FindMyProfessional(), cancellationToken).ConfigureAwait(false) is not { } id)
        {
            HasRecord = false;
            return;
        }

        var transcript = await mediator.Send(new GetTranscript(id), cancellationToken).ConfigureAwait(false);
        Years = [.. Enumerable.Range(ProgramPeriod.FirstYear, Math.Max(0, ThisYear - ProgramPeriod.FirstYear + 1))
            .Concat(transcript.Years.Select(y => y.Year).Where(y => y <= ThisYear))
            .Distinct()
            .OrderByDescending(y => y)];
        Records = transcript.Years.FirstOrDefault(y => y.Year == Year);
        Cycles = [.. (await mediator.Send(new ListComplianceCycles(id), cancellationToken).ConfigureAwait(false)).OrderByDescending(c => c.CycleStart)];

        var (ok, compliance) = await TrySendAsync(new ExplainCompliance(id, Year), cancellationToken).ConfigureAwait(false);
        if (ok && compliance is not null)
        {
            Compliance = compliance;
            Verdicts = compliance.Records.ToDictionary(r => r.Id);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>The transcript (学时档案) as xlsx: every year, every record (audited as an export).</summary>
    public async Task<IActionResult> OnGetTranscriptAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new FindMyProfessional(), cancellationToken).ConfigureAwait(false) is not { } id)
        {
            return NotFound();
        }

        var file = await mediator.Send(new ExportTranscript(id), cancellationToken).ConfigureAwait(false);
        return File(file.Content, ImportWorkbooks.XlsxContentType, file.FileName);
    }

    /// <summary>
    /// The title-evaluation record (职称评审继续教育记录) of <see cref="From"/>–<see cref="To"/> as xlsx or signed JSON
    /// (audited as an export); a refused period shows the page again with the message next to the field.
    /// </summary>
    public async Task<IActionResult> OnGetTitleRecordAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new FindMyProfessional(), cancellationToken).ConfigureAwait(false) is not { } id)
        {
            return NotFound();
        }

        var (ok, file) = await TrySendAsync(new ExportTitleRecord(id, From, To, Format), cancellationToken).ConfigureAwait(false);
        if (ok && file is not null)
        {
            return File(file.Content, file.ContentType, file.FileName);
        }

        await OnGetAsync(null, cancellationToken).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(From), nameof(To), nameof(Format)];

    /// <summary>Hours or credits as shown (no trailing zeros, thousands separated).</summary>
    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>An amount with its unit, <c>18 学时</c>.</summary>
    public static string Show(Amount? amount) => amount is null ? "--" : $"{Number(amount.Value)} {amount.Unit}";

    /// <summary>A share of a requirement met, 0–100, for a progress bar.</summary>
    public static int Percent(Amount counted, Amount? required) =>
        required is not { Value: > 0 } needed ? 100 : (int)Math.Min(100m, Math.Floor(counted.Value * 100m / needed.Value));

    /// <summary>A year as text.</summary>
    public static string Text(int year) => year.ToString(CultureInfo.InvariantCulture);
}
