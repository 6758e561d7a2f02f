using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>A level of a field.</summary>
/// <param name="Level">The level.</param>
/// <param name="Name">初级 / 中级 / 高级.</param>
/// <param name="TitleLinkage">How its level certificate counts for titles.</param>
/// <param name="TitleLinkageName">高级职称申报参考 / 可作为职称认定依据.</param>
/// <param name="SubsidyStandard">The subsidy of its training-qualified certificate (yuan).</param>
internal sealed record DigitalLevelView(DigitalLevel Level, string Name, TitleLinkage TitleLinkage, string? TitleLinkageName, decimal SubsidyStandard);

/// <summary>A field of the catalog with its three levels.</summary>
/// <param name="Field">The field.</param>
/// <param name="Code">Two-digit code.</param>
/// <param name="Name">Chinese name.</param>
/// <param name="Levels">Its levels.</param>
internal sealed record DigitalFieldView(DigitalField Field, string Code, string Name, IReadOnlyList<DigitalLevelView> Levels);

/// <summary>A field and level an institution is listed for.</summary>
/// <param name="Field">The field.</param>
/// <param name="FieldName">Its Chinese name.</param>
/// <param name="Level">The level.</param>
/// <param name="LevelName">Its Chinese name.</param>
internal sealed record InstitutionScopeView(DigitalField Field, string FieldName, DigitalLevel Level, string LevelName);

/// <summary>A catalog entry.</summary>
/// <param name="Id">Id.</param>
/// <param name="OrganizationId">The organization.</param>
/// <param name="OrganizationCode">Its code.</param>
/// <param name="OrganizationName">Its name.</param>
/// <param name="RegionCode">Its region.</param>
/// <param name="Kind">Training or evaluation.</param>
/// <param name="KindName">培训机构 / 评价机构.</param>
/// <param name="ValidFrom">First valid day.</param>
/// <param name="ValidTo">Last valid day.</param>
/// <param name="ValidToday">Whether it may act today.</param>
/// <param name="Scopes">Fields and levels.</param>
/// <param name="ListedAt">When listed (UTC).</param>
/// <param name="ListedBy">Who listed it.</param>
/// <param name="UpdatedAt">Last change (UTC).</param>
/// <param name="UpdatedBy">Who changed it.</param>
internal sealed record InstitutionView(
    Guid Id, Guid OrganizationId, string OrganizationCode, string OrganizationName, string RegionCode, InstitutionKind Kind, string KindName,
    DateOnly ValidFrom, DateOnly ValidTo, bool ValidToday, IReadOnlyList<InstitutionScopeView> Scopes, DateTime ListedAt, string ListedBy, DateTime UpdatedAt, string UpdatedBy);

/// <summary>The person of a step, masked.</summary>
/// <param name="Id">The professional.</param>
/// <param name="NameMasked">Name, masked.</param>
/// <param name="IdNumberMasked">ID number, masked.</param>
internal sealed record TraineeView(Guid Id, string NameMasked, string IdNumberMasked);

/// <summary>A training record.</summary>
/// <param name="Id">Id.</param>
/// <param name="Trainee">The person (masked).</param>
/// <param name="Field">Field.</param>
/// <param name="FieldName">Its name.</param>
/// <param name="Level">Level.</param>
/// <param name="LevelName">Its name.</param>
/// <param name="InstitutionId">Training institution.</param>
/// <param name="InstitutionName">Its name.</param>
/// <param name="StartDate">First day.</param>
/// <param name="EndDate">Last day.</param>
/// <param name="Hours">Hours.</param>
/// <param name="Passed">Result.</param>
/// <param name="ResultName">合格 / 不合格.</param>
/// <param name="RecordedAt">When recorded (UTC).</param>
/// <param name="RecordedBy">Who recorded it.</param>
internal sealed record TrainingView(
    Guid Id, TraineeView Trainee, DigitalField Field, string FieldName, DigitalLevel Level, string LevelName, Guid InstitutionId, string InstitutionName,
    DateOnly StartDate, DateOnly EndDate, int Hours, bool Passed, string ResultName, DateTime RecordedAt, string RecordedBy);

