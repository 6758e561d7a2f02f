using System.Globalization;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Programs.Domain;

/// <summary>
/// The rules of the pipeline, as pure functions (the handlers and the demo seeder both use them):
/// <list type="bullet">
/// <item>Only training providers and education bases are catalogued, each once: an organization trains or
/// evaluates, never both (so nobody evaluates the people it trained).</item>
/// <item>An institution acts only as the kind it is listed for, within its validity period (the training's first
/// and last day, the evaluation's day, the day of issue), and only for the fields and levels it is listed for.</item>
/// <item>An evaluation is of a passed training, by an evaluation institution that is not the training's
/// organization; a training has at most one passed evaluation.</item>
/// <item>A training-qualified certificate comes from a passed training, a level certificate from a passed
/// evaluation; one of each per training.</item>
/// <item>Only a training-qualified certificate makes its holder eligible for a subsidy claim, one claim per
/// certificate; the claim goes submitted → approved/rejected → paid.</item>
/// </list>
/// Problems are <see cref="PlatformException"/>s with a stable code and a Chinese title and detail.
/// </summary>
public static class DigitalEngineerRules
{
    /// <summary>Most hours a training record may have.</summary>
    public const int MaxHours = 2000;

    /// <summary>Whether an organization of <paramref name="type"/> may be catalogued (a training provider or an education base).</summary>
    public static PlatformException? CheckListable(OrganizationType type, string name) =>
        type is OrganizationType.TrainingProvider or OrganizationType.EducationBase
            ? null
            : DigitalProblem.Unprocessable(
                DigitalEngineerProblemCodes.OrganizationNotEligible,
                "该单位不能列入机构目录",
                $"“{name}”不是施教机构或继续教育基地，只有施教机构（TrainingProvider）或继续教育基地（EducationBase）可以列为数字技术工程师培训机构或评价机构。");

    /// <summary>An organization is catalogued once (as training or as evaluation institution).</summary>
    public static PlatformException AlreadyListed(string name, InstitutionKind existing) => DigitalProblem.Conflict(
        DigitalEngineerProblemCodes.AlreadyListed,
        "该单位已在机构目录中",
        $"“{name}”已列为{DigitalEngineerCatalog.KindName(existing)}。培训与评价由不同机构分别开展，同一单位不能同时列为培训机构和评价机构；如需调整有效期或领域，请修改原目录条目。");

    /// <summary>
    /// Whether <paramref name="institution"/> may act as <paramref name="kind"/> for <paramref name="field"/> and
    /// <paramref name="level"/> on every day of <paramref name="days"/>; null when it may.
    /// </summary>
    public static PlatformException? CheckActs(DigitalInstitution? institution, InstitutionKind kind, DigitalField field, DigitalLevel level, string act, params DateOnly[] days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var kindName = DigitalEngineerCatalog.KindName(kind);
        if (institution is null)
        {
            return DigitalProblem.Unprocessable(
                DigitalEngineerProblemCodes.InstitutionNotListed,
                $"{kindName}不在机构目录中",
                $"{act}的机构（institutionId）不在数字技术工程师机构目录中，请选择项目办已列入目录的{kindName}。");
        }

        if (institution.Kind != kind)
        {
            return DigitalProblem.Unprocessable(
                DigitalEngineerProblemCodes.WrongInstitutionKind,
                $"该机构不是{kindName}",
                $"“{institution.OrganizationName}”在目录中列为{DigitalEngineerCatalog.KindName(institution.Kind)}，不能{act}：培训与评价由不同机构分别开展。");
        }

        foreach (var day in days.Where(d => !institution.IsValidOn(d)))
        {
            return DigitalProblem.Unprocessable(
                DigitalEngineerProblemCodes.OutsideValidity,
                "不在机构目录有效期内",
                string.Create(CultureInfo.InvariantCulture, $"“{institution.OrganizationName}”的目录有效期为 {institution.ValidFrom:yyyy-MM-dd} 至 {institution.ValidTo:yyyy-MM-dd}，{day:yyyy-MM-dd} 不在有效期内，不能{act}。"));
        }

        return institution.Covers(field, level)
            ? null
            : DigitalProblem.Unprocessable(
                DigitalEngineerProblemCodes.FieldNotListed,
                "该机构未列入此领域和等级",
                $"“{institution.OrganizationName}”未列入“{DigitalEngineerCatalog.FieldName(field)}·{DigitalEngineerCatalog.LevelName(level)}”，不能{act}。");
    }

