using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Accounts;
using Microsoft.AspNetCore.Identity;

namespace KnowledgeRenewal.Identity.UseCases.SignIn;

/// <summary>
/// Checks TOTP codes (RFC 6238, the previous, current and next 30-second window) and refuses a code — or any older
/// one — once it has been used: an intercepted code cannot be replayed. The one place codes are verified.
/// </summary>
public sealed class TwoFactorCodes(UserManager<PlatformUser> users, TimeProvider clock)
{
    private const string Provider = "[KnowledgeRenewal]";
    private const string LastStepToken = "LastTotpStep";

    /// <summary>Whether <paramref name="code"/> is a fresh valid code of the account's authenticator; records its use.</summary>
    public async Task<bool> VerifyAsync(PlatformUser user, string? code)
    {
        ArgumentNullException.ThrowIfNull(user);
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        var key = await users.GetAuthenticatorKeyAsync(user).ConfigureAwait(false);
        if (digits.Length != 6 || string.IsNullOrEmpty(key))
        {
            return false;
        }

        var now = AuthenticatorCode.StepOf(clock.GetUtcNow());
        long? matched = null;
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(AuthenticatorCode.ComputeForStep(key, step)), Encoding.ASCII.GetBytes(digits)))
            {
                matched = step;
                break;
            }
        }

        if (matched is not { } used)
        {
            return false;
        }

        // The last used window is kept with a fingerprint of the key it belongs to: a new key starts afresh.
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(key)))[..16];
        var last = (await users.GetAuthenticationTokenAsync(user, Provider, LastStepToken).ConfigureAwait(false))?.Split(':');
        if (last is [var lastStep, var lastKey] && lastKey == fingerprint
            && long.TryParse(lastStep, NumberStyles.Integer, CultureInfo.InvariantCulture, out var lastUsed) && used <= lastUsed)
        {
            return false;
        }

        var stored = await users.SetAuthenticationTokenAsync(user, Provider, LastStepToken, string.Create(CultureInfo.InvariantCulture, $"{used}:{fingerprint}")).ConfigureAwait(false);
        return stored.Succeeded;
    }
}
