namespace KnowledgeRenewal.Registry.Domain;

/// <summary>Encrypts personal data (ID numbers, phone numbers) for storage, and decrypts it for an audited unmasking.</summary>
public interface IPersonalDataProtector
{
    /// <summary>The ciphertext (text-safe) of <paramref name="plaintext"/>; a fresh nonce every time.</summary>
    string Protect(string plaintext);

    /// <summary>The plaintext of a value made by <see cref="Protect"/>; throws when it was altered or the key is wrong.</summary>
    string Unprotect(string protectedValue);
}
