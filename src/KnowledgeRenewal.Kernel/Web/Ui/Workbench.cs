using System.Security.Claims;

namespace KnowledgeRenewal.Kernel.Web.Ui;

/// <summary>
/// A card of a person's workbench (工作台): what waits for them, deadlines, shortfalls — computed by the area that
/// owns the facts, with the same use cases and scope as the API. The workbench shows the cards that apply to the
/// caller, in <see cref="Order"/>.
/// </summary>
public interface IWorkbenchSection
{
    /// <summary>Position on the workbench.</summary>
    int Order { get; }

    /// <summary>Whether the card is for <paramref name="user"/> (usually by role).</summary>
    bool AppliesTo(ClaimsPrincipal user);

    /// <summary>The card now; null when there is nothing to say.</summary>
    Task<WorkbenchCard?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}

/// <summary>How an item of a card reads.</summary>
public enum WorkbenchTone
{
    /// <summary>Plain information.</summary>
    Normal = 0,

    /// <summary>Something waits for the person (a to-do).</summary>
    ToDo = 1,

    /// <summary>Short of a requirement or past a deadline.</summary>
    Warning = 2,

    /// <summary>Done, met.</summary>
    Good = 3,
}

/// <summary>One line of a card: a label, a value, where to go.</summary>
/// <param name="Label">What it is.</param>
/// <param name="Value">The figure or state, already worded (「72 / 90 学时」「3 条」).</param>
/// <param name="Href">The page that shows it (or where to act), if any.</param>
/// <param name="Tone">How it reads.</param>
/// <param name="Note">One more short sentence (what is missing, the deadline).</param>
public sealed record WorkbenchItem(string Label, string? Value, string? Href = null, WorkbenchTone Tone = WorkbenchTone.Normal, string? Note = null);

/// <summary>A card of the workbench.</summary>
/// <param name="Title">Its heading.</param>
/// <param name="Items">Its lines.</param>
/// <param name="Href">The card's own page, if any.</param>
/// <param name="LinkText">The words of that link.</param>
public sealed record WorkbenchCard(string Title, IReadOnlyList<WorkbenchItem> Items, string? Href = null, string? LinkText = null);
