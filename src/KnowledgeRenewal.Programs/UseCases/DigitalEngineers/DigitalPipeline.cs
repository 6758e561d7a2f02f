using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Programs.Demo;
using KnowledgeRenewal.Programs.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>A training record's body.</summary>
/// <param name="ProfessionalId">The trainee (a professional of the registry).</param>
/// <param name="Field">Field.</param>
/// <param name="Level">Level.</param>
/// <param name="InstitutionId">The training institution (catalog entry).</param>
/// <param name="StartDate">First day.</param>
/// <param name="EndDate">Last day (not in the future).</param>
/// <param name="Hours">Hours (1–2000).</param>
/// <param name="Passed">合格 (true) or 不合格 (false).</param>
public sealed record TrainingBody(Guid? ProfessionalId, string? Field, string? Level, Guid? InstitutionId, DateOnly? StartDate, DateOnly? EndDate, int? Hours, bool? Passed);

/// <summary>An evaluation result's body.</summary>
/// <param name="TrainingId">The passed training evaluated.</param>
/// <param name="InstitutionId">The evaluation institution (catalog entry).</param>
/// <param name="EvaluatedOn">Day (not in the future).</param>
/// <param name="Score">Score 0–100 (passed from 60).</param>
public sealed record EvaluationBody(Guid? TrainingId, Guid? InstitutionId, DateOnly? EvaluatedOn, int? Score);

/// <summary>A filter of a pipeline list.</summary>
/// <param name="Field">Field.</param>
/// <param name="Level">Level.</param>
/// <param name="Year">Year (of the training's end, the evaluation or the issue).</param>
/// <param name="Kind">Certificate kind (certificates only): TrainingQualified/ProfessionalLevel.</param>
/// <param name="ProfessionalId">One person.</param>
/// <param name="Page">1-based page.</param>
/// <param name="PageSize">Items per page (≤ 100).</param>
public sealed record PipelineFilter(string? Field, string? Level, int? Year, string? Kind, Guid? ProfessionalId, int Page, int PageSize);

/// <summary>Records a training.</summary>
/// <param name="Body">The record.</param>
public sealed record RecordTraining(TrainingBody? Body) : IRequest<TrainingView>
{
    /// <inheritdoc />
    public override string ToString() => nameof(RecordTraining);
}

/// <summary>Records an evaluation result.</summary>
/// <param name="Body">The result.</param>
public sealed record RecordEvaluation(EvaluationBody? Body) : IRequest<EvaluationView>
{
    /// <inheritdoc />
    public override string ToString() => nameof(RecordEvaluation);
}

/// <summary>Issues the training-qualified certificate of a passed training.</summary>
/// <param name="TrainingId">The training.</param>
public sealed record IssueTrainingCertificate(Guid TrainingId) : IRequest<DigitalCertificateView>;

/// <summary>Issues the professional technical level certificate of a passed evaluation.</summary>
/// <param name="EvaluationId">The evaluation.</param>
public sealed record IssueLevelCertificate(Guid EvaluationId) : IRequest<DigitalCertificateView>;

/// <summary>Training records in scope.</summary>
/// <param name="Filter">The filter.</param>
public sealed record ListTrainings(PipelineFilter Filter) : IRequest<DigitalPage<TrainingView>>;

/// <summary>One training record.</summary>
/// <param name="Id">Id.</param>
public sealed record GetTraining(Guid Id) : IRequest<TrainingView>;

/// <summary>Evaluation results in scope.</summary>
/// <param name="Filter">The filter.</param>
public sealed record ListEvaluations(PipelineFilter Filter) : IRequest<DigitalPage<EvaluationView>>;

/// <summary>One evaluation result.</summary>
/// <param name="Id">Id.</param>
public sealed record GetEvaluation(Guid Id) : IRequest<EvaluationView>;

/// <summary>Certificates in scope.</summary>
/// <param name="Filter">The filter.</param>
public sealed record ListDigitalCertificates(PipelineFilter Filter) : IRequest<DigitalPage<DigitalCertificateView>>;

