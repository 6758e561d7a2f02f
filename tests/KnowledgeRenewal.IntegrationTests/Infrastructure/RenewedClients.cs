using System.Diagnostics;

namespace KnowledgeRenewal.IntegrationTests.Infrastructure;

/// <summary>
/// Signed-in clients kept per key for a fixture's lifetime and signed in again once older than
/// <see cref="RenewAfter"/>: a bearer token lives 10 minutes (<c>Security:AccessTokenMinutes</c>) and a shared fixture
/// serves a run far longer than that — a client cached at its start would answer 401 near its end. A renewed client
/// replaces the old one for later callers; the old one is not disposed (a test may still hold it, and its token stays
/// valid for at least another <see cref="RenewAfter"/>).
/// </summary>
public sealed class RenewedClients
{
    /// <summary>Half the access token's lifetime: a client handed out is good for at least as long again.</summary>
    public static readonly TimeSpan RenewAfter = TimeSpan.FromMinutes(5);

    private readonly Lock gate = new();
    private readonly Dictionary<string, (Task<HttpClient> Client, long SignedInAt)> clients = new(StringComparer.Ordinal);

    /// <summary>The client kept under <paramref name="key"/>, or a new one from <paramref name="signIn"/> when there is none, it failed or it is older than <see cref="RenewAfter"/>.</summary>
    public Task<HttpClient> GetAsync(string key, Func<Task<HttpClient>> signIn)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        lock (gate)
        {
            if (clients.TryGetValue(key, out var kept) && !kept.Client.IsFaulted && Stopwatch.GetElapsedTime(kept.SignedInAt) < RenewAfter)
            {
                return kept.Client;
            }

            var fresh = signIn();
            clients[key] = (fresh, Stopwatch.GetTimestamp());
            return fresh;
        }
    }
}
