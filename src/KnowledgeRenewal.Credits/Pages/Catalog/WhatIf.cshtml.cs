using System.Globalization;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Credits.Pages.Catalog;

/// <summary>
/// <c>/catalog/what-if</c> 规则调整模拟: a draft of the scope's rules, started from the set in force, tried on a past
/// year's people — <see cref="RunWhatIf"/>, the use case of <c>POST /api/compliance/what-if</c>, with its checks shown
/// next to the fields and its answer (counts before and after, who would newly meet or no longer meet the requirement,
/// a masked sample) shown under the form.
/// </summary>
/// <remarks>
/// The run is sent as a POST (with the antiforgery token) and answered with the page itself, not a redirect: it writes
/// nothing, so sending it again on a refresh is harmless, and the draft's many numbers stay out of the address (and so
/// out of logs, history and shared links) — which a GET with the draft in the query string would not.
/// </remarks>
[Authorize(Roles = Roles)]
internal sealed class WhatIfModel(IMediator mediator, TimeProvider clock) : CatalogPageModel(mediator, clock)
{
    /// <summary>People shown in the sample.</summary>
    public const int SampleSize = 20;

    /// <summary>The draft as typed.</summary>
    [BindProperty]
    public WhatIfForm Input { get; set; } = new();

    /// <summary>The set the draft starts from: the one in force today (else the latest).</summary>
    public RuleSetText? Basis => InForce ?? (Sets.Count > 0 ? Sets[^1] : null);

    /// <summary>The run's answer (after a successful POST).</summary>
    public WhatIfResult? Result { get; private set; }

    /// <summary>The years that may be tried: the program's years that have ended, latest first.</summary>
    public IReadOnlyList<int> Years => [.. Enumerable.Range(ProgramPeriod.FirstYear, Math.Max(0, Math.Min(ProgramPeriod.LastYear, Today.Year - 1) - ProgramPeriod.FirstYear + 1)).Reverse()];

    /// <summary>The years as options.</summary>
    public IEnumerable<SelectListItem> YearItems => Years.Select(y => new SelectListItem($"{y} 年", y.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The form filled with the set in force, for last year.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadScopeAsync(cancellationToken).ConfigureAwait(false);
        if (Basis is { } basis && Selected is { } scope)
        {
            Input = WhatIfForm.Of(basis.Set, scope.CreditClasses, Years.FirstOrDefault(Today.Year - 1));
        }
    }

    /// <summary>Runs the draft and shows the answer, or what to correct.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadScopeAsync(cancellationToken).ConfigureAwait(false);
        if (Basis is not { } basis || Selected is not { } scope)
        {
            return Page();
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["scope"] = nameof(Scope), ["year"] = "Input.Year", ["sample"] = "" };
        var draft = Input.ToDraft(basis.Set, ModelState, fields);
        int? year = int.TryParse(Input.Year, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) ? y : null;
        if (draft is null)
        {
            return Page();
        }

        var (ok, result) = await TrySendAsync(new RunWhatIf(new WhatIfBody { Scope = scope.Key, Year = year, RuleSet = draft, Sample = SampleSize }), cancellationToken, fields).ConfigureAwait(false);
        Result = ok ? result : null;
        return Page();
    }

    /// <summary>A region's name.</summary>
    public static string RegionName(string code) => JiningReferenceData.Regions.FirstOrDefault(r => r.Code == code)?.Name ?? code;

    /// <summary>A count with separators.</summary>
    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A change with its sign: 「+3」「-2」「0」.</summary>
    public static string Change(int before, int after) => (after - before) switch
    {
        > 0 and var d => "+" + Count(d),
        var d => Count(d),
    };
}
