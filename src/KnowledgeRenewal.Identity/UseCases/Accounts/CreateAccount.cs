using FluentValidation;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Identity.UseCases.Accounts;

/// <summary>
/// Creates an account with a one-time password. Only these fields are read from the request; anything else a
/// client sends (state, stamps, hashes, dates) is ignored.
/// </summary>
internal sealed record CreateAccount : IRequest<AccountWithPassword>
{
    /// <summary>User name: 3–64 characters, a letter first, then letters, digits, '.', '-' or '_'.</summary>
    public string UserName { get; init; } = "";

    /// <summary>Shown name (up to 64 characters).</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>The organization the account belongs to.</summary>
    public Guid OrganizationId { get; init; }

    /// <summary>Its roles (see <see cref="PlatformRoles"/>).</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Mobile number (optional; sign-in by phone).</summary>
    public string? Phone { get; init; }

    /// <summary>Resident ID number (optional; sign-in by ID number). Only its keyed hash is stored.</summary>
    public string? IdNumber { get; init; }
}

/// <summary>Checks the fields of a new account.</summary>
internal sealed class CreateAccountValidator : AbstractValidator<CreateAccount>
{
    /// <summary>Creates the validator.</summary>
    public CreateAccountValidator(TimeProvider clock)
    {
        RuleFor(a => a.UserName).NotEmpty().WithErrorCode("required").WithMessage("请填写用户名（userName）。")
            .Must(n => AccountRules.UserNamePattern().IsMatch(n ?? "")).When(a => !string.IsNullOrEmpty(a.UserName))
            .WithErrorCode("invalid_user_name").WithMessage("用户名应为 3 至 64 个字符，以英文字母开头，只能包含英文字母、数字和 . - _。");
        RuleFor(a => a.DisplayName).NotEmpty().WithErrorCode("required").WithMessage("请填写姓名或显示名称（displayName）。")
            .MaximumLength(64).WithErrorCode("too_long").WithMessage("显示名称最多 64 个字符。");
        RuleFor(a => a.OrganizationId).NotEmpty().WithErrorCode("required").WithMessage("请填写所属单位（organizationId）。");
        RuleFor(a => a.Roles).NotEmpty().WithErrorCode("required").WithMessage(RoleMessages.Required);
        RuleForEach(a => a.Roles).Must(RoleMessages.Exists).WithErrorCode("unknown_role").WithMessage((_, role) => RoleMessages.Unknown(role));
        RuleFor(a => a.Phone).Must(p => MobileNumber.Normalize(p) is not null).When(a => !string.IsNullOrWhiteSpace(a.Phone))
            .WithErrorCode("invalid_phone").WithMessage("手机号码（phone）应为 11 位中国大陆手机号。");
        RuleFor(a => a.IdNumber).Custom((text, context) =>
        {
            if (!string.IsNullOrWhiteSpace(text) && !ResidentIdNumber.TryParse(text, ProgramCalendar.Today(clock), out _, out var error))
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure("IdNumber", IdNumberMessage(error!)) { ErrorCode = error });
            }
        });
    }

    /// <summary>The Chinese message of a resident ID number error code.</summary>
    public static string IdNumberMessage(string error) => error switch
    {
        "id_number.length" => "身份证号（idNumber）应为 18 位。",
        "id_number.digits" => "身份证号前 17 位应为数字。",
        "id_number.check_character" => "身份证号最后一位应为数字或 X。",
        "id_number.birth_date" => "身份证号中的出生日期无效。",
        "id_number.checksum" => "身份证号校验位不正确，请核对后重新输入。",
        _ => "身份证号无效。",
    };
}

/// <summary>
/// Handles <see cref="CreateAccount"/>: organization exists, roles fit it and respect the three-role separation,
/// user name and ID number are free (409 otherwise); the account gets a one-time password (returned once) that must
/// be changed at the first sign-in. Audited as <see cref="AuditActions.AccountCreated"/>.
/// </summary>
internal sealed class CreateAccountHandler(
    PlatformDbContext db,
    UserManager<PlatformUser> users,
    IdNumberHasher idNumbers,
    IAuditTrail audit,
    IOptions<PasswordPolicyOptions> passwords,
    TimeProvider clock) : IRequestHandler<CreateAccount, AccountWithPassword>
{
    /// <inheritdoc />
    public async Task<AccountWithPassword> Handle(CreateAccount request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == request.OrganizationId, cancellationToken).ConfigureAwait(false)
            ?? throw new RequestValidationException([new FieldError("organizationId", "unknown_organization", "所属单位不存在。")]);
        var roles = request.Roles.Distinct(StringComparer.Ordinal).ToArray();
        AccountRules.EnsureRolesFit(roles, organization.Type);

        var userName = request.UserName.Trim();
        if (await users.FindByNameAsync(userName).ConfigureAwait(false) is not null)
        {
            throw AccountRules.UserNameTaken();
        }

        string? idNumberHash = null;
        if (!string.IsNullOrWhiteSpace(request.IdNumber))
        {
            ResidentIdNumber.TryParse(request.IdNumber, ProgramCalendar.Today(clock), out var idNumber, out _);
            idNumberHash = idNumbers.Hash(idNumber);
            if (await db.Users.AnyAsync(u => u.IdNumberHash == idNumberHash, cancellationToken).ConfigureAwait(false))
            {
                throw AccountRules.IdNumberTaken();
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var phone = MobileNumber.Normalize(request.Phone);
        var user = new PlatformUser
        {
            UserName = userName,
            DisplayName = request.DisplayName.Trim(),
            OrganizationId = organization.Id,
            PhoneNumber = phone,
            IdNumberHash = idNumberHash,
            MustChangePassword = true,
            PasswordChangedAt = now,
            CreatedAt = now,
        };
        var password = OneTimePasswords.Generate(passwords.Value, userName, phone);

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            AccountRules.Check(await users.CreateAsync(user, password).ConfigureAwait(false));
            AccountRules.Check(await users.AddToRolesAsync(user, roles).ConfigureAwait(false));
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another request took the user name or ID number between our checks and our insert (rolled back).
            db.ChangeTracker.Clear();
            throw idNumberHash is not null && await db.Users.AnyAsync(u => u.IdNumberHash == idNumberHash, cancellationToken).ConfigureAwait(false)
                ? AccountRules.IdNumberTaken()
                : AccountRules.UserNameTaken();
        }

        await audit.RecordAsync(
            new AuditEvent(AuditActions.AccountCreated, AuditOutcome.Success, nameof(PlatformUser), user.Id.ToString(), $"organization={organization.Id}; roles={string.Join(",", roles)}"),
            cancellationToken).ConfigureAwait(false);
        return new AccountWithPassword(await AccountViews.GetAsync(db, user.Id, clock, cancellationToken).ConfigureAwait(false), password);
    }
}