/// <summary>An evaluation result.</summary>
/// <param name="Id">Id.</param>
/// <param name="TrainingId">The training.</param>
/// <param name="Trainee">The person (masked).</param>
/// <param name="Field">Field.</param>
/// <param name="FieldName">Its name.</param>
/// <param name="Level">Level.</param>
/// <param name="LevelName">Its name.</param>
/// <param name="InstitutionId">Evaluation institution.</param>
/// <param name="InstitutionName">Its name.</param>
/// <param name="EvaluatedOn">Day.</param>
/// <param name="Score">Score.</param>
/// <param name="Passed">Whether it reached the pass mark.</param>
/// <param name="ResultName">通过 / 未通过.</param>
/// <param name="RecordedAt">When recorded (UTC).</param>
/// <param name="RecordedBy">Who recorded it.</param>
internal sealed record EvaluationView(
    Guid Id, Guid TrainingId, TraineeView Trainee, DigitalField Field, string FieldName, DigitalLevel Level, string LevelName, Guid InstitutionId, string InstitutionName,
    DateOnly EvaluatedOn, int Score, bool Passed, string ResultName, DateTime RecordedAt, string RecordedBy);

/// <summary>A certificate with its title linkage and subsidy eligibility.</summary>
/// <param name="Id">Id.</param>
/// <param name="Kind">Kind.</param>
/// <param name="KindName">培训合格证书 / 专业技术等级证书.</param>
/// <param name="Number">Number.</param>
/// <param name="HolderId">The holder.</param>
/// <param name="HolderNameMasked">Holder's name, masked.</param>
/// <param name="HolderIdMasked">Holder's ID number, masked.</param>
/// <param name="Field">Field.</param>
/// <param name="FieldName">Its name.</param>
/// <param name="Level">Level.</param>
/// <param name="LevelName">Its name.</param>
/// <param name="TitleLinkage">Title linkage (computed from kind and level).</param>
/// <param name="TitleLinkageName">高级职称申报参考 / 可作为职称认定依据 (null for training certificates).</param>
/// <param name="SubsidyEligible">Whether it makes the holder eligible for a vocational-training subsidy.</param>
/// <param name="SubsidyClaimId">The claim filed on it, if any.</param>
/// <param name="TrainingId">The training.</param>
/// <param name="EvaluationId">The evaluation (level certificates).</param>
/// <param name="IssuerInstitutionId">Issuing institution.</param>
/// <param name="IssuerName">Its name.</param>
/// <param name="IssuedOn">Day of issue.</param>
/// <param name="IssuedAt">When (UTC).</param>
/// <param name="IssuedBy">Who issued it.</param>
internal sealed record DigitalCertificateView(
    Guid Id, DigitalCertificateKind Kind, string KindName, string Number, Guid HolderId, string HolderNameMasked, string HolderIdMasked,
    DigitalField Field, string FieldName, DigitalLevel Level, string LevelName, TitleLinkage TitleLinkage, string? TitleLinkageName,
    bool SubsidyEligible, Guid? SubsidyClaimId, Guid TrainingId, Guid? EvaluationId, Guid IssuerInstitutionId, string IssuerName,
    DateOnly IssuedOn, DateTime IssuedAt, string IssuedBy);

/// <summary>One step of a claim's trail.</summary>
/// <param name="Step"><c>submitted</c>, <c>approved</c>, <c>rejected</c> or <c>paid</c>.</param>
/// <param name="StepName">提交申领 / 核准 / 驳回 / 发放.</param>
/// <param name="By">Who.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Comment">Note, reason or payment reference.</param>
internal sealed record ClaimStepView(string Step, string StepName, string By, DateTime At, string? Comment);

