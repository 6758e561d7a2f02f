using System.Diagnostics;
using System.Globalization;
using KnowledgeRenewal.Benchmarks;

// Usage: KnowledgeRenewal.Benchmarks [rows=100000] [rounds=2]
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
var work = Path.Combine(Path.GetTempPath(), "kr-benchmark-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
Directory.CreateDirectory(work);
try
{
    return await ImportBenchmark.RunAsync(rows, rounds, work, Console.Out);
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try
    {
        Directory.Delete(work, recursive: true);
    }
    catch (IOException)
    {
        Debug.WriteLine("work folder left behind: " + work);
    }
}
