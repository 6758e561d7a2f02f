using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Bases;

namespace KnowledgeRenewal.Supervision.UseCases.Bases;

/// <summary>A base's exit notice as the base page and the API show it.</summary>
/// <param name="Id">The notice.</param>
/// <param name="BaseId">The base.</param>
/// <param name="BaseName">Its name.</param>
/// <param name="Year">The assessment year that proposed the exit.</param>
/// <param name="Reason">Why.</param>
/// <param name="NoticeStart">First day (included).</param>
/// <param name="NoticeEnd">Last day (included).</param>
/// <param name="Phase">Where the period stands today (Programs' rule).</param>
/// <param name="Status">Where the exit stands.</param>
/// <param name="StatusName">In words.</param>
/// <param name="StartedByName">Who started it.</param>
/// <param name="StartedAt">When (UTC).</param>
/// <param name="ConcludedByName">Who concluded or withdrew it.</param>
/// <param name="ConcludedAt">When (UTC).</param>
/// <param name="Objections">Objections, oldest first (who filed them only for the program office, the phone masked).</param>
/// <param name="ETag">The notice's entity tag (If-Match to conclude).</param>
public sealed record BaseExitView(
    Guid Id, Guid BaseId, string BaseName, int Year, string Reason, DateOnly NoticeStart, DateOnly NoticeEnd, NoticePhase Phase, BaseExitStatus Status, string StatusName,
    string StartedByName, DateTime StartedAt, string? ConcludedByName, DateTime? ConcludedAt, IReadOnlyList<BaseExitObjectionView> Objections, string ETag);

/// <summary>An objection to an exit: content and outcome; the filer's name and masked phone only for the program office, which handles it (the full phone through <see cref="RevealBaseExitObjectionContact"/>, audited).</summary>
/// <param name="Id">The objection.</param>
/// <param name="Reason">What is objected to.</param>
/// <param name="ContactName">The filer's name; null for everyone but the program office.</param>
/// <param name="ContactPhoneMasked">The filer's phone, masked; null for everyone but the program office.</param>
/// <param name="FiledAt">When (UTC).</param>
/// <param name="Status">Where it stands.</param>
/// <param name="StatusName">In words.</param>
/// <param name="Resolution">The program office's answer.</param>
/// <param name="ResolvedByName">Who answered.</param>
/// <param name="ResolvedAt">When (UTC).</param>
public sealed record BaseExitObjectionView(
    Guid Id, string Reason, string? ContactName, string? ContactPhoneMasked, DateTime FiledAt, BaseExitObjectionStatus Status, string StatusName, string? Resolution, string? ResolvedByName, DateTime? ResolvedAt);

/// <summary>Builds the views.</summary>
internal static class BaseExitViews
{
    /// <summary>The view of <paramref name="notice"/> (objections loaded) on <paramref name="today"/>; the objectors' contact only when <paramref name="seesObjectors"/> (the program office).</summary>
    public static BaseExitView View(BaseExitNotice notice, string baseName, DateOnly today, bool seesObjectors) => new(
        notice.Id, notice.BaseId, baseName, notice.Year, notice.Reason, notice.NoticeStart, notice.NoticeEnd,
        PublicNoticeTerms.Phase(notice.NoticeStart, notice.NoticeEnd, today), notice.Status, BaseExitRules.Label(notice.Status),
        notice.StartedByName, notice.StartedAt, notice.ConcludedByName, notice.ConcludedAt,
        [.. notice.Objections.OrderBy(o => o.FiledAt).Select(o => new BaseExitObjectionView(
            o.Id, o.Reason, seesObjectors ? o.ContactName : null, seesObjectors ? o.ContactPhoneMasked : null, o.FiledAt, o.Status, BaseExitRules.Label(o.Status), o.Resolution, o.ResolvedByName, o.ResolvedAt))],
        Kernel.Application.EntityTag.Format(notice.ConcurrencyStamp));

    /// <summary>Whether the caller handles objections (the program office) and so sees who filed them.</summary>
    public static bool SeesObjectors(ICurrentAccess access) => access.Roles.Any(BaseAccess.Office.Contains);

    /// <summary>The exit subject in refusals.</summary>
    public const string Subject = "该基地退出";
}
