using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnowledgeRenewal.IntegrationTests.Infrastructure;

// The platform's answers every area shares, as the tests read them (see HttpJson.Answers: a parameter without a
// default must be in the answer; one not declared nullable must not be null). An area's own answers are records in
// that area's test folder (<Area>Answers.cs).

/// <summary>
/// An answer read whole by <see cref="HttpJson.ReadAsAsync{T}"/>, <see cref="HttpJson.GetAsAsync{T}"/> or
/// <see cref="HttpJson.As{T}"/>: besides its typed members it keeps the answer as sent, for what a test checks in the raw
/// text (no plaintext personal data anywhere in it) or a member that must be absent.
/// </summary>
public abstract record JsonAnswer
{
    /// <summary>The answer as sent (undefined for an answer nested in another).</summary>
    [JsonIgnore]
    public JsonElement Json { get; internal set; }

    /// <summary>The answer as sent (or, nested in another, as read).</summary>
    public sealed override string ToString() =>
        Json.ValueKind == JsonValueKind.Undefined ? JsonSerializer.Serialize(this, GetType(), HttpJson.Answers) : Json.GetRawText();
}

/// <summary>An RFC 9457 problem details answer with the platform's stable <c>code</c> and field errors.</summary>
/// <param name="Title">Chinese title.</param>
/// <param name="Status">HTTP status.</param>
/// <param name="Code">Stable problem code.</param>
/// <param name="Detail">Chinese detail, when there is one.</param>
/// <param name="Instance">The request path, when given.</param>
/// <param name="Errors">The field errors of a validation problem.</param>
/// <param name="Limit">The OData query limit a refused query exceeded.</param>
public sealed record ProblemAnswer(
    string Title, int Status, string Code, string? Detail = null, string? Instance = null, IReadOnlyList<FieldErrorAnswer>? Errors = null, string? Limit = null) : JsonAnswer
{
    /// <summary>The field errors (asserts there are some).</summary>
    [JsonIgnore]
    public IReadOnlyList<FieldErrorAnswer> FieldErrors => Errors ?? throw new Xunit.Sdk.XunitException($"the problem {Code} has no field errors: {this}");
}

/// <summary>One field error of a validation problem.</summary>
/// <param name="Field">The request field (JSON name).</param>
/// <param name="Code">Stable error code.</param>
/// <param name="Message">Chinese message.</param>
/// <param name="Row">The row of a list the error is about (annual plan targets), when given.</param>
public sealed record FieldErrorAnswer(string Field, string Code, string Message, int? Row = null) : JsonAnswer;

/// <summary>A page of a list (the platform's one paging answer).</summary>
/// <typeparam name="T">The rows.</typeparam>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Rows per page.</param>
/// <param name="Total">Rows in the whole list.</param>
/// <param name="Items">This page's rows.</param>
public sealed record PageAnswer<T>(int Page, int PageSize, int Total, IReadOnlyList<T> Items) : JsonAnswer;

/// <summary>An OData collection answer.</summary>
/// <typeparam name="T">The entities (read with <see cref="HttpJson.ODataAnswers"/>: EDM names).</typeparam>
/// <param name="Value">The entities.</param>
/// <param name="Count">The <c>@odata.count</c>, when asked for.</param>
/// <param name="NextLink">The <c>@odata.nextLink</c>, when there are more.</param>
public sealed record ODataFeed<T>(
    [property: JsonPropertyName("value")] IReadOnlyList<T> Value,
    [property: JsonPropertyName("@odata.count")] long? Count = null,
    [property: JsonPropertyName("@odata.nextLink")] string? NextLink = null) : JsonAnswer;

/// <summary>The token endpoint's answer to a successful grant.</summary>
/// <param name="AccessToken">The access token.</param>
/// <param name="TokenType">Its type (<c>Bearer</c>).</param>
/// <param name="ExpiresIn">Its lifetime in seconds.</param>
/// <param name="RefreshToken">The refresh token, when <c>offline_access</c> was asked for.</param>
public sealed record TokenAnswer(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken = null) : JsonAnswer;

/// <summary>The token endpoint's refusal (OAuth 2.0 error answer).</summary>
/// <param name="Error">The OAuth error code.</param>
/// <param name="ErrorDescription">Its description, when given.</param>
/// <param name="ErrorUri">The platform's own reason, when given.</param>
public sealed record TokenErrorAnswer(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription = null,
    [property: JsonPropertyName("error_uri")] string? ErrorUri = null) : JsonAnswer;

/// <summary><c>GET /api/me</c>: the signed-in account (or client) and its data scope.</summary>
/// <param name="UserId">The account, or null for a client.</param>
/// <param name="ClientId">The client, or null for an account.</param>
/// <param name="UserName">Its user name, or null for a client.</param>
/// <param name="Roles">Its roles.</param>
/// <param name="Scope">What it may see.</param>
/// <param name="TwoFactorEnabled">Whether it signs in with a TOTP code as well.</param>
public sealed record MeAnswer(Guid? UserId, string? ClientId, string? UserName, IReadOnlyList<string> Roles, ScopeAnswer Scope, bool TwoFactorEnabled) : JsonAnswer;

/// <summary>A caller's data scope as <c>/api/me</c> shows it.</summary>
/// <param name="RegionCodes">The counties it sees (empty: every county, or none — see the roles).</param>
public sealed record ScopeAnswer(IReadOnlyList<string> RegionCodes) : JsonAnswer;

/// <summary>An audit record as the audit log lists it (<c>/api/audit/records</c>).</summary>
/// <param name="Action">The audited action.</param>
/// <param name="Outcome">Its outcome (member name).</param>
/// <param name="UserName">Who acted, when a person did.</param>
/// <param name="EntityKey">What it concerned, when a record.</param>
public sealed record AuditRecordAnswer(string Action, string Outcome, string? UserName, string? EntityKey) : JsonAnswer;

/// <summary>An account as the security administrator sees it (<c>/api/admin/accounts</c>).</summary>
/// <param name="Id">Id.</param>
/// <param name="UserName">User name.</param>
/// <param name="OrganizationId">Its organization.</param>
/// <param name="Roles">Its roles.</param>
/// <param name="Phone">The mobile number, masked, when known.</param>
/// <param name="HasIdNumber">Whether a resident ID number is bound to it.</param>
/// <param name="IsDisabled">Whether it is disabled.</param>
/// <param name="MustChangePassword">Whether it must change its password at the next sign-in.</param>
/// <param name="TwoFactorEnabled">Whether it signs in with a TOTP code as well.</param>
/// <param name="Permissions">The permissions it holds.</param>
public sealed record AccountAnswer(
    Guid Id,
    string UserName,
    Guid OrganizationId,
    IReadOnlyList<string> Roles,
    string? Phone,
    bool HasIdNumber,
    bool IsDisabled,
    bool MustChangePassword,
    bool TwoFactorEnabled,
    IReadOnlyList<string> Permissions) : JsonAnswer;

/// <summary>An OData Subjects entity (the public catalog).</summary>
/// <param name="Code">Subject code.</param>
/// <param name="Name">Name.</param>
public sealed record SubjectEntity(string Code, string Name) : JsonAnswer;
