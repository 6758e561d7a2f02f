using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Bases;
using KnowledgeRenewal.Supervision.UseCases.Bases;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Supervision.Pages.Supervision;

/// <summary>
/// <c>/supervision/bases/{id}/scorecards/{year}/{indicator}</c>: the records an indicator counts
/// (<see cref="ListScorecardRecords"/>, as the API's), paged in the address.
/// </summary>
[Authorize(Roles = BaseAccess.ReaderRoles)]
internal sealed class RecordsModel(IMediator mediator) : BasePageModel
{
    /// <summary>Page.</summary>
    [BindProperty(Name = "page", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    /// <summary>The base.</summary>
    public BaseSupervisionView? Base { get; private set; }

    /// <summary>The records.</summary>
    public Paged<IndicatorRecord>? Result { get; private set; }

    /// <summary>The indicator.</summary>
    public string Indicator { get; private set; } = "";

    /// <summary>The year.</summary>
    public int Year { get; private set; }

    /// <summary>Loads them.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, int year, string indicator, CancellationToken cancellationToken)
    {
        if (!ProgramPeriod.Contains(year) || !AssessmentRules.Keys.Contains(indicator) || indicator == "inspection")
        {
            return NotFound();
        }

        Indicator = indicator;
        Year = year;
        try
        {
            Base = (await mediator.Send(new GetBaseSupervision(id), cancellationToken).ConfigureAwait(false)).Value;
            Result = await mediator.Send(new ListScorecardRecords(id, year, indicator, Math.Max(1, PageNumber)), cancellationToken).ConfigureAwait(false);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>What the list shows, in words.</summary>
    public string Explanation => Indicator switch
    {
        "trainees" => "本年度本基地培训班中审核通过的学时记录（同一人可有多条；考核表按人去重）。仅显示您权限范围内的人员。",
        "seminars" => "本年度由本基地承办、已获批准的高级研修项目。",
        "courses" => "本年度本基地培训班及其科目（平台尚无课程库，考核表按不同科目计数）。",
        "completion" => "本年度本基地已结束的培训班及名单审核情况。",
        _ => "本年度有学员评价的培训班（匿名，只显示份数）。",
    };
}
