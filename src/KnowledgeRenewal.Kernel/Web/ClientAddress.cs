namespace KnowledgeRenewal.Kernel.Web;

/// <summary>The caller's network address, as rate limits and public logs record it.</summary>
public static class ClientAddress
{
    /// <summary>The client's address (IPv4 for IPv4-mapped addresses), or null when the connection has none.</summary>
    public static string? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        return (address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address)?.ToString();
    }
}
