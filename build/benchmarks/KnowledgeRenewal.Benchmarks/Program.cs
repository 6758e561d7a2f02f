using System.Diagnostics;
using System.Globalization;
using KnowledgeRenewal.Benchmarks;

// Usage: KnowledgeRenewal.Benchmarks [rows=100000] [rounds=2]                     (import, build/benchmark-import.sh)
//        KnowledgeRenewal.Benchmarks compliance [people=300000] [records=3000000]  (compliance, build/benchmark-compliance.sh)
//        KnowledgeRenewal.Benchmarks odata [people=300000] [records=1000000] [rounds=15] (OData, build/benchmark-odata.sh)
var compliance = args.Length > 0 && args[0] == "compliance";
var odata = args.Length > 0 && args[0] == "odata";
var numbers = compliance || odata ? args[1..] : args;
var rows = numbers.Length > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : compliance || odata ? 300_000 : 100_000;
var rounds = numbers.Length > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : compliance ? 3_000_000 : odata ? 1_000_000 : 2;
var samples = numbers.Length > 2 ? int.Parse(numbers[2], CultureInfo.InvariantCulture) : 15;
var work = Path.Combine(Path.GetTempPath(), "kr-benchmark-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
Directory.CreateDirectory(work);
try
{
    return odata
        ? await ODataBenchmark.RunAsync(rows, rounds, samples, work, Console.Out)
        : compliance
        ? await ComplianceBenchmark.RunAsync(rows, rounds, work, Console.Out)
        : await ImportBenchmark.RunAsync(rows, rounds, work, Console.Out);
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
