using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Supervision.Domain.Bases;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Bases;

/// <summary>
/// Encrypts, once, the phones of objections to a base's exit filed before phones were kept encrypted (migration
/// <c>ObjectionContactEncrypted</c> moved the plain phone into <see cref="BaseExitObjection.ContactPhoneCipher"/> and
/// left <see cref="BaseExitObjection.ContactPhoneMasked"/> empty): the phone is encrypted with the personal-data key,
/// which a migration cannot reach, and masked. On every later start it reads nothing but the empty answer.
/// </summary>
internal sealed class ObjectionContactEncryption(PlatformDbContext db, IPersonalDataProtector protector) : IStartupStep
{
    /// <inheritdoc />
    public string Name => "supervision.objection-contact-encryption";

    /// <inheritdoc />
    public int Order => 26;

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var plain = await db.Set<BaseExitObjection>().Where(o => o.ContactPhoneMasked == "").ToListAsync(cancellationToken).ConfigureAwait(false);
        if (plain.Count == 0)
        {
            return;
        }

        foreach (var objection in plain)
        {
            var phone = MobileNumber.Normalize(objection.ContactPhoneCipher) ?? objection.ContactPhoneCipher;
            objection.ContactPhoneCipher = protector.Protect(phone);
            objection.ContactPhoneMasked = MobileNumber.Normalize(phone) is { } mobile ? MobileNumber.Mask(mobile) : "****";
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
