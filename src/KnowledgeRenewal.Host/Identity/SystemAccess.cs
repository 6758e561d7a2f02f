namespace KnowledgeRenewal.Host.Identity;

/// <summary>
/// Runs a block as the platform itself (scope: everything) — for the few identity operations that must find an
/// account before anyone is signed in (sign-in, session and token checks). Never use it for a caller's request.
/// </summary>
internal static class SystemAccess
{
    private static readonly AsyncLocal<bool> Elevated = new();

    public static bool IsElevated => Elevated.Value;

    public static IDisposable Elevate()
    {
        var previous = Elevated.Value;
        Elevated.Value = true;
        return new Restore(previous);
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => Elevated.Value = previous;
    }
}
