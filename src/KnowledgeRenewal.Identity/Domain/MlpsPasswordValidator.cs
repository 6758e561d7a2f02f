using System.Reflection;
using KnowledgeRenewal.Kernel.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Identity.Domain;

/// <summary>
/// The password policy: minimum length; in MLPS mode three of the four character classes (upper, lower, digit,
/// symbol); never a common password (an embedded list, compared case-insensitively and ignoring a trailing
/// digit run), nor one containing the user name or the phone number. Errors are Chinese with stable codes.
/// </summary>
public sealed class MlpsPasswordValidator(IOptions<PasswordPolicyOptions> options) : IPasswordValidator<PlatformUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(LoadCommonPasswords);

    /// <inheritdoc />
    public Task<IdentityResult> ValidateAsync(UserManager<PlatformUser> manager, PlatformUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = Check(password ?? "", user.UserName, user.PhoneNumber, options.Value);
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    /// <summary>The policy's verdict on a password (empty when acceptable).</summary>
    public static IReadOnlyList<IdentityError> Check(string password, string? userName, string? phone, PasswordPolicyOptions policy)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(policy);
        var errors = new List<IdentityError>();
        var minimum = policy.EffectiveMinimumLength;
        if (password.Length < minimum)
        {
            errors.Add(new IdentityError { Code = "password.too_short", Description = $"密码至少 {minimum} 位。" });
        }

        if (password.Length > 128)
        {
            errors.Add(new IdentityError { Code = "password.too_long", Description = "密码最多 128 位。" });
        }

        if (policy.MlpsMode)
        {
            var classes = (password.Any(char.IsAsciiLetterUpper) ? 1 : 0)
                + (password.Any(char.IsAsciiLetterLower) ? 1 : 0)
                + (password.Any(char.IsAsciiDigit) ? 1 : 0)
                + (password.Any(c => !char.IsAsciiLetterOrDigit(c)) ? 1 : 0);
            if (classes < 3)
            {
                errors.Add(new IdentityError { Code = "password.character_classes", Description = "密码须包含大写字母、小写字母、数字、特殊字符中的至少三类。" });
            }
        }

        if (IsCommon(password))
        {
            errors.Add(new IdentityError { Code = "password.common", Description = "该密码过于常见，容易被猜到，请换一个。" });
        }

        if (!string.IsNullOrEmpty(userName) && userName.Length >= 3 && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = "password.contains_user_name", Description = "密码不能包含用户名。" });
        }

        if (!string.IsNullOrEmpty(phone) && password.Contains(phone, StringComparison.Ordinal))
        {
            errors.Add(new IdentityError { Code = "password.contains_phone", Description = "密码不能包含手机号码。" });
        }

        return errors;
    }

    /// <summary>Whether the password is on (or a trivial variant of one on) the common-password list.</summary>
    public static bool IsCommon(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var lower = password.ToLowerInvariant();
        var withoutTrailing = lower.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '!', '@', '#', '.', '*');
        return Common.Value.Contains(lower) || (withoutTrailing.Length >= 4 && Common.Value.Contains(withoutTrailing));
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("KnowledgeRenewal.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }
}
