using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Kernel.Access;

/// <summary>
/// Runs a block as the platform itself — scope: everything. Outside such a block, code that runs without a
/// request sees nothing (the data layer fails closed). Used by start-up (migrations, seeding), background work,
/// operator commands, and the few identity steps that must find an account before anyone is signed in.
/// Never wrap a caller's request in it.
/// </summary>
public static class SystemScope
{
    private static readonly AsyncLocal<bool> Active = new();

    /// <summary>Whether the current flow runs as the platform.</summary>
    public static bool IsActive => Active.Value;

    /// <summary>Runs as the platform until the returned handle is disposed.</summary>
    public static IDisposable Enter()
    {
        var previous = Active.Value;
        Active.Value = true;
        return new Restore(previous);
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => Active.Value = previous;
    }
}
