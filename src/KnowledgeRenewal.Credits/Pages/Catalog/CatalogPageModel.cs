using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Catalog;
using KnowledgeRenewal.Credits.UseCases.CreditRules;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Pages.Catalog;

/// <summary>
/// What the catalog pages share: who may open them (those who may try rules: <see cref="ComplianceAccess.WhatIfRunners"/>),
/// the scope chosen in the address (checked by <see cref="ListRuleScopes"/> — the what-if's own access rule: 403 for
/// another department's module, 404 for an unknown scope) and the scope's rule book (<see cref="GetRuleBook"/>, as
/// <c>GET /api/rules/{scope}</c>).
/// </summary>
internal abstract class CatalogPageModel(IMediator mediator, TimeProvider clock) : PlatformPageModel
{
    /// <summary>The roles of the catalog pages: the program office (every scope) and department administrators (their module).</summary>
    public const string Roles = PlatformRoles.ProgramOfficeAdmin + "," + PlatformRoles.DepartmentAdmin;

    /// <summary>The scope asked for in the address (<c>platform</c> or a module key); the caller's first when empty.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    /// <summary>The scopes the caller may choose and the one shown.</summary>
    public RuleScopes Scopes { get; private set; } = new(null, []);

    /// <summary>The selected scope (null when the caller looks after none).</summary>
    public RuleScopeOption? Selected => Scopes.Selected;

    /// <summary>The scope's rule book (null when no scope is selected).</summary>
    public RuleBookView? Book { get; private set; }

    /// <summary>The book's sets in words, oldest first.</summary>
    public IReadOnlyList<RuleSetText> Sets { get; private set; } = [];

    /// <summary>The set in force today, in words.</summary>
    public RuleSetText? InForce => Sets.FirstOrDefault(s => s.State == RuleSetState.InForce);

    /// <summary>Today, China time.</summary>
    public DateOnly Today => ProgramCalendar.Today(clock);

    /// <summary>The mediator.</summary>
    protected IMediator Mediator => mediator;

    /// <summary>The address of <paramref name="path"/> for the selected scope.</summary>
    public string For(string path) => Selected is null ? path : $"{path}?scope={Uri.EscapeDataString(Selected.Key)}";

    /// <summary>Loads the scope (403/404 as the what-if) and its rule book.</summary>
    protected async Task LoadScopeAsync(CancellationToken cancellationToken)
    {
        Scopes = await mediator.Send(new ListRuleScopes(Scope), cancellationToken).ConfigureAwait(false);
        if (Selected is null)
        {
            return;
        }

        Scope = Selected.Key;
        Book = await mediator.Send(new GetRuleBook(Selected.Key), cancellationToken).ConfigureAwait(false);
        Sets = RuleSetText.Of(Book.RuleSets, Book.InForce, Selected.CreditClasses, Today);
    }
}
