using System.Globalization;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Identity.Pages.Audit;

/// <summary>
/// <c>/audit</c>: the audit log, newest first, filtered by who (user name), action, time (China days, from/to
/// inclusive), object type and key, and outcome — all in the address — 50 a page (<see cref="ListAuditRecords"/>, as
/// <c>GET /api/audit/records</c>); the same filters export the log as xlsx (<see cref="ExportAuditRecords"/>, as
/// <c>GET /api/audit/records/export</c>).
/// </summary>
internal sealed class IndexModel(IMediator mediator) : AuditPageModel
{
    private const int PageSize = 50;
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The page of records (null when the filters were refused).</summary>
    public Paged<AuditRecord>? Records { get; private set; }

    /// <summary>Who acted (user name).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Who { get; set; }

    /// <summary>The action code.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    /// <summary>First day (China time), inclusive.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>Last day (China time), inclusive.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>The object type.</summary>
    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    /// <summary>The object key.</summary>
    [BindProperty(SupportsGet = true)]
    public string? EntityKey { get; set; }

    /// <summary>The outcome.</summary>
    [BindProperty(SupportsGet = true)]
    public AuditOutcome? Outcome { get; set; }

    /// <summary>Why the filters were refused, if they were.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>Whether any filter is set.</summary>
    public bool Filtered => Who is not null || Action is not null || From is not null || To is not null || EntityType is not null || EntityKey is not null || Outcome is not null;

    /// <summary>The export link with the same filters.</summary>
    public string ExportUrl => "/audit?handler=export&" + string.Join("&", Request.Query.Where(q => q.Key is not ("page" or "handler")).Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}"));

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        try
        {
            Records = await mediator.Send(Filter(Math.Max(1, page ?? 1), PageSize), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestValidationException problem)
        {
            Refused(problem);
        }
    }

    /// <summary>Exports the filtered log as xlsx.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        try
        {
            var file = await mediator.Send(new ExportAuditRecords(Filter(1, 1)), cancellationToken).ConfigureAwait(false);
            return File(file.Content, ExportAuditRecordsHandler.XlsxContentType, file.FileName);
        }
        catch (RequestValidationException problem)
        {
            Refused(problem);
            return Page();
        }
    }

    private void Refused(RequestValidationException problem)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Problems = [.. problem.Errors.Select(e => FormProblems.Humanize(e.Message)).Distinct(StringComparer.Ordinal)];
    }

    private ListAuditRecords Filter(int page, int pageSize)
    {
        Who = Blank(Who);
        Action = Blank(Action);
        EntityType = Blank(EntityType);
        EntityKey = Blank(EntityKey);
        return new ListAuditRecords(
            From is { } from ? Start(from) : null,
            To is { } to ? Start(to.AddDays(1)) : null,
            Action,
            null,
            Outcome,
            EntityType,
            page,
            pageSize,
            Who,
            EntityKey);
    }

    // The start of a China day, in UTC.
    private static DateTime Start(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - ChinaOffset, DateTimeKind.Utc);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A day for a date input.</summary>
    public static string? DayValue(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
