using FluentValidation;
using FluentValidation.Results;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Registry.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
namespace KnowledgeRenewal.Registry.UseCases;

/// <summary>
/// Registers a professional. Only the fields of <see cref="ProfessionalInput"/> are read; the ID number is stored
/// encrypted, with its keyed hash for look-ups and its masked form for display; the first employment starts today.
/// </summary>
/// <param name="Input">The submitted fields.</param>
public sealed record CreateProfessional(ProfessionalInput Input) : IRequest<Versioned<ProfessionalView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(CreateProfessional); // never the ID number or phone in logs
}

/// <summary>Checks the fields with <see cref="ProfessionalRules.Validate"/> — the rules the bulk import uses too.</summary>
public sealed class CreateProfessionalValidator : AbstractValidator<CreateProfessional>
{
    /// <summary>Creates the validator.</summary>
    public CreateProfessionalValidator(TimeProvider clock) =>
        RuleFor(c => c).Custom((command, context) =>
        {
            foreach (var error in ProfessionalRules.Validate(command.Input ?? new ProfessionalInput(), ProgramCalendar.Today(clock)).Errors)
            {
                context.AddFailure(new ValidationFailure(error.Field, error.Message) { ErrorCode = error.Code });
            }
        });
}

/// <summary>
/// Changes what may change of a professional — name, phone, title series and level, specialty, education,
/// status — and nothing else: the employer (a move), the ID number and the ownership fields are not part of the
/// body, whatever a client sends. Needs the entity tag read (<c>If-Match</c>).
/// </summary>
/// <param name="Id">The professional.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Details">The new values.</param>
public sealed record UpdateProfessional(Guid Id, string? IfMatch, ProfessionalDetailsInput Details) : IRequest<Versioned<ProfessionalView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(UpdateProfessional);
}

/// <summary>Checks the fields with <see cref="ProfessionalRules.ValidateDetails"/>.</summary>
public sealed class UpdateProfessionalValidator : AbstractValidator<UpdateProfessional>
{
    /// <summary>Creates the validator.</summary>
    public UpdateProfessionalValidator() =>
        RuleFor(c => c).Custom((command, context) =>
        {
            foreach (var error in ProfessionalRules.ValidateDetails(command.Details ?? new ProfessionalDetailsInput()).Errors)
            {
                context.AddFailure(new ValidationFailure(error.Field, error.Message) { ErrorCode = error.Code });
            }
        });
}

/// <summary>The body of a move.</summary>
/// <param name="EmployerCreditCode">The new employer's unified social credit code.</param>
/// <param name="StartedOn">First day at the new employer.</param>
public sealed record MoveBody(string? EmployerCreditCode, DateOnly? StartedOn);

/// <summary>
/// Moves a professional to another employer: the open employment ends the day before <paramref name="StartedOn"/>,
/// a new one starts, and the person's employer, region and sector become the new employer's. The history stays
/// with the person. Needs the entity tag read (<c>If-Match</c>); the new employer must be visible to the caller.
/// </summary>
/// <param name="Id">The professional.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="EmployerCreditCode">The new employer.</param>
/// <param name="StartedOn">First day there.</param>
public sealed record MoveProfessional(Guid Id, string? IfMatch, string? EmployerCreditCode, DateOnly? StartedOn) : IRequest<Versioned<ProfessionalView>>;

/// <summary>Checks a move's fields.</summary>
public sealed class MoveProfessionalValidator : AbstractValidator<MoveProfessional>
{
    /// <summary>Creates the validator.</summary>
    public MoveProfessionalValidator()
    {
        RuleFor(m => m.EmployerCreditCode).Custom((text, context) =>
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                context.AddFailure(new ValidationFailure("employerCreditCode", "调入单位统一社会信用代码（employerCreditCode）不能为空。") { ErrorCode = "required" });
            }
            else if (!UnifiedSocialCreditCode.TryParse(text, out _, out var error))
            {
                context.AddFailure(new ValidationFailure("employerCreditCode", "调入单位" + UnifiedSocialCreditCode.Message(error!)) { ErrorCode = error });
            }
        });
        RuleFor(m => m.StartedOn).NotNull().WithErrorCode("required").WithMessage("调入日期（startedOn）不能为空，格式为 yyyy-MM-dd。");
    }
}

