using System.Text.Json.Nodes;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Certificates;
using KnowledgeRenewal.Credits.UseCases.TitleRecords;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Web;

/// <summary>
/// The title-evaluation export (职称评审继续教育记录, ADR 0029): a person's record as xlsx or signed JSON, an employer's
/// staff as xlsx, and the public check of a signed document. Access is the compliance rule: a person's record for
/// <see cref="ComplianceAccess.PersonReaders"/>, an employer's staff for <see cref="ComplianceAccess.SummaryReaders"/>,
/// both cut by the data layer's scope (404 outside it).
/// </summary>
internal static class TitleRecordsApi
{
    private const string Tag = "职称评审 (title-evaluation records)";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapTitleRecordsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/professionals/{id:guid}/title-record", async (Guid id, int? from, int? to, string? format, bool? unmask, string? purpose, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var file = await mediator.Send(new ExportTitleRecord(id, from, to, format, unmask ?? false, purpose), ct).ConfigureAwait(false);
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .WithTags(Tag)
            .RequireAuthorization(policy => policy.RequireRole(ComplianceAccess.PersonReaders))
            .WithName("ExportTitleRecord")
            .WithSummary($"The person's continuing-education record for a title committee over the credit years `from`–`to` ({ProgramPeriod.FirstYear}–{ProgramPeriod.LastYear}; default {ProgramPeriod.FirstYear} to this year): approved hours per year and category (public / professional), pending hours, stored compliance per cycle, certificates with their public verification links. `format` = xlsx (default; sheets 学时, 达标, 证书, 说明) or json (the signed document: `record` signed with ES256 by the credential key over its RFC 8785 canonical form, `signature` with alg, kid, keySetUrl, verifyUrl and value — check it at POST /api/public/title-records/verify or offline with GET /api/public/credential-keys). ID number and phone masked; `unmask=true` with `purpose` shows them to the person themself or an account holding the unmask permission (else 403 personal_data.unmask_forbidden), audited. Bad years: 400 title_record.year_outside_program / title_record.period_reversed. The person, their employer, the county/department over them and the program office; 404 for anyone else. Audited (data.export).")
            .Produces(StatusCodes.Status200OK, contentType: TitleRecordViews.XlsxContentType)
            .Produces(StatusCodes.Status200OK, contentType: TitleRecordViews.JsonContentType);

        endpoints.MapGet("/api/employers/{id:guid}/title-records", async (Guid id, int? from, int? to, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var file = await mediator.Send(new ExportStaffTitleRecords(id, from, to), ct).ConfigureAwait(false);
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .WithTags(Tag)
            .RequireAuthorization(policy => policy.RequireRole(ComplianceAccess.SummaryReaders))
            .WithName("ExportStaffTitleRecords")
            .WithSummary("The title-evaluation records of the employer's staff over `from`–`to` as one xlsx (one row per person and year in 学时, per cycle in 达标, per certificate in 证书 with its verification link), ID numbers masked. Employer HR its own staff, a county its region's employers, a department its sector's, the program office any; 404 for an employer the caller may not see. Audited (data.export).")
            .Produces(StatusCodes.Status200OK, contentType: TitleRecordViews.XlsxContentType);

        endpoints.MapPost(TitleRecordRules.VerifyPath, ([FromBody] JsonNode? document, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                return mediator.Send(new VerifyTitleRecord(document), ct);
            })
            .WithTags(Tag)
            .AllowAnonymous()
            .RequireRateLimiting(CertificateVerificationLimits.Policy)
            .WithName("VerifyTitleRecord")
            .WithSummary("Public check (no sign-in) of a signed title-evaluation record: POST the JSON document as received; answers valid true only when its signature (ES256, kid a published credential key) matches its `record` — result Valid, Invalid (changed after signing), UnknownKey or Malformed, with a Chinese label. Rate-limited per client address together with certificate verification (429 with Retry-After). Nothing is stored.")
            .Produces<TitleRecordVerification>();
        return endpoints;
    }
}
