using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.IntegrationTests.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Infrastructure;

/// <summary>
/// What a fixture needs to put its own people and employers into a platform: fresh, valid resident ID numbers,
/// mobile numbers, employers under the county bureaus, and professionals registered through the API or stored as the
/// registry stores them — unique within the fixture and deterministic per seed.
/// </summary>
public sealed class FixtureRegistry(int seed)
{
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
    public FixtureEmployer AddEmployer(PlatformDbContext db, string name, string region, string department, IReadOnlyDictionary<string, Guid> bureaus)
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
        return new FixtureEmployer(employer.Id, employer.Code, name, region, department);
    }

    /// <summary>
    /// Registers a professional at <paramref name="employer"/> through the registry API as <paramref name="client"/>
    /// (asserts 201): a fresh ID number and mobile number, an intermediate title of <paramref name="titleSeries"/>.
    /// </summary>
    public async Task<Person> RegisterAsync(
        HttpClient client, FixtureEmployer employer, string name, Gender gender = Gender.Male, string phonePrefix = "139", string titleSeries = "卫生技术", string specialty = "临床医学")
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(employer);
        var idNumber = NewIdNumber(gender);
        var phone = NewPhone(phonePrefix);
        using var response = await client.PostAsJsonAsync(new Uri("/api/registry/professionals", UriKind.Relative), new
        {
            idNumber,
            name,
            phone,
            employerCreditCode = employer.Code,
            titleSeries,
            titleLevel = "中级",
            specialty,
            education = "本科",
        });
        var view = await response.ReadAsAsync<ProfessionalAnswer>(HttpStatusCode.Created, "register professional");
        return new Person(view.Id, idNumber, phone, view, response.Headers.ETag!.Tag);
    }

    /// <summary>
    /// Adds (unsaved) a professional at <paramref name="employer"/> stored as the registry stores people (the ID number
    /// hashed, encrypted and masked; the phone encrypted and masked), linked to the account <paramref name="userId"/>,
    /// with a current employment since <paramref name="employedSince"/> when given.
    /// </summary>
    public static (Professional Professional, Employment? Employment) AddProfessional(
        IServiceProvider services,
        PlatformDbContext db,
        FixtureEmployer employer,
        string idNumberText,
        string name,
        Guid? userId = null,
        string? phone = null,
        string? titleSeries = null,
        DateOnly? employedSince = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(employer);
        Assert.True(ResidentIdNumber.TryParse(idNumberText, DateOnly.FromDateTime(DateTime.UtcNow), out var idNumber, out _), idNumberText);
        var protector = services.GetRequiredService<IPersonalDataProtector>();
        var professional = new Professional
        {
            IdNumberHash = services.GetRequiredService<IdNumberHasher>().Hash(idNumber),
            IdNumberCipher = protector.Protect(idNumber.Value),
            IdNumberMasked = idNumber.Masked,
            Name = name,
            Gender = idNumber.IsMale ? Gender.Male : Gender.Female,
            BirthDate = idNumber.BirthDate,
            PhoneCipher = phone is null ? null : protector.Protect(phone),
            PhoneMasked = phone is null ? null : MobileNumber.Mask(phone),
            EmployerId = employer.Id,
            RegionCode = employer.RegionCode,
            DepartmentCode = employer.DepartmentCode,
            TitleSeries = titleSeries,
            TitleLevel = TitleLevel.Intermediate,
            Education = EducationLevel.Bachelor,
            UserId = userId,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.Professionals.Add(professional);
        if (employedSince is not { } since)
        {
            return (professional, null);
        }

        var employment = new Employment { ProfessionalId = professional.Id, EmployerId = employer.Id, StartedOn = since, RecordedAt = DateTime.UtcNow };
        db.Employments.Add(employment);
        return (professional, employment);
    }
}

/// <summary>A fixture employer.</summary>
/// <param name="Id">Its organization id.</param>
/// <param name="Code">Its unified social credit code.</param>
/// <param name="Name">Its name.</param>
/// <param name="RegionCode">Its county.</param>
/// <param name="DepartmentCode">Its sector.</param>
public sealed record FixtureEmployer(Guid Id, string Code, string Name, string RegionCode, string DepartmentCode);

/// <summary>A registered fixture person: id, the plaintext ID number and phone (which no answer may contain), the view and ETag at registration.</summary>
/// <param name="Id">The professional's id.</param>
/// <param name="IdNumber">The plaintext ID number.</param>
/// <param name="Phone">The plaintext mobile number.</param>
/// <param name="View">The registry's answer to the registration (as sent: <see cref="JsonAnswer.Json"/>).</param>
/// <param name="ETag">The ETag of the registration.</param>
public sealed record Person(Guid Id, string IdNumber, string Phone, ProfessionalAnswer View, string ETag);

/// <summary>Registry changes a fixture makes as the platform.</summary>
public static class FixtureRegistryChanges
{
    /// <summary>Links a professional record to an account (the person's own account).</summary>
    public static Task LinkAsync(this PlatformFixtureBase platform, Guid professionalId, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return platform.QueryAsync(db => db.Professionals.Where(p => p.Id == professionalId).ExecuteUpdateAsync(s => s.SetProperty(p => p.UserId, userId)));
    }
}