/// <summary>A subsidy claim with its trail.</summary>
/// <param name="Id">Id.</param>
/// <param name="CertificateId">The certificate.</param>
/// <param name="CertificateNumber">Its number.</param>
/// <param name="HolderId">The claimant.</param>
/// <param name="HolderNameMasked">Name, masked.</param>
/// <param name="Field">Field.</param>
/// <param name="FieldName">Its name.</param>
/// <param name="Level">Level.</param>
/// <param name="LevelName">Its name.</param>
/// <param name="Amount">Amount (yuan).</param>
/// <param name="Status">Status.</param>
/// <param name="StatusName">已提交 / 已核准 / 已驳回 / 已发放.</param>
/// <param name="RegionCode">The county it was filed in.</param>
/// <param name="Steps">Who did what, when and why.</param>
internal sealed record SubsidyClaimView(
    Guid Id, Guid CertificateId, string CertificateNumber, Guid HolderId, string HolderNameMasked, DigitalField Field, string FieldName, DigitalLevel Level, string LevelName,
    decimal Amount, SubsidyClaimStatus Status, string StatusName, string RegionCode, IReadOnlyList<ClaimStepView> Steps);

/// <summary>Builds the views (names of institutions from the catalog, people masked).</summary>
internal static class DigitalEngineerViews
{
    public static IReadOnlyList<DigitalFieldView> Fields() =>
        [.. DigitalEngineerCatalog.Fields.Select(f => new DigitalFieldView(f.Field, f.Code, f.Name, [.. DigitalEngineerCatalog.Levels.Select(l =>
        {
            var linkage = DigitalEngineerCatalog.Linkage(DigitalCertificateKind.ProfessionalLevel, l);
            return new DigitalLevelView(l, DigitalEngineerCatalog.LevelName(l), linkage, DigitalEngineerCatalog.LinkageName(linkage), DigitalEngineerCatalog.SubsidyStandard(l));
        })]))];

    public static InstitutionView Institution(DigitalInstitution i, DateOnly today) => new(
        i.Id, i.OrganizationId, i.OrganizationCode, i.OrganizationName, i.RegionCode, i.Kind, DigitalEngineerCatalog.KindName(i.Kind),
        i.ValidFrom, i.ValidTo, i.IsValidOn(today),
        [.. i.Scopes.OrderBy(s => s.Field).ThenBy(s => s.Level).Select(s => new InstitutionScopeView(s.Field, DigitalEngineerCatalog.FieldName(s.Field), s.Level, DigitalEngineerCatalog.LevelName(s.Level)))],
        i.ListedAt, i.ListedByName, i.UpdatedAt, i.UpdatedByName);

    public static PlatformException NotFound(string what, Guid id) =>
        new(ProblemCodes.NotFound, 404, "资源不存在", $"未找到{what}“{id:D}”，或它不在您的管理范围内。");

    // The institutions' names by id (the catalog has no scope filter).
    public static async Task<Dictionary<Guid, string>> InstitutionNamesAsync(PlatformDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToArray();
        return await db.DigitalInstitutions.AsNoTracking().Where(i => wanted.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => i.OrganizationName, cancellationToken).ConfigureAwait(false);
    }

