namespace KnowledgeRenewal.Sdk;

/// <summary>
/// Stable machine codes of the platform's problem details (RFC 9457 <c>code</c> extension).
/// Clients branch on these, never on the Chinese text.
/// </summary>
public static class ProblemCodes
{
    /// <summary>The request body or parameters failed validation; <c>errors</c> names each field.</summary>
    public const string ValidationFailed = "request.validation_failed";

    /// <summary>The request could not be read (malformed JSON, wrong content type).</summary>
    public const string MalformedRequest = "request.malformed";

    /// <summary>The addressed resource does not exist (or is not visible to the caller).</summary>
    public const string NotFound = "resource.not_found";

    /// <summary>The resource exists already or the change conflicts with its current state.</summary>
    public const string Conflict = "resource.conflict";

    /// <summary>An OData query option is malformed or names something that does not exist.</summary>
    public const string ODataInvalidQuery = "odata.invalid_query";

    /// <summary><c>$top</c> is above the platform's limit.</summary>
    public const string ODataMaxTopExceeded = "odata.max_top_exceeded";

    /// <summary><c>$skip</c> is above the platform's limit.</summary>
    public const string ODataMaxSkipExceeded = "odata.max_skip_exceeded";

    /// <summary><c>$expand</c> is nested deeper than the platform allows.</summary>
    public const string ODataMaxExpansionDepthExceeded = "odata.max_expansion_depth_exceeded";

    /// <summary>A <c>$filter</c> or other expression has more nodes than the platform allows.</summary>
    public const string ODataMaxNodeCountExceeded = "odata.max_node_count_exceeded";

    /// <summary><c>$orderby</c> has more clauses than the platform allows.</summary>
    public const string ODataMaxOrderByExceeded = "odata.max_orderby_exceeded";

    /// <summary>A valid OData query the database in use cannot run (e.g. <c>$top</c> inside <c>$expand</c> on SQLite).</summary>
    public const string ODataUnsupportedQuery = "odata.unsupported_query";

    /// <summary>A number in an OData query is beyond what its property can hold (<c>Hours gt 1e29</c>, <c>INF</c>, <c>NaN</c>).</summary>
    public const string ODataValueOutOfRange = "odata.value_out_of_range";

    /// <summary>An OData <c>$skiptoken</c> that is not the platform's, belongs to another set or order, or does not fit the set's keys.</summary>
    public const string ODataSkipTokenInvalid = "odata.skiptoken_invalid";

    /// <summary>An OData <c>$deltatoken</c> that is not the platform's or belongs to another set or caller.</summary>
    public const string ODataDeltaTokenInvalid = "odata.deltatoken_invalid";

    /// <summary>An OData delta link older than the platform keeps changes for: read the set again from the start.</summary>
    public const string ODataDeltaTokenExpired = "odata.deltatoken_expired";

    /// <summary><c>$search</c> on a set (or a single entity) that has no searchable properties: use <c>$filter</c> instead.</summary>
    public const string ODataSearchUnsupported = "odata.search_unsupported";

    /// <summary>A <c>$search</c> expression the platform does not read (empty, <c>OR</c>, <c>NOT</c>, parentheses, too many or too long terms).</summary>
    public const string ODataSearchInvalid = "odata.search_invalid";

    /// <summary>An OData <c>$batch</c> request is not a readable batch (not JSON or multipart, empty, or a sub-request outside the service).</summary>
    public const string ODataBatchInvalid = "odata.batch_invalid";

    /// <summary>Nothing answers at this address.</summary>
    public const string RouteNotFound = "http.not_found";

    /// <summary>The method is not allowed at this address.</summary>
    public const string MethodNotAllowed = "http.method_not_allowed";

    /// <summary>Too many requests; try again later.</summary>
    public const string TooManyRequests = "http.too_many_requests";

    /// <summary>An unexpected server error; the response carries a trace id for the operators, never a stack trace.</summary>
    public const string Unexpected = "server.unexpected_error";
}
