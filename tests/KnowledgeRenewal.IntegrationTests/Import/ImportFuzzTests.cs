using System.Net;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.Registry.UseCases.Import;
using KnowledgeRenewal.Registry.Web;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.Import;

/// <summary>
/// Fuzz-style: random bytes and random damage to valid files, given to both readers (inspection, then reading every
/// row) and to the upload endpoint. A file may be refused (<see cref="ImportFileException"/>, a 400) or read; nothing
/// else may happen — no other exception, no 500, no hang.
/// </summary>
public sealed class ImportFuzzTests(ImportPlatform platform) : IClassFixture<ImportPlatform>
{
    private const int Iterations = 300;
    private static readonly ImportOptions Options = new() { MaxFileBytes = 1 << 20, MaxRows = 1000, MaxColumns = 64, MaxUncompressedBytes = 8 << 20 };

    public static TheoryData<string> Formats() => new() { ".xlsx", ".csv" };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Random_bytes_are_refused_or_read_never_a_crash(string extension)
    {
        var random = new Random(20230324);
        for (var i = 0; i < Iterations; i++)
        {
            var bytes = new byte[random.Next(0, 4096)];
            random.NextBytes(bytes);
            if (i % 3 == 0 && bytes.Length >= 4)
            {
                bytes[0] = 0x50; // "PK\3\4": get past the signature check into the zip reader
                bytes[1] = 0x4B;
                bytes[2] = 3;
                bytes[3] = 4;
            }

            Outcome(bytes, extension, $"random #{i}");
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Damaged_valid_files_are_refused_or_read_never_a_crash(string extension)
    {
        var rows = ImportSheets.Professionals(40, platform.EmployerA1);
        var valid = extension == ".xlsx"
            ? ImportSheets.Xlsx(ImportSheets.ProfessionalHeader, rows)
            : ImportSheets.Csv(ImportSheets.ProfessionalHeader, rows);
        Assert.Equal(40, Outcome(valid, extension, "valid"));
        var random = new Random(42);
        byte[] specials = [0, (byte)'"', (byte)',', (byte)'\n', (byte)'\r', (byte)'=', (byte)'<', (byte)'>', 0xFF, 0xE4, 0x80];
        for (var i = 0; i < Iterations; i++)
        {
            var bytes = (byte[])valid.Clone();
            switch (i % 4)
            {
                case 0:
                    bytes = bytes[..random.Next(1, bytes.Length)];
                    break;
                case 1:
                    for (var k = random.Next(1, 8); k > 0; k--)
                    {
                        bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    }

                    break;
                case 2:
                    for (var k = random.Next(1, 8); k > 0; k--)
                    {
                        bytes[random.Next(bytes.Length)] = specials[random.Next(specials.Length)];
                    }

                    break;
                default:
                    var at = random.Next(bytes.Length);
                    var insert = new byte[random.Next(1, 64)];
                    random.NextBytes(insert);
                    bytes = [.. bytes[..at], .. insert, .. bytes[at..]];
                    break;
            }

            Outcome(bytes, extension, $"mutation #{i}");
        }
    }

    [Fact]
    public async Task Uploads_of_random_and_damaged_files_answer_4xx_or_202_and_their_jobs_end_Completed_or_Rejected()
    {
        var client = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var random = new Random(7);
        var valid = ImportSheets.Xlsx(ImportSheets.ProfessionalHeader, ImportSheets.Professionals(10, platform.EmployerA1, first: 5_000_000));
        for (var i = 0; i < 24; i++)
        {
            var extension = i % 2 == 0 ? ".xlsx" : ".csv";
            byte[] bytes;
            if (i < 12)
            {
                bytes = new byte[random.Next(1, 2048)];
                random.NextBytes(bytes);
            }
            else
            {
                bytes = (byte[])valid.Clone();
                bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
            }

            using var response = await client.UploadAsync("professionals", bytes, "fuzz" + extension);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Accepted or HttpStatusCode.RequestEntityTooLarge, $"#{i}: {(int)response.StatusCode} {body}");
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                var job = await client.WaitAsync((await response.ReadJsonAsync(HttpStatusCode.Accepted)).GetProperty("id").GetString()!);
                Assert.True(job.Status() is "Completed" or "Rejected", $"#{i}: {job}");
            }
        }
    }

    // Inspects and reads the whole file: the number of rows read, or -1 when refused.
    private static int Outcome(byte[] bytes, string extension, string what)
    {
        var path = Path.Combine(Path.GetTempPath(), "kr-fuzz-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllBytes(path, bytes);
        try
        {
            var format = ImportFiles.FormatOf(path)!.Value;
            var file = ImportFiles.Inspect(path, format, ImportSchema.Professionals, Options);
            return ImportFiles.ReadRows(path, file, Options).Count();
        }
        catch (ImportFileException exception)
        {
            Assert.StartsWith("import.", exception.Code, StringComparison.Ordinal);
            Assert.InRange(exception.Status, 400, 499);
            return -1;
        }
        catch (Exception exception)
        {
            Assert.Fail($"{what} ({bytes.Length} bytes, {extension}) threw {exception.GetType().FullName}: {exception.Message}\n{exception.StackTrace}");
            return -1;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