    // The people of rows the caller sees, masked; read by id without the professionals' filter (an institution sees
    // its trainees' steps, not their registry record).
    public static async Task<Dictionary<Guid, TraineeView>> TraineesAsync(PlatformDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToArray();
        var people = await db.Professionals.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(p => wanted.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.IdNumberMasked })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return people.ToDictionary(p => p.Id, p => new TraineeView(p.Id, HolderMask.Name(p.Name), p.IdNumberMasked));
    }

    public static async Task<IReadOnlyList<TrainingView>> TrainingsAsync(PlatformDbContext db, IReadOnlyList<DigitalTraining> rows, CancellationToken cancellationToken)
    {
        var names = await InstitutionNamesAsync(db, rows.Select(r => r.InstitutionId), cancellationToken).ConfigureAwait(false);
        var people = await TraineesAsync(db, rows.Select(r => r.ProfessionalId), cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(t => new TrainingView(
            t.Id, people.GetValueOrDefault(t.ProfessionalId) ?? new TraineeView(t.ProfessionalId, "*", "*"), t.Field, DigitalEngineerCatalog.FieldName(t.Field), t.Level, DigitalEngineerCatalog.LevelName(t.Level),
            t.InstitutionId, names.GetValueOrDefault(t.InstitutionId, ""), t.StartDate, t.EndDate, t.Hours, t.Passed, t.Passed ? "合格" : "不合格", t.RecordedAt, t.RecordedByName))];
    }

    public static async Task<IReadOnlyList<EvaluationView>> EvaluationsAsync(PlatformDbContext db, IReadOnlyList<DigitalEvaluation> rows, CancellationToken cancellationToken)
    {
        var names = await InstitutionNamesAsync(db, rows.Select(r => r.InstitutionId), cancellationToken).ConfigureAwait(false);
        var people = await TraineesAsync(db, rows.Select(r => r.ProfessionalId), cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(e => new EvaluationView(
            e.Id, e.TrainingId, people.GetValueOrDefault(e.ProfessionalId) ?? new TraineeView(e.ProfessionalId, "*", "*"), e.Field, DigitalEngineerCatalog.FieldName(e.Field), e.Level, DigitalEngineerCatalog.LevelName(e.Level),
            e.InstitutionId, names.GetValueOrDefault(e.InstitutionId, ""), e.EvaluatedOn, e.Score, e.Passed, e.Passed ? "通过" : "未通过", e.RecordedAt, e.RecordedByName))];
    }

    public static async Task<IReadOnlyList<DigitalCertificateView>> CertificatesAsync(PlatformDbContext db, IReadOnlyList<DigitalCertificate> rows, CancellationToken cancellationToken)
    {
        var names = await InstitutionNamesAsync(db, rows.Select(r => r.IssuerInstitutionId), cancellationToken).ConfigureAwait(false);
        var ids = rows.Select(r => r.Id).ToArray();
        var claims = await db.SubsidyClaims.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(c => ids.Contains(c.CertificateId))
            .ToDictionaryAsync(c => c.CertificateId, c => c.Id, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(c => new DigitalCertificateView(
            c.Id, c.Kind, DigitalEngineerCatalog.CertificateKindName(c.Kind), c.Number, c.ProfessionalId, c.HolderNameMasked, c.HolderIdMasked,
            c.Field, DigitalEngineerCatalog.FieldName(c.Field), c.Level, DigitalEngineerCatalog.LevelName(c.Level), c.TitleLinkage, DigitalEngineerCatalog.LinkageName(c.TitleLinkage),
            c.Kind == DigitalCertificateKind.TrainingQualified, claims.TryGetValue(c.Id, out var claim) ? claim : null, c.TrainingId, c.EvaluationId, c.IssuerInstitutionId,
            names.GetValueOrDefault(c.IssuerInstitutionId, ""), c.IssuedOn, c.IssuedAt, c.IssuedByName))];
    }

    public static async Task<IReadOnlyList<SubsidyClaimView>> ClaimsAsync(PlatformDbContext db, IReadOnlyList<SubsidyClaim> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.CertificateId).Distinct().ToArray();
        var certificates = await db.DigitalCertificates.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new { c.Number, c.HolderNameMasked }, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(c =>
        {
            var certificate = certificates.GetValueOrDefault(c.CertificateId);
            return new SubsidyClaimView(
                c.Id, c.CertificateId, certificate?.Number ?? "", c.ProfessionalId, certificate?.HolderNameMasked ?? "*", c.Field, DigitalEngineerCatalog.FieldName(c.Field),
                c.Level, DigitalEngineerCatalog.LevelName(c.Level), c.Amount, c.Status, DigitalEngineerRules.StatusName(c.Status), c.RegionCode, Steps(c));
        })];
    }

    private static List<ClaimStepView> Steps(SubsidyClaim c)
    {
        var steps = new List<ClaimStepView> { new("submitted", "提交申领", c.SubmittedByName, c.SubmittedAt, c.SubmissionNote) };
        if (c.DecidedAt is { } decided)
        {
            var approved = c.Status is SubsidyClaimStatus.Approved or SubsidyClaimStatus.Paid;
            steps.Add(new(approved ? "approved" : "rejected", approved ? "核准" : "驳回", c.DecidedByName ?? "", decided, c.DecisionComment));
        }

        if (c.PaidAt is { } paid)
        {
            steps.Add(new("paid", "发放", c.PaidByName ?? "", paid, c.PaymentReference));
        }

        return steps;
    }

    // A page of rows shown as views (the views read names by id: see TraineesAsync).
    public static Paged<TView> Page<TRow, TView>(Paged<TRow> rows, IReadOnlyList<TView> views) => new(rows.Page, rows.PageSize, rows.Total, views);
}