    /// <summary>The evaluation institution must not be the organization that trained the person.</summary>
    public static PlatformException? CheckDistinct(Guid trainingOrganizationId, DigitalInstitution evaluator)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        return evaluator.OrganizationId != trainingOrganizationId
            ? null
            : DigitalProblem.Unprocessable(
                DigitalEngineerProblemCodes.SameOrganization,
                "评价机构不能是培训机构",
                $"“{evaluator.OrganizationName}”是该学员的培训机构，不能评价本机构培训的学员：培训与评价须由不同机构分别开展。");
    }

    /// <summary>Records a training after <see cref="CheckActs"/> (the caller checked the institution).</summary>
    public static DigitalTraining Train(
        CertificateHolder person, DigitalInstitution institution, DigitalField field, DigitalLevel level,
        DateOnly start, DateOnly end, int hours, bool passed, DigitalActor actor, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(institution);
        ArgumentNullException.ThrowIfNull(actor);
        var problem = CheckActs(institution, InstitutionKind.Training, field, level, "开展该培训", start, end);
        if (problem is not null)
        {
            throw problem;
        }

        return new DigitalTraining
        {
            Id = Guid.CreateVersion7(at),
            ProfessionalId = person.ProfessionalId,
            Field = field,
            Level = level,
            InstitutionId = institution.Id,
            InstitutionOrganizationId = institution.OrganizationId,
            StartDate = start,
            EndDate = end,
            Hours = hours,
            Passed = passed,
            RegionCode = person.RegionCode,
            DepartmentCode = person.DepartmentCode,
            RecordedAt = at,
            RecordedByName = actor.Name,
            RecordedByUserId = actor.UserId,
        };
    }

    /// <summary>
    /// Records an evaluation of <paramref name="training"/> by <paramref name="institution"/>:
    /// the training must be passed and have no passed evaluation yet (<paramref name="alreadyPassed"/>), the
    /// institution an evaluation institution for the field and level on that day, and not the training's organization.
    /// </summary>
    public static DigitalEvaluation Evaluate(
        DigitalTraining training, bool alreadyPassed, DigitalInstitution? institution, DateOnly on, int score, DigitalActor actor, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(actor);
        if (!training.Passed)
        {
            throw DigitalProblem.Conflict(DigitalEngineerProblemCodes.TrainingNotPassed, "培训未合格", "该培训记录的结果为不合格，不能参加评价；请先完成培训并取得合格结果。");
        }

        if (alreadyPassed)
        {
            throw DigitalProblem.Conflict(DigitalEngineerProblemCodes.AlreadyEvaluated, "该培训已评价通过", "该培训已有通过的评价结果，不能重复评价。");
        }

        if (on < training.EndDate)
        {
            throw DigitalProblem.Unprocessable(
                DigitalEngineerProblemCodes.OutsideValidity,
                "评价日期早于培训结束",
                string.Create(CultureInfo.InvariantCulture, $"评价日期（evaluatedOn）{on:yyyy-MM-dd} 早于培训结束日期 {training.EndDate:yyyy-MM-dd}。"));
        }

        var problem = CheckActs(institution, InstitutionKind.Evaluation, training.Field, training.Level, "开展该评价", on)
            ?? CheckDistinct(training.InstitutionOrganizationId, institution!);
        if (problem is not null)
        {
            throw problem;
        }

        return new DigitalEvaluation
        {
            Id = Guid.CreateVersion7(at),
            TrainingId = training.Id,
            ProfessionalId = training.ProfessionalId,
            Field = training.Field,
            Level = training.Level,
            InstitutionId = institution!.Id,
            InstitutionOrganizationId = institution.OrganizationId,
            TrainingOrganizationId = training.InstitutionOrganizationId,
            EvaluatedOn = on,
            Score = score,
            Passed = score >= DigitalEvaluation.PassMark,
            RecordedAt = at,
            RecordedByName = actor.Name,
            RecordedByUserId = actor.UserId,
        };
    }

    /// <summary>Issues the training-qualified certificate of a passed training (its institution, valid on <paramref name="on"/>).</summary>
    public static DigitalCertificate IssueTrainingCertificate(
        DigitalTraining training, DigitalInstitution? institution, CertificateHolder holder, string number, DateOnly on, DigitalActor actor, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(actor);
        if (!training.Passed)
        {
            throw DigitalProblem.Conflict(DigitalEngineerProblemCodes.TrainingNotPassed, "培训未合格", "该培训记录的结果为不合格，不能颁发培训合格证书。");
        }

        var problem = CheckActs(institution, InstitutionKind.Training, training.Field, training.Level, "颁发培训合格证书", on);
        if (problem is not null)
        {
            throw problem;
        }

        return Certificate(DigitalCertificateKind.TrainingQualified, training, null, institution!, holder, number, on, actor, at);
    }

    /// <summary>Issues the professional technical level certificate of a passed evaluation (its institution, valid on <paramref name="on"/>).</summary>
    public static DigitalCertificate IssueLevelCertificate(
        DigitalTraining training, DigitalEvaluation evaluation, DigitalInstitution? institution, CertificateHolder holder, string number, DateOnly on, DigitalActor actor, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(actor);
        if (!evaluation.Passed)
        {
            throw DigitalProblem.Conflict(DigitalEngineerProblemCodes.EvaluationNotPassed, "评价未通过", "该评价结果未通过，不能颁发专业技术等级证书。");
        }

        var problem = CheckActs(institution, InstitutionKind.Evaluation, training.Field, training.Level, "颁发专业技术等级证书", on);
        if (problem is not null)
        {
            throw problem;
        }

        return Certificate(DigitalCertificateKind.ProfessionalLevel, training, evaluation.Id, institution!, holder, number, on, actor, at);
    }

    /// <summary>Files a subsidy claim on <paramref name="certificate"/>; only training-qualified certificates are eligible, once.</summary>
    public static SubsidyClaim Claim(DigitalCertificate certificate, bool claimed, string? note, DigitalActor actor, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(actor);
        if (certificate.Kind != DigitalCertificateKind.TrainingQualified)
        {
            throw DigitalProblem.Unprocessable(
                DigitalEngineerProblemCodes.NotEligible,
                "该证书不能申领职业培训补贴",
                $"证书 {certificate.Number} 是专业技术等级证书；按规定取得培训合格证书的，方可申领职业培训补贴。");
        }

        if (claimed)
        {
            throw ClaimExists(certificate.Number);
        }

        return new SubsidyClaim
        {
            Id = Guid.CreateVersion7(at),
            CertificateId = certificate.Id,
            ProfessionalId = certificate.ProfessionalId,
            Field = certificate.Field,
            Level = certificate.Level,
            Amount = DigitalEngineerCatalog.SubsidyStandard(certificate.Level),
            RegionCode = certificate.RegionCode,
            DepartmentCode = certificate.DepartmentCode,
            SubmittedAt = at,
            SubmittedByName = actor.Name,
            SubmittedByUserId = actor.UserId,
            SubmissionNote = note,
        };
    }

    /// <summary>409: the certificate has a claim already (one claim per certificate).</summary>
    public static PlatformException ClaimExists(string number) => DigitalProblem.Conflict(
        DigitalEngineerProblemCodes.ClaimExists, "该证书已申领补贴", $"证书 {number} 已有职业培训补贴申领记录，每本培训合格证书只能申领一次。");

    /// <summary>409: the same training (person, institution, field, level, days) is recorded already — recording it again writes nothing.</summary>
    public static PlatformException TrainingExists(Guid existing) => DigitalProblem.Conflict(
        DigitalEngineerProblemCodes.TrainingExists,
        "该培训记录已登记",
        $"该学员在该机构同一领域、等级和日期的培训已登记（培训记录 {existing:D}），不能重复登记；如结果或学时有误，请在原培训记录中更正结果。");

    /// <summary>
    /// Whether the result of <paramref name="training"/> may become <paramref name="passed"/>: a training whose
    /// training-qualified certificate was issued or which was evaluated stays 合格 (the certificate and the evaluation
    /// rest on it); null when it may.
    /// </summary>
    public static PlatformException? CheckResultChange(DigitalTraining training, bool passed, bool certifiedOrEvaluated)
    {
        ArgumentNullException.ThrowIfNull(training);
        return training.Passed && !passed && certifiedOrEvaluated
            ? DigitalProblem.Conflict(
                DigitalEngineerProblemCodes.ResultLocked,
                "该培训不能改为不合格",
                "该培训已颁发培训合格证书或已参加评价，结果不能改为不合格；学时有误的，可以只更正学时。")
            : null;
    }

    /// <summary>The Chinese name of a claim's status.</summary>
    public static string StatusName(SubsidyClaimStatus status) => status switch
    {
        SubsidyClaimStatus.Submitted => "已提交",
        SubsidyClaimStatus.Approved => "已核准",
        SubsidyClaimStatus.Rejected => "已驳回",
        SubsidyClaimStatus.Paid => "已发放",
        _ => status.ToString(),
    };

    /// <summary>409: the claim is not at the step the action needs.</summary>
    public static PlatformException WrongStep(SubsidyClaimStatus status, string action, string rule) => DigitalProblem.Conflict(
        DigitalEngineerProblemCodes.ClaimWrongStep,
        "申领状态不允许该操作",
        $"该补贴申领当前为“{StatusName(status)}”，不能{action}：{rule}。");

    private static DigitalCertificate Certificate(
        DigitalCertificateKind kind, DigitalTraining training, Guid? evaluationId, DigitalInstitution issuer, CertificateHolder holder, string number, DateOnly on, DigitalActor actor, DateTime at) => new()
        {
            Id = Guid.CreateVersion7(at),
            Kind = kind,
            Number = number,
            ProfessionalId = training.ProfessionalId,
            HolderNameMasked = holder.NameMasked,
            HolderIdMasked = holder.IdNumberMasked,
            Field = training.Field,
            Level = training.Level,
            TitleLinkage = DigitalEngineerCatalog.Linkage(kind, training.Level),
            TrainingId = training.Id,
            EvaluationId = evaluationId,
            IssuerInstitutionId = issuer.Id,
            IssuerOrganizationId = issuer.OrganizationId,
            TrainingOrganizationId = training.InstitutionOrganizationId,
            IssuedOn = on,
            Year = on.Year,
            RegionCode = holder.RegionCode,
            DepartmentCode = holder.DepartmentCode,
            IssuedAt = at,
            IssuedByName = actor.Name,
            IssuedByUserId = actor.UserId,
        };
}
