using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.UseCases.Professionals;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace KnowledgeRenewal.Registry.Pages.My;

/// <summary>
/// <c>/my/profile</c> (我的信息): the professional's registry record, masked as the API masks it
/// (<c>GET /api/registry/professionals/{id}</c>), and their employment history (<c>…/employments</c>), with the way to
/// the password and two-factor settings.
/// </summary>
[Authorize(Roles = PlatformRoles.Professional)]
internal sealed class ProfileModel(IMediator mediator) : PlatformPageModel
{
    /// <summary>The record (null: the account is not linked to a person).</summary>
    public ProfessionalView? Person { get; private set; }

    /// <summary>The employment history, newest first.</summary>
    public IReadOnlyList<EmploymentView> Employments { get; private set; } = [];

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new FindMyProfessional(), cancellationToken).ConfigureAwait(false) is not { } id)
        {
            return;
        }

        Person = (await mediator.Send(new GetProfessional(id), cancellationToken).ConfigureAwait(false)).Value;
        Employments = [.. (await mediator.Send(new ListEmployments(id), cancellationToken).ConfigureAwait(false)).OrderByDescending(e => e.StartedOn)];
    }

    /// <summary>A label from <paramref name="labels"/>, or 「--」.</summary>
    public static string Label<T>(IReadOnlyDictionary<T, string> labels, T value)
        where T : notnull => labels.TryGetValue(value, out var text) ? text : "--";

    /// <summary>A region's name.</summary>
    public static string RegionName(string code) => JiningReferenceData.Regions.FirstOrDefault(r => r.Code == code)?.Name ?? code;

    /// <summary>A sector's name.</summary>
    public static string DepartmentName(string code) => JiningReferenceData.DepartmentName(code);
}
