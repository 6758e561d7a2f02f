using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Domain.Import;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Registry.UseCases.Import;

/// <summary>Where uploaded files wait for their job: <c>{data}/imports</c> (<see cref="ImportOptions.WorkFolder"/>).</summary>
internal sealed class ImportWorkFolder(DatabaseOptions database, IOptions<ImportOptions> options)
{
    /// <summary>The folder.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(database.DataDirectory, options.Value.WorkFolder));

    /// <summary>A new file's path (the folder is created when missing).</summary>
    public string NewFile()
    {
        Directory.CreateDirectory(Path);
        return System.IO.Path.Combine(Path, Guid.NewGuid().ToString("N") + ".upload");
    }

    /// <summary>Deletes a file, ignoring one already gone.</summary>
    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Deletes uploads older than <paramref name="before"/> (left by a crash).</summary>
    public void DeleteStale(DateTime before)
    {
        if (!Directory.Exists(Path))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(Path, "*.upload"))
        {
            if (File.GetLastWriteTimeUtc(file) < before)
            {
                Delete(file);
            }
        }
    }
}
