using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Certificates;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Web;

/// <summary>
/// The certificates' REST API: issue (<c>POST /api/professionals/{id}/certificates/{year}</c>), list, read, revoke,
/// PDF and signed credential under <c>/api/certificates</c> — all within the caller's scope (404 outside it) — and
/// the public, anonymous, rate-limited verification (<c>/api/public/certificates/{code}</c>) and key set
/// (<c>/api/public/credential-keys</c>).
/// </summary>
internal static class CertificatesApi
{
    private const string Tag = "学时证明 (certificates)";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapCertificatesApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        MapIssue(endpoints);
        MapReads(endpoints);
        MapPublic(endpoints);
        return endpoints;
    }

    private static void MapIssue(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/professionals/{id:guid}/certificates/{year:int}", async (Guid id, int year, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var issued = await mediator.Send(new IssueCertificate(id, year), ct).ConfigureAwait(false);
                return issued.Created
                    ? http.Created($"/api/certificates/{issued.Certificate.Value.Id}", issued.Certificate)
                    : Results.Ok(http.WithETag(issued.Certificate));
            })
            .RequireAuthorization(policy => policy.RequireRole([.. CertificateIssuers.Roles]))
            .WithTags(Tag)
            .WithName("IssueCertificate")
            .WithSummary("Issues the professional's credit-hour certificate of the year from a snapshot of their approved records: 201 with the new certificate (a new version supersedes the valid one), or 200 with the valid one when its records are unchanged. The person, their employer's HR, county/department admins and the program office, within scope (404 otherwise); 409 certificate.no_records when the year has no approved records.")
            .Produces<CertificateView>(StatusCodes.Status201Created)
            .Produces<CertificateView>();
    }

    private static void MapReads(IEndpointRouteBuilder endpoints)
    {
        var certificates = endpoints.MapGroup("/api/certificates")
            .WithTags(Tag)
            .RequireAuthorization(PlatformPolicies.BusinessUser);

        certificates.MapGet("/", (Guid? professionalId, int? year, string? status, string? region, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListCertificates(professionalId, year, status, page ?? 1, pageSize ?? 20, region), ct))
            .WithName("ListCertificates")
            .WithSummary("Certificates within the caller's scope, newest year and version first; filters professionalId, year, status (有效/已被新版本取代/已作废), region (the holder's county code at issue); pageSize ≤ 100.")
            .Produces<Paged<CertificateSummary>>();

        certificates.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetCertificate(id), ct).ConfigureAwait(false)))
            .WithName("GetCertificate")
            .WithSummary("One certificate with its snapshot (holder with masked ID number, hours, records with provenance), status, verification code and links; ETag for revocation.")
            .Produces<CertificateView>();

        certificates.MapGet("/{id:guid}/pdf", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var file = await mediator.Send(new RenderCertificatePdf(id), ct).ConfigureAwait(false);
                return Results.File(file.Content, "application/pdf", file.FileName);
            })
            .WithName("GetCertificatePdf")
            .WithSummary("The certificate as a PDF (A4, embedded CJK font, QR code to the public verification page).")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");

        certificates.MapGet("/{id:guid}/credential", async (Guid id, string? format, IMediator mediator, CancellationToken ct) =>
            {
                var credential = await mediator.Send(new GetCertificateCredential(id), ct).ConfigureAwait(false);
                return string.Equals(format, "jwt", StringComparison.OrdinalIgnoreCase)
                    ? Results.Text(credential.Jws, "application/vc+jwt")
                    : Results.Ok(credential);
            })
            .WithName("GetCertificateCredential")
            .WithSummary("The signed credential (W3C Verifiable Credential / Open Badges 3.0 shaped, compact JWS ES256, typ vc+jwt) as signed at issue, with its decoded payload and the key set's address; ?format=jwt answers the bare JWS (application/vc+jwt). Verify offline with GET /api/public/credential-keys.")
            .Produces<CredentialView>();

        certificates.MapPost("/{id:guid}/revoke", async (Guid id, RevokeBody? body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new RevokeCertificate(id, ifMatch, body?.Reason), ct).ConfigureAwait(false)))
            .RequireAuthorization(PlatformPolicies.ProgramOffice)
            .WithName("RevokeCertificate")
            .WithSummary("Revokes a valid or superseded certificate (program office only): reason required; needs If-Match with the ETag read (428/412). It then verifies as 已作废.")
            .Produces<CertificateView>();
    }

    private static void MapPublic(IEndpointRouteBuilder endpoints)
    {
        var open = endpoints.MapGroup("/api/public").WithTags(Tag).AllowAnonymous();

        open.MapGet("/certificates/{code}", (string code, string? via, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                var channel = string.Equals(via, VerificationChannels.Credential, StringComparison.Ordinal) ? VerificationChannels.Credential : VerificationChannels.Api;
                return mediator.Send(new VerifyCertificate(code, channel, ClientAddress.Of(http)), ct);
            })
            .RequireRateLimiting(CertificateVerificationLimits.Policy)
            .WithName("VerifyCertificate")
            .WithSummary("Public verification (no sign-in; rate-limited per client address, 429 beyond): the masked holder (张*远, masked ID number), year, hours by category, issue date and validity (有效 / 已被新版本取代 with the newer number / 已作废). An unknown or altered code answers 404 certificate.not_found. Every call is logged.")
            .Produces<PublicCertificateView>();

        open.MapGet("/credential-keys", (CredentialKeys keys, HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "public, max-age=3600";
                return Results.Text(keys.KeySet().ToJsonString(), "application/jwk-set+json");
            })
            .WithName("CredentialKeys")
            .WithSummary("The public keys (JWKS, RFC 7517) that sign certificate credentials (ES256, kid = RFC 7638 thumbprint); cacheable.");
    }

    /// <summary>The body of a revocation.</summary>
    /// <param name="Reason">Why, in Chinese.</param>
    internal sealed record RevokeBody([property: DataType(DataType.MultilineText)] string? Reason);
}
