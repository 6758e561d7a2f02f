using FluentValidation;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>
/// A training institution's staff (or the program office) names the trainee of a training record as a roster row does:
/// by ID number and name, both as the registry has them. The answer is the person masked, or one refusal that does not
/// tell which of the two did not match.
/// </summary>
/// <param name="IdNumber">The trainee's resident ID number.</param>
/// <param name="Name">The trainee's name.</param>
internal sealed record FindTrainee(string? IdNumber, string? Name) : IRequest<TraineeView>
{
    /// <inheritdoc />
    public override string ToString() => nameof(FindTrainee); // never the ID number in logs
}

/// <summary>Checks the ID number (a real resident ID number) and the name (given).</summary>
internal sealed class FindTraineeValidator : AbstractValidator<FindTrainee>
{
    /// <summary>Creates the validator.</summary>
    public FindTraineeValidator(TimeProvider clock)
    {
        RuleFor(f => f.IdNumber).Cascade(CascadeMode.Stop)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithErrorCode("required").WithMessage("请输入学员的身份证号")
            .Must(text => ResidentIdNumber.TryParse(text, ProgramCalendar.Today(clock), out _, out _)).WithErrorCode("invalid_id_number")
            .WithMessage("身份证号必须是 18 位的居民身份证号码，例如 370811198805171234")
            .OverridePropertyName("idNumber");
        RuleFor(f => f.Name).Cascade(CascadeMode.Stop)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithErrorCode("required").WithMessage("请输入学员的姓名")
            .MaximumLength(35).WithErrorCode("too_long").WithMessage("姓名最多 35 个字")
            .OverridePropertyName("name");
    }
}

/// <summary>
/// Handles <see cref="FindTrainee"/>: only for the program office or the staff of a listed training institution (403
/// otherwise); an active professional of the registry whose keyed ID-number hash and name both match (one 422 field
/// error on the ID number otherwise, never saying which part differed).
/// </summary>
internal sealed class FindTraineeHandler(PlatformDbContext db, ICurrentAccess access, IdNumberHasher hasher, TimeProvider clock) : IRequestHandler<FindTrainee, TraineeView>
{
    /// <inheritdoc />
    public async Task<TraineeView> Handle(FindTrainee request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!DigitalEngineerAccess.IsProgramOffice(access))
        {
            var organization = access.Roles.Contains(PlatformRoles.ProviderStaff) ? access.OrganizationId : null;
            var trains = organization is { } id && await db.DigitalInstitutions.AsNoTracking()
                .AnyAsync(i => i.OrganizationId == id && i.Kind == InstitutionKind.Training, cancellationToken).ConfigureAwait(false);
            if (!trains)
            {
                throw DigitalProblem.Forbidden(DigitalEngineerProblemCodes.NotInstitutionStaff, "无权查找学员", "只有培训机构的工作人员（或项目办）可以按身份证号和姓名确认学员。");
            }
        }

        ResidentIdNumber.TryParse(request.IdNumber, ProgramCalendar.Today(clock), out var number, out _);
        var hash = hasher.Hash(number);
        var name = request.Name!.Trim();
        var person = await db.Professionals.IgnoreQueryFilters(DigitalReaders.AccessScope).AsNoTracking()
            .Where(p => p.IdNumberHash == hash && p.Status == ProfessionalStatus.Active)
            .Select(p => new { p.Id, p.Name, p.IdNumberMasked })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (person is null || !string.Equals(person.Name, name, StringComparison.Ordinal))
        {
            throw new PlatformException(
                DigitalEngineerProblemCodes.PersonNotFound,
                422,
                "学员不在人员库中",
                "人员库中没有与该身份证号和姓名都相符的在册专业技术人员；请核对后重新输入，或请学员所在单位先在人员库中登记。",
                [new FieldError("idNumber", "not_found", "人员库中没有与该身份证号和姓名都相符的在册专业技术人员，请核对后重新输入")]);
        }

        return new TraineeView(person.Id, HolderMask.Name(person.Name), person.IdNumberMasked);
    }
}
