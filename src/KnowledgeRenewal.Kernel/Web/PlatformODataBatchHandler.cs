using System.Text.Json;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.OData.Batch;
using Microsoft.OData;

namespace KnowledgeRenewal.Kernel.Web;

/// <summary>
/// The <c>/odata/$batch</c> handler: the framework's, with the platform's answers to a batch it cannot read. A body
/// that is neither JSON nor multipart, malformed, without any request, or with a sub-request outside the OData
/// service (<c>/api/…</c>, another host) is a 400 problem <see cref="ProblemCodes.ODataBatchInvalid"/> in Chinese —
/// not the framework's 500 or plain-text error. Sub-requests still run the whole pipeline as the caller.
/// </summary>
public sealed class PlatformODataBatchHandler : DefaultODataBatchHandler
{
    /// <inheritdoc />
    public override Task<bool> ValidateRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var mediaType = request.ContentType is { } contentType && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            ? parsed.MediaType.Value
            : null;
        if (!string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(mediaType, "multipart/mixed", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid("批量请求的内容类型应为 application/json 或 multipart/mixed。");
        }

        return base.ValidateRequest(request);
    }

    /// <inheritdoc />
    public override async Task<IList<ODataBatchRequestItem>> ParseBatchRequestsAsync(HttpContext context)
    {
        IList<ODataBatchRequestItem> requests;
        try
        {
            requests = await base.ParseBatchRequestsAsync(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ODataException or InvalidOperationException or JsonException or FormatException or UriFormatException)
        {
            throw Invalid(exception is InvalidOperationException && exception.Message.Contains("service root", StringComparison.Ordinal)
                ? "批量请求中的每个子请求都必须指向本 OData 服务（/odata/ 下的数据集），不能指向其他地址。"
                : "批量请求无法解析：JSON 格式应为 {\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"Regions\"}]}，且至少包含一个子请求。");
        }

        return requests.Count == 0 ? throw Invalid("批量请求至少应包含一个子请求。") : requests;
    }

    private static PlatformException Invalid(string detail) =>
        new(ProblemCodes.ODataBatchInvalid, 400, "批量请求无效", detail);
}