/// <summary>One certificate.</summary>
/// <param name="Id">Id.</param>
public sealed record GetDigitalCertificate(Guid Id) : IRequest<DigitalCertificateView>;

/// <summary>Handles trainings, evaluations and certificates.</summary>
public sealed class DigitalPipelineHandlers(PlatformDbContext db, DigitalEngineerAccess access, TimeProvider clock)
    : IRequestHandler<RecordTraining, TrainingView>,
      IRequestHandler<RecordEvaluation, EvaluationView>,
      IRequestHandler<IssueTrainingCertificate, DigitalCertificateView>,
      IRequestHandler<IssueLevelCertificate, DigitalCertificateView>,
      IRequestHandler<ListTrainings, DigitalPage<TrainingView>>,
      IRequestHandler<GetTraining, TrainingView>,
      IRequestHandler<ListEvaluations, DigitalPage<EvaluationView>>,
      IRequestHandler<GetEvaluation, EvaluationView>,
      IRequestHandler<ListDigitalCertificates, DigitalPage<DigitalCertificateView>>,
      IRequestHandler<GetDigitalCertificate, DigitalCertificateView>
{
    private static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];

    /// <inheritdoc />
    public async Task<TrainingView> Handle(RecordTraining request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Body ?? new TrainingBody(null, null, null, null, null, null, null, null);
        var today = ProgramCalendar.Today(clock);
        var errors = new List<FieldError>();
        Required(body.ProfessionalId, "professionalId", "学员（professionalId）", errors);
        Required(body.InstitutionId, "institutionId", "培训机构（institutionId）", errors);
        var field = DigitalInputs.RequiredField(body.Field, "field", errors);
        var level = DigitalInputs.RequiredLevel(body.Level, "level", errors);
        Day(body.StartDate, "startDate", "开始日期", today, errors);
        Day(body.EndDate, "endDate", "结束日期", today, errors);
        if (body.StartDate is { } s && body.EndDate is { } e && s > e)
        {
            errors.Add(new FieldError("startDate", "after_end", "开始日期（startDate）不能晚于结束日期（endDate）。"));
        }

        if (body.Hours is not (>= 1 and <= DigitalEngineerRules.MaxHours))
        {
            errors.Add(new FieldError("hours", "out_of_range", $"培训学时（hours）应为 1 至 {DigitalEngineerRules.MaxHours} 之间的整数。"));
        }

        if (body.Passed is null)
        {
            errors.Add(new FieldError("passed", "required", "培训结果（passed）不能为空：true 为合格，false 为不合格。"));
        }

        DigitalInputs.ThrowIfAny(errors);
        var institution = await InstitutionAsync(body.InstitutionId!.Value, cancellationToken).ConfigureAwait(false);
        if (institution is not null)
        {
            access.RequireStaffOf(institution, "登记该机构的培训记录");
        }

        var person = await PersonAsync(body.ProfessionalId!.Value, cancellationToken).ConfigureAwait(false);
        var problem = DigitalEngineerRules.CheckActs(institution, InstitutionKind.Training, field, level, "开展该培训", body.StartDate!.Value, body.EndDate!.Value);
        if (problem is not null)
        {
            throw problem;
        }

        var training = DigitalEngineerRules.Train(person, institution!, field, level, body.StartDate.Value, body.EndDate.Value, body.Hours!.Value, body.Passed!.Value, access.Actor, clock.GetUtcNow().UtcDateTime);
        db.DigitalTrainings.Add(training);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return (await DigitalEngineerViews.TrainingsAsync(db, [training], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <inheritdoc />
    public async Task<EvaluationView> Handle(RecordEvaluation request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Body ?? new EvaluationBody(null, null, null, null);
        var today = ProgramCalendar.Today(clock);
        var errors = new List<FieldError>();
        Required(body.TrainingId, "trainingId", "培训记录（trainingId）", errors);
        Required(body.InstitutionId, "institutionId", "评价机构（institutionId）", errors);
        Day(body.EvaluatedOn, "evaluatedOn", "评价日期", today, errors);
        if (body.Score is not (>= 0 and <= 100))
        {
            errors.Add(new FieldError("score", "out_of_range", "评价成绩（score）应为 0 至 100 之间的整数（60 分及以上为通过）。"));
        }

        DigitalInputs.ThrowIfAny(errors);
        var institution = await InstitutionAsync(body.InstitutionId!.Value, cancellationToken).ConfigureAwait(false);
        if (institution is not null)
        {
            access.RequireStaffOf(institution, "登记该机构的评价结果");
        }

        // The candidate brings the training record to the evaluation institution: read by id (it is not its trainee yet).
        var training = await db.DigitalTrainings.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .FirstOrDefaultAsync(t => t.Id == body.TrainingId, cancellationToken).ConfigureAwait(false)
            ?? throw new RequestValidationException([new FieldError("trainingId", "not_found", $"培训记录（trainingId）“{body.TrainingId:D}”不存在。")]);
        var passedBefore = await db.DigitalEvaluations.IgnoreQueryFilters(AccessScope)
            .AnyAsync(e => e.TrainingId == training.Id && e.Passed, cancellationToken).ConfigureAwait(false);
        var evaluation = DigitalEngineerRules.Evaluate(training, passedBefore, institution, body.EvaluatedOn!.Value, body.Score!.Value, access.Actor, clock.GetUtcNow().UtcDateTime);
        db.DigitalEvaluations.Add(evaluation);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return (await DigitalEngineerViews.EvaluationsAsync(db, [evaluation], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <inheritdoc />
    public async Task<DigitalCertificateView> Handle(IssueTrainingCertificate request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var training = await db.DigitalTrainings.AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.TrainingId, cancellationToken).ConfigureAwait(false)
            ?? throw DigitalEngineerViews.NotFound("培训记录", request.TrainingId);
        var institution = await InstitutionAsync(training.InstitutionId, cancellationToken).ConfigureAwait(false);
        if (institution is not null)
        {
            access.RequireStaffOf(institution, "颁发该机构的培训合格证书");
        }

        return await IssueAsync(
            DigitalCertificateKind.TrainingQualified,
            training,
            (holder, number, today, at) => DigitalEngineerRules.IssueTrainingCertificate(training, institution, holder, number, today, access.Actor, at),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<DigitalCertificateView> Handle(IssueLevelCertificate request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var evaluation = await db.DigitalEvaluations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == request.EvaluationId, cancellationToken).ConfigureAwait(false)
            ?? throw DigitalEngineerViews.NotFound("评价结果", request.EvaluationId);
        var institution = await InstitutionAsync(evaluation.InstitutionId, cancellationToken).ConfigureAwait(false);
        if (institution is not null)
        {
            access.RequireStaffOf(institution, "颁发该机构的专业技术等级证书");
        }

        var training = await db.DigitalTrainings.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .FirstAsync(t => t.Id == evaluation.TrainingId, cancellationToken).ConfigureAwait(false);
        return await IssueAsync(
            DigitalCertificateKind.ProfessionalLevel,
            training,
            (holder, number, today, at) => DigitalEngineerRules.IssueLevelCertificate(training, evaluation, institution, holder, number, today, access.Actor, at),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<DigitalPage<TrainingView>> Handle(ListTrainings request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (field, level, _) = Filter(request.Filter);
        var query = db.DigitalTrainings.AsNoTracking();
        query = field is { } f ? query.Where(t => t.Field == f) : query;
        query = level is { } l ? query.Where(t => t.Level == l) : query;
        query = request.Filter.ProfessionalId is { } p ? query.Where(t => t.ProfessionalId == p) : query;
        if (request.Filter.Year is { } year)
        {
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            query = query.Where(t => t.EndDate >= first && t.EndDate <= last);
        }

        var (page, size) = DigitalEngineerViews.Paging(request.Filter.Page, request.Filter.PageSize);
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await query.OrderByDescending(t => t.EndDate).ThenByDescending(t => t.Id).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new(await DigitalEngineerViews.TrainingsAsync(db, rows, cancellationToken).ConfigureAwait(false), total, page, size);
    }

    /// <inheritdoc />
    public async Task<TrainingView> Handle(GetTraining request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var training = await db.DigitalTrainings.AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw DigitalEngineerViews.NotFound("培训记录", request.Id);
        return (await DigitalEngineerViews.TrainingsAsync(db, [training], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <inheritdoc />
    public async Task<DigitalPage<EvaluationView>> Handle(ListEvaluations request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (field, level, _) = Filter(request.Filter);
        var query = db.DigitalEvaluations.AsNoTracking();
        query = field is { } f ? query.Where(e => e.Field == f) : query;
        query = level is { } l ? query.Where(e => e.Level == l) : query;
        query = request.Filter.ProfessionalId is { } p ? query.Where(e => e.ProfessionalId == p) : query;
        if (request.Filter.Year is { } year)
        {
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            query = query.Where(e => e.EvaluatedOn >= first && e.EvaluatedOn <= last);
        }

        var (page, size) = DigitalEngineerViews.Paging(request.Filter.Page, request.Filter.PageSize);
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await query.OrderByDescending(e => e.EvaluatedOn).ThenByDescending(e => e.Id).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new(await DigitalEngineerViews.EvaluationsAsync(db, rows, cancellationToken).ConfigureAwait(false), total, page, size);
    }

    /// <inheritdoc />
    public async Task<EvaluationView> Handle(GetEvaluation request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var evaluation = await db.DigitalEvaluations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw DigitalEngineerViews.NotFound("评价结果", request.Id);
        return (await DigitalEngineerViews.EvaluationsAsync(db, [evaluation], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <inheritdoc />
    public async Task<DigitalPage<DigitalCertificateView>> Handle(ListDigitalCertificates request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (field, level, kind) = Filter(request.Filter);
        var query = db.DigitalCertificates.AsNoTracking();
        query = field is { } f ? query.Where(c => c.Field == f) : query;
        query = level is { } l ? query.Where(c => c.Level == l) : query;
        query = kind is { } k ? query.Where(c => c.Kind == k) : query;
        query = request.Filter.ProfessionalId is { } p ? query.Where(c => c.ProfessionalId == p) : query;
        query = request.Filter.Year is { } year ? query.Where(c => c.Year == year) : query;
        var (page, size) = DigitalEngineerViews.Paging(request.Filter.Page, request.Filter.PageSize);
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await query.OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new(await DigitalEngineerViews.CertificatesAsync(db, rows, cancellationToken).ConfigureAwait(false), total, page, size);
    }

    /// <inheritdoc />
    public async Task<DigitalCertificateView> Handle(GetDigitalCertificate request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var certificate = await db.DigitalCertificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw DigitalEngineerViews.NotFound("证书", request.Id);
        return (await DigitalEngineerViews.CertificatesAsync(db, [certificate], cancellationToken).ConfigureAwait(false))[0];
    }

    private static (DigitalField? Field, DigitalLevel? Level, DigitalCertificateKind? Kind) Filter(PipelineFilter filter)
    {
        var errors = new List<FieldError>();
        var field = DigitalInputs.OptionalField(filter.Field, "field", errors);
        var level = DigitalInputs.OptionalLevel(filter.Level, "level", errors);
        DigitalCertificateKind? kind = null;
        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            if (Enum.TryParse<DigitalCertificateKind>(filter.Kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(filter.Kind, out _))
            {
                kind = parsed;
            }
            else
            {
                errors.Add(new FieldError("kind", "invalid_value", "证书类别（kind）无效，应为 TrainingQualified（培训合格证书）或 ProfessionalLevel（专业技术等级证书）。"));
            }
        }

        if (filter.Year is < 2000 or > 2100)
        {
            errors.Add(new FieldError("year", "out_of_range", "年度（year）应为 2000 至 2100 之间的年份。"));
        }

        DigitalInputs.ThrowIfAny(errors);
        return (field, level, kind);
    }

    // Issues a certificate with the next serial of its kind and year; two issues at once: the unique indexes decide
    // (the training's certificate of that kind exists → 409; only the number clashed → next serial).
    private async Task<DigitalCertificateView> IssueAsync(
        DigitalCertificateKind kind, DigitalTraining training, Func<CertificateHolder, string, DateOnly, DateTime, DigitalCertificate> issue, CancellationToken cancellationToken)
    {
        if (await db.DigitalCertificates.IgnoreQueryFilters(AccessScope).AnyAsync(c => c.TrainingId == training.Id && c.Kind == kind, cancellationToken).ConfigureAwait(false))
        {
            throw Exists(kind);
        }

        var holder = await PersonAsync(training.ProfessionalId, cancellationToken, activeOnly: false).ConfigureAwait(false);
        var today = ProgramCalendar.Today(clock);
        for (var attempt = 0; ; attempt++)
        {
            var prefix = DigitalCertificateNumbers.YearPrefix(kind, today.Year);
            var numbers = await db.DigitalCertificates.IgnoreQueryFilters(AccessScope)
                .Where(c => c.Kind == kind && c.Year == today.Year)
                .Select(c => c.Number)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var serial = numbers.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Select(DigitalCertificateNumbers.SerialOf).DefaultIfEmpty(0).Max() + 1;
            var certificate = issue(holder, DigitalCertificateNumbers.Format(kind, today.Year, training.Field, training.Level, serial), today, clock.GetUtcNow().UtcDateTime);
            db.DigitalCertificates.Add(certificate);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return (await DigitalEngineerViews.CertificatesAsync(db, [certificate], cancellationToken).ConfigureAwait(false))[0];
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
                if (await db.DigitalCertificates.IgnoreQueryFilters(AccessScope).AnyAsync(c => c.TrainingId == training.Id && c.Kind == kind, cancellationToken).ConfigureAwait(false))
                {
                    throw Exists(kind);
                }
            }
        }
    }

    private static PlatformException Exists(DigitalCertificateKind kind) => DigitalProblem.Conflict(
        DigitalEngineerProblemCodes.CertificateExists,
        "证书已颁发",
        $"该培训已颁发{DigitalEngineerCatalog.CertificateKindName(kind)}，不能重复颁发。");

    private Task<DigitalInstitution?> InstitutionAsync(Guid id, CancellationToken cancellationToken) =>
        db.DigitalInstitutions.AsNoTracking().Include(i => i.Scopes).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    // The trainee from the registry, by id (an institution may train anyone of the registry).
    private async Task<CertificateHolder> PersonAsync(Guid id, CancellationToken cancellationToken, bool activeOnly = true)
    {
        var person = await db.Professionals.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(p => p.Id == id && (!activeOnly || p.Status == ProfessionalStatus.Active))
            .Select(p => new CertificateHolder(p.Id, p.Name, p.IdNumberMasked, p.RegionCode, p.DepartmentCode))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return person ?? throw DigitalProblem.Unprocessable(
            DigitalEngineerProblemCodes.PersonNotFound,
            "学员不在人员库中",
            $"学员（professionalId）“{id:D}”不是人员库中在册的专业技术人员，请先在人员库中登记。");
    }

    private static void Required(Guid? value, string field, string label, List<FieldError> errors)
    {
        if (value is null || value == Guid.Empty)
        {
            errors.Add(new FieldError(field, "required", $"{label}不能为空。"));
        }
    }

    private static void Day(DateOnly? value, string field, string label, DateOnly today, List<FieldError> errors)
    {
        if (value is null)
        {
            errors.Add(new FieldError(field, "required", $"{label}（{field}）不能为空，格式为 yyyy-MM-dd。"));
        }
        else if (value > today)
        {
            errors.Add(new FieldError(field, "in_future", $"{label}（{field}）不能晚于今天（{today:yyyy-MM-dd}）。"));
        }
        else if (value < ProgramPeriod.Start)
        {
            errors.Add(new FieldError(field, "too_early", $"{label}（{field}）不能早于 {ProgramPeriod.Start:yyyy-MM-dd}（工程启动之年）。"));
        }
    }
}
