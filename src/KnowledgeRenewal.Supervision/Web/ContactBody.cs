namespace KnowledgeRenewal.Supervision.Web;

/// <summary>The body of a request for a filer's full phone (a complaint's, an objection's).</summary>
/// <param name="Purpose">Why the phone is needed (≥ 4 characters; audited).</param>
internal sealed record ContactBody(string? Purpose);
