using System.Security.Claims;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.DigitalEngineers;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Programs.Pages.Digital;

/// <summary>
/// The professional's digital-engineer card, when they have any record: training certificates whose subsidy is not
/// claimed yet (a to-do) and claims waiting for the county's decision — counted by the list use cases, which the data
/// layer cuts to the caller's own rows.
/// </summary>
internal sealed class MyDigitalSection(IMediator mediator) : IWorkbenchSection
{
    /// <inheritdoc />
    public int Order => 150;

    /// <inheritdoc />
    public bool AppliesTo(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(PlatformRoles.Professional);
    }

    /// <inheritdoc />
    public async Task<WorkbenchCard?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var trainings = (await mediator.Send(new ListTrainings(new PipelineFilter(null, null, null, null, null, 1, 1)), cancellationToken).ConfigureAwait(false)).Total;
        var certificates = await mediator.Send(
            new ListDigitalCertificates(new PipelineFilter(null, null, null, nameof(DigitalCertificateKind.TrainingQualified), null, 1, 100)), cancellationToken).ConfigureAwait(false);
        var waiting = (await mediator.Send(new ListSubsidyClaims(nameof(SubsidyClaimStatus.Submitted), 1, 1), cancellationToken).ConfigureAwait(false)).Total;
        if (trainings == 0 && certificates.Total == 0 && waiting == 0)
        {
            return null;
        }

        var unclaimed = certificates.Items.Count(c => c.SubsidyEligible && c.SubsidyClaimId is null);
        return new WorkbenchCard("数字技术工程师",
        [
            new WorkbenchItem("可申领职业培训补贴的证书", $"{unclaimed} 份", "/my/digital", unclaimed > 0 ? WorkbenchTone.ToDo : WorkbenchTone.Normal,
                unclaimed > 0 ? "取得培训合格证书的，可以申领一次职业培训补贴。" : null),
            new WorkbenchItem("等待审核的补贴申领", $"{waiting} 笔", "/my/digital", Note: waiting > 0 ? "由您所在县（市、区）人社部门审核。" : null),
            new WorkbenchItem("培训记录", $"{trainings} 条", "/my/digital"),
        ], "/my/digital", "查看我的培训、证书和补贴");
    }
}

/// <summary>
/// The institution's digital-engineer card (provider staff whose organization is in the catalog): passed trainings
/// without their training-qualified certificate, passed evaluations without their level certificate
/// (<see cref="GetOwnInstitution"/>, within the caller's scope).
/// </summary>
internal sealed class InstitutionDigitalSection(IMediator mediator) : IWorkbenchSection
{
    /// <inheritdoc />
    public int Order => 330;

    /// <inheritdoc />
    public bool AppliesTo(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(PlatformRoles.ProviderStaff);
    }

    /// <inheritdoc />
    public async Task<WorkbenchCard?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetOwnInstitution(), cancellationToken).ConfigureAwait(false) is not { } own)
        {
            return null;
        }

        if (own.Institution.Kind == InstitutionKind.Training)
        {
            return new WorkbenchCard("数字技术工程师培训",
            [
                new WorkbenchItem("培训合格、待颁发培训合格证书", $"{own.PassedWithoutCertificate} 人", "/digital/trainings?result=passed",
                    own.PassedWithoutCertificate > 0 ? WorkbenchTone.ToDo : WorkbenchTone.Good,
                    own.PassedWithoutCertificate > 0 ? "打开培训记录，确认后颁发证书。" : null),
                new WorkbenchItem("已登记的培训记录", $"{own.Trainings} 条", "/digital/trainings"),
                new WorkbenchItem("目录有效期至", PlatformPageModel.Day(own.Institution.ValidTo), Tone: own.Institution.ValidToday ? WorkbenchTone.Normal : WorkbenchTone.Warning,
                    Note: own.Institution.ValidToday ? null : "已不在有效期内，不能登记新的培训记录。"),
            ], "/digital/trainings", "进入数字技术工程师培训");
        }

        return new WorkbenchCard("数字技术工程师评价",
        [
            new WorkbenchItem("评价通过、待颁发等级证书", $"{own.PassedWithoutLevelCertificate} 人", "/digital/evaluations",
                own.PassedWithoutLevelCertificate > 0 ? WorkbenchTone.ToDo : WorkbenchTone.Good,
                own.PassedWithoutLevelCertificate > 0 ? "打开评价结果，确认后颁发专业技术等级证书。" : null),
            new WorkbenchItem("已登记的评价结果", $"{own.Evaluations} 条", "/digital/evaluations"),
        ], "/digital/evaluations", "进入评价结果");
    }
}
