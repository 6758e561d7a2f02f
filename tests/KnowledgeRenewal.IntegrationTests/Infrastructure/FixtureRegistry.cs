using System.Globalization;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using Microsoft.EntityFrameworkCore;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Infrastructure;

/// <summary>
/// What a fixture needs to put its own people and employers into a shared platform: fresh, valid resident ID numbers,
/// mobile numbers and employers under the county bureaus — unique within the fixture and deterministic per seed.
/// </summary>
public sealed class FixtureRegistry(int seed)
{
    /// <summary>Settings of a fixture host without demo data whose tests sign in often.</summary>
    public static readonly IReadOnlyDictionary<string, string?> HostSettings = new Dictionary<string, string?>
    {
        ["Platform:DemoMode"] = "false",
        ["Security:SignInPerIpPerMinute"] = "100000",
        ["Security:SignInPerAccountPerMinute"] = "1000",
    };

    private readonly Lock gate = new();
    private readonly HashSet<string> issued = new(StringComparer.Ordinal);
    private readonly Random random = new(seed);

    /// <summary>The county bureaus' organization ids by code (<c>CB-{region}</c>), the employers' parents.</summary>
    public static Task<Dictionary<string, Guid>> CountyBureausAsync(PlatformDbContext db) =>
        db.Organizations.Where(o => o.Code.StartsWith("CB-")).ToDictionaryAsync(o => o.Code, o => o.Id);

    /// <summary>
    /// A resident ID number nobody in this fixture has, issued in <paramref name="region"/> (born 1970–1999 unless
    /// given; with <paramref name="check"/>, one ending in that check character).
    /// </summary>
    public string NewIdNumber(Gender gender = Gender.Male, DateOnly? birth = null, char? check = null, string region = "370811")
    {
        lock (gate)
        {
            while (true)
            {
                var born = birth ?? new DateOnly(1970, 1, 1).AddDays(random.Next(0, 365 * 30));
                var number = ResidentIdNumberGenerator.Generate(region, born, gender, random.Next).Value;
                if ((check is null || number[^1] == check) && issued.Add(number))
                {
                    return number;
                }
            }
        }
    }

    /// <summary>A mobile number nobody in this fixture has.</summary>
    public string NewPhone(string prefix = "139")
    {
        lock (gate)
        {
            while (true)
            {
                var phone = prefix + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
                if (issued.Add(phone))
                {
                    return phone;
                }
            }
        }
    }

    /// <summary>Adds (unsaved) a public employer of <paramref name="department"/> in <paramref name="region"/> under its county bureau.</summary>
    public Employer AddEmployer(PlatformDbContext db, string name, string region, string department, IReadOnlyDictionary<string, Guid> bureaus)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(bureaus);
        string code;
        lock (gate)
        {
            code = UnifiedSocialCreditCode.Generate('1', '2', region, random.Next).Value;
        }

        var employer = new Employer
        {
            Code = code,
            Name = name,
            RegionCode = region,
            DepartmentCode = department,
            Ownership = Ownership.Public,
            ParentId = bureaus["CB-" + region],
            CreatedAt = DateTime.UtcNow,
        };
        db.Employers.Add(employer);
        return employer;
    }
}
