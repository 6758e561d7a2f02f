using KnowledgeRenewal.Programs.Domain;

namespace KnowledgeRenewal.Programs.UseCases.Projects;

/// <summary>
/// An objection as the API shows it (made by <see cref="ObjectionViews.Of"/> only): who filed it only for the
/// program office; everyone else sees that it exists, its content, state and resolution, and the filer as 异议人.
/// </summary>
/// <param name="Id">Key.</param>
/// <param name="Reason">Content.</param>
/// <param name="ContactName">The filer's name for the program office; <see cref="ObjectionViews.Objector"/> (异议人) for everyone else.</param>
/// <param name="ContactPhone">The filer's phone for the program office; null for everyone else.</param>
/// <param name="FiledAt">When (UTC).</param>
/// <param name="Status">State.</param>
/// <param name="StatusName">State, in Chinese.</param>
/// <param name="Resolution">The program office's resolution.</param>
/// <param name="ResolvedByName">Who resolved it.</param>
/// <param name="ResolvedAt">When (UTC).</param>
internal sealed record ObjectionView(Guid Id, string Reason, string ContactName, string? ContactPhone, DateTime FiledAt, ObjectionStatus Status, string StatusName, string? Resolution, string? ResolvedByName, DateTime? ResolvedAt);

/// <summary>
/// Objections as each reader may see them — the one projection every read of objections goes through. The filer's
/// identity (name, phone) is for the program office (<see cref="ProjectAccess.SeesObjector"/>), which verifies and resolves objections (its reads are audited);
/// anyone else who may see the project — its applicant, host, recommending authority — sees that an objection exists,
/// its content, state and resolution, with the filer shown as <see cref="Objector"/> and no contact at all (not even
/// masked: a name's first and last character or a phone's last digits can identify a colleague).
/// </summary>
internal static class ObjectionViews
{
    /// <summary>How the filer is shown to everyone but the program office.</summary>
    public const string Objector = "异议人";

    /// <summary>The view of <paramref name="objection"/>, with the filer's identity only when <paramref name="seesObjector"/>.</summary>
    public static ObjectionView Of(ProjectObjection objection, bool seesObjector)
    {
        ArgumentNullException.ThrowIfNull(objection);
        return new ObjectionView(
            objection.Id, objection.Reason,
            seesObjector ? objection.ContactName : Objector,
            seesObjector ? objection.ContactPhone : null,
            objection.FiledAt, objection.Status, ProjectLabels.Objection(objection.Status), objection.Resolution, objection.ResolvedByName, objection.ResolvedAt);
    }
}