/// <summary>
/// Handles registration, changes and moves of professionals. Region and sector come from the employer
/// (<see cref="ProfessionalOwnership"/>); a number registered outside the caller's scope is refused exactly like a
/// registration outside it (and audited), so registering is no way to learn whether someone is registered elsewhere.
/// </summary>
public sealed class ProfessionalCommandHandlers(
    PlatformDbContext db,
    ICurrentAccess access,
    IdNumberHasher idNumbers,
    IdNumberLookups lookups,
    IPersonalDataProtector protector,
    TimeProvider clock)
    : IRequestHandler<CreateProfessional, Versioned<ProfessionalView>>,
      IRequestHandler<UpdateProfessional, Versioned<ProfessionalView>>,
      IRequestHandler<MoveProfessional, Versioned<ProfessionalView>>
{
    private const string What = "专业技术人员信息";

    /// <inheritdoc />
    public async Task<Versioned<ProfessionalView>> Handle(CreateProfessional request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RegistryWriters.EnsureRole(access, RegistryWriters.ProfessionalWriters, What);
        var today = ProgramCalendar.Today(clock);
        var (valid, errors) = ProfessionalRules.Validate(request.Input, today);
        if (valid is null)
        {
            throw new RequestValidationException(errors);
        }

        var employer = await FindEmployerAsync(valid.EmployerCreditCode, cancellationToken).ConfigureAwait(false);
        var owners = await OwnersAsync(employer, valid.RegionCode, valid.DepartmentCode, null, cancellationToken).ConfigureAwait(false);
        if (!ProfessionalOwnership.MayRegister(access.Scope, owners, employer.Id))
        {
            throw CannotRegister();
        }

        var hash = idNumbers.Hash(valid.IdNumber);
        await EnsureNotRegisteredAsync(valid.IdNumber, hash, cancellationToken).ConfigureAwait(false);

        var now = clock.GetUtcNow().UtcDateTime;
        var professional = new Professional
        {
            IdNumberHash = hash,
            IdNumberCipher = protector.Protect(valid.IdNumber.Value),
            IdNumberMasked = valid.IdNumber.Masked,
            Name = valid.Name,
            Gender = valid.Gender,
            BirthDate = valid.BirthDate,
            PhoneCipher = valid.Phone is null ? null : protector.Protect(valid.Phone),
            PhoneMasked = valid.Phone is null ? null : MobileNumber.Mask(valid.Phone),
            EmployerId = employer.Id,
            RegionCode = owners.RegionCode,
            DepartmentCode = owners.DepartmentCode,
            TitleSeries = valid.TitleSeries,
            TitleLevel = valid.TitleLevel,
            Specialty = valid.Specialty,
            Education = valid.Education,
            Status = valid.Status,
            CreatedAt = now,
            UpdatedAt = now,
        };
        professional.Employments.Add(new Employment { ProfessionalId = professional.Id, EmployerId = employer.Id, StartedOn = today, RecordedAt = now });
        db.Professionals.Add(professional);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another request registered the same person between our check and our insert (unique hash).
            db.ChangeTracker.Clear();
            await EnsureNotRegisteredAsync(valid.IdNumber, hash, cancellationToken).ConfigureAwait(false);
            throw;
        }

        return await ProfessionalViews.GetAsync(db, professional.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Versioned<ProfessionalView>> Handle(UpdateProfessional request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RegistryWriters.EnsureRole(access, RegistryWriters.ProfessionalWriters, What);
        var (details, errors) = ProfessionalRules.ValidateDetails(request.Details);
        if (details is null)
        {
            throw new RequestValidationException(errors);
        }

        var professional = await db.Professionals.FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw Professional.NotFound(request.Id);
        EnsureCanChange(professional);
        var read = Preconditions.Require(request.IfMatch, professional.ConcurrencyStamp);

        professional.Name = details.Name;
        SetPhone(professional, details.Phone);
        professional.TitleSeries = details.TitleSeries;
        professional.TitleLevel = details.TitleLevel;
        professional.Specialty = details.Specialty;
        professional.Education = details.Education;
        professional.Status = details.Status;
        await SaveNewVersionAsync(professional, read, cancellationToken).ConfigureAwait(false);
        return await ProfessionalViews.GetAsync(db, professional.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Versioned<ProfessionalView>> Handle(MoveProfessional request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RegistryWriters.EnsureRole(access, RegistryWriters.ProfessionalWriters, What);
        var professional = await db.Professionals
            .Include(p => p.Employments.Where(e => e.EndedOn == null))
            .FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken)
            .ConfigureAwait(false)
            ?? throw Professional.NotFound(request.Id);
        EnsureCanChange(professional);
        var read = Preconditions.Require(request.IfMatch, professional.ConcurrencyStamp);

        if (!UnifiedSocialCreditCode.TryParse(request.EmployerCreditCode, out var code, out var codeError))
        {
            throw new RequestValidationException([new FieldError("employerCreditCode", codeError!, "调入单位" + UnifiedSocialCreditCode.Message(codeError!))]);
        }

        var employer = await FindEmployerAsync(code, cancellationToken).ConfigureAwait(false);
        var open = professional.Employments.Where(e => e.EndedOn == null).OrderBy(e => e.StartedOn).ToList();
        var today = ProgramCalendar.Today(clock);
        var startedOn = request.StartedOn!.Value;
        var (endOfCurrent, errors) = EmploymentHistory.Move(professional.EmployerId, open.Count > 0 ? open[^1].StartedOn : null, employer.Id, startedOn, today);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var owners = await OwnersAsync(employer, null, null, professional.DepartmentCode, cancellationToken).ConfigureAwait(false);
        if (!ProfessionalOwnership.MayRegister(access.Scope, owners, employer.Id))
        {
            throw CannotRegister();
        }

        foreach (var employment in open)
        {
            employment.EndedOn = endOfCurrent;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Employments.Add(new Employment { ProfessionalId = professional.Id, EmployerId = employer.Id, StartedOn = startedOn, RecordedAt = now });
        professional.EmployerId = employer.Id;
        professional.RegionCode = owners.RegionCode;
        professional.DepartmentCode = owners.DepartmentCode;
        await SaveNewVersionAsync(professional, read, cancellationToken).ConfigureAwait(false);
        return await ProfessionalViews.GetAsync(db, professional.Id, cancellationToken).ConfigureAwait(false);
    }

    // Writers change records of their own region, sector or staff — never through "self" or a feed.
    private void EnsureCanChange(Professional professional) =>
        RegistryWriters.EnsureInScope(access, professional.RegionCode, professional.DepartmentCode, professional.EmployerId, "只能修改本地区、本行业或本单位的专业技术人员信息。");

    // The employer by credit code, among the employers the caller may see (the scope filter decides).
    private async Task<Employer> FindEmployerAsync(UnifiedSocialCreditCode code, CancellationToken cancellationToken) =>
        await db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Code == code.Value, cancellationToken).ConfigureAwait(false)
        ?? throw new RequestValidationException([new FieldError("employerCreditCode", "employer.not_found", "未找到该统一社会信用代码对应的用人单位（或不在您的管理范围内），请核对代码或先登记用人单位。")]);

    // Region and sector from the employer (ProfessionalOwnership); a stated value that contradicts it is a 400.
    private async Task<ProfessionalOwners> OwnersAsync(Employer employer, string? statedRegion, string? statedDepartment, string? currentDepartment, CancellationToken cancellationToken)
    {
        var departments = employer.DepartmentCode is null
            ? (await db.Departments.AsNoTracking().Select(d => d.Code).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal)
            : [];
        var (owners, errors) = ProfessionalOwnership.Derive(employer.RegionCode, employer.DepartmentCode, statedRegion, statedDepartment, currentDepartment, departments.Contains);
        return owners ?? throw new RequestValidationException(errors);
    }

    // A number registered already: 409 when the caller may see that record (it is theirs to find anyway); otherwise
    // the refusal of any registration outside the caller's scope — nothing says the person exists — and an audit record.
    private async Task EnsureNotRegisteredAsync(ResidentIdNumber number, string hash, CancellationToken cancellationToken)
    {
        if (!await db.Professionals.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AnyAsync(p => p.IdNumberHash == hash, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (await db.Professionals.AnyAsync(p => p.IdNumberHash == hash, cancellationToken).ConfigureAwait(false))
        {
            throw Duplicate();
        }

        await lookups.RegistrationRefusedAsync(number, hash, "登记专业技术人员", cancellationToken).ConfigureAwait(false);
        throw CannotRegister();
    }

    private static PlatformException CannotRegister() => new(
        ProfessionalOwnership.CannotRegister,
        StatusCodes.Status403Forbidden,
        ProfessionalOwnership.CannotRegisterTitle,
        ProfessionalOwnership.CannotRegisterMessage);

    private void SetPhone(Professional professional, string? phone)
    {
        var current = professional.PhoneCipher is null ? null : protector.Unprotect(professional.PhoneCipher);
        if (current == phone)
        {
            return;
        }

        professional.PhoneCipher = phone is null ? null : protector.Protect(phone);
        professional.PhoneMasked = phone is null ? null : MobileNumber.Mask(phone);
    }

    // Compare-and-swap on the stamp the client read: a change committed in between fails in the database (412).
    private async Task SaveNewVersionAsync(Professional professional, Guid read, CancellationToken cancellationToken)
    {
        db.Entry(professional).Property(p => p.ConcurrencyStamp).OriginalValue = read;
        professional.ConcurrencyStamp = Guid.NewGuid();
        professional.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Preconditions.Stale();
        }
    }

    private static PlatformException Duplicate() => new(
        RegistryProblemCodes.ProfessionalDuplicate,
        StatusCodes.Status409Conflict,
        "数据冲突",
        "该身份证号的专业技术人员已登记，同一人只能登记一次；如其已调入本单位，请办理调动。",
        [new FieldError("idNumber", RegistryProblemCodes.ProfessionalDuplicate, "该身份证号已登记。")]);
}
