// Page times, single user: signs in as every demo account, walks the pages its workbench links to (two levels deep,
// one address per page shape; a section a page loads by htmx, hx-get="…?handler=part&part=…", counts as a page),
// requests each one `runs` times and prints the server time (p50/p95, from the host's Server-Timing header), the time
// seen by the client and the number of SQL commands per request.
//
//   dotnet run build/pages/measure-pages.cs -- <base-url> [runs] [budget-ms]
//
// The host must run with Platform:ServerTiming=true (build/measure-pages.sh starts one that does).
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

var baseUrl = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:5080");
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var budgetMs = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 300;
const string Password = "Jining-Demo-2023!";
const int MaxPagesPerAccount = 60;
// KR_PAGES_ONLY: a regular expression; only the pages whose address matches it are measured (the workbench always is).
var only = Environment.GetEnvironmentVariable("KR_PAGES_ONLY") is { Length: > 0 } pattern ? new Regex(pattern) : null;

using var anonymous = new HttpClient { BaseAddress = baseUrl };
var landing = await anonymous.GetStringAsync(new Uri("/", UriKind.Relative));
var accounts = Regex.Matches(landing, @"\bdemo\.[a-z][a-z-]*[a-z]\b").Select(m => m.Value).Distinct().ToList();
if (accounts.Count == 0)
{
    Console.Error.WriteLine("no demo accounts on the landing page: is the host in demo mode?");
    return 2;
}

// Accounts with two factors: the landing page (demo mode) shows their authenticator keys.
var keys = Regex.Matches(landing, @"<code>(demo\.[a-z-]+)</code></td>\s*<td><code>[^<]*</code></td>\s*<td><code>([A-Z2-7]+)</code>")
    .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
var rows = new List<PageRow>();
foreach (var account in accounts)
{
    var cookies = new CookieContainer();
    using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = true };
    using var client = new HttpClient(handler) { BaseAddress = baseUrl };
    if (!await SignInAsync(client, account, keys.GetValueOrDefault(account)))
    {
        Console.Error.WriteLine($"{account}: not signed in (password change required, or no authenticator key on the landing page) — skipped");
        continue;
    }

    // Breadth-first from the workbench: every same-site HTML page it links to, and the pages those link to.
    var shapes = new HashSet<string>(StringComparer.Ordinal);
    var queue = new Queue<(string Path, int Depth)>();
    queue.Enqueue(("/workbench", 0));
    shapes.Add(Shape("/workbench"));
    var pages = new List<string>();
    while (queue.Count > 0 && pages.Count < MaxPagesPerAccount)
    {
        var (path, depth) = queue.Dequeue();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        if (!IsPage(response))
        {
            continue;
        }

        pages.Add(path);
        if (depth == 2)
        {
            continue;
        }

        var html = await response.Content.ReadAsStringAsync();
        foreach (Match link in Regex.Matches(html, "(?:href|hx-get)=\"(/[^\"#]*)\""))
        {
            var href = WebUtility.HtmlDecode(link.Groups[1].Value);
            if (Measurable(href) && (only is null || only.IsMatch(href)) && shapes.Add(Shape(href)))
            {
                queue.Enqueue((href, depth + 1));
            }
        }
    }

    foreach (var path in pages)
    {
        rows.Add(await MeasureAsync(client, account, path));
    }
}

Console.WriteLine($"page times, single user, {runs} requests each after 2 warm-up requests ({Environment.ProcessorCount} cores); server = Server-Timing app, client = full response read");
Console.WriteLine($"{"account",-24} {"page",-52} {"server p50",10} {"server p95",10} {"client p95",10} {"sql p50",8} {"sql/req",8}");
foreach (var row in rows)
{
    var flag = row.ServerP95 > budgetMs ? "  OVER" : "";
    Console.WriteLine($"{row.Account,-24} {Trim(row.Path, 52),-52} {row.ServerP50,10:0.0} {row.ServerP95,10:0.0} {row.ClientP95,10:0.0} {row.SqlP50,8:0.0} {row.SqlMax,8}{flag}");
}

var over = rows.Where(r => r.ServerP95 > budgetMs).ToList();
var slowest = rows.MaxBy(r => r.ServerP95);
var busiest = rows.MaxBy(r => r.SqlMax);
Console.WriteLine($"pages measured: {rows.Count} across {accounts.Count} accounts");
if (slowest is not null && busiest is not null)
{
    Console.WriteLine($"slowest server p95: {slowest.ServerP95:0.0} ms ({slowest.Account} {slowest.Path})");
    Console.WriteLine($"most SQL commands per request: {busiest.SqlMax} ({busiest.Account} {busiest.Path})");
}

Console.WriteLine(over.Count == 0
    ? $"budget check: every page's server p95 within {budgetMs:0} ms"
    : $"budget check: {over.Count} page(s) OVER {budgetMs:0} ms at p95");
return 0;

// Signs in on the login page as a person would: the password, then — when the page asks for it — the authenticator code.
static async Task<bool> SignInAsync(HttpClient client, string account, string? authenticatorKey)
{
    var page = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
    var at = "/Account/Login";
    var fields = new Dictionary<string, string> { ["Input.Login"] = account, ["Input.Password"] = Password };
    for (var step = 0; step < 3; step++)
    {
        var form = FormOf(page, at, fields, authenticatorKey);
        using var content = new FormUrlEncodedContent(form.Fields);
        using var response = await client.PostAsync(new Uri(form.Action, UriKind.Relative), content);
        var path = response.RequestMessage?.RequestUri?.AbsolutePath ?? "";
        if (!path.StartsWith("/Account/", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        page = await response.Content.ReadAsStringAsync();
        at = path;
        if (authenticatorKey is null || !Regex.IsMatch(page, @"name=""(Input\.)?[A-Za-z]*Code""") || path.Contains("Password", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
    }

    return false;
}

// The page's post form with its hidden fields, the given values and the current authenticator code for a code field;
// a form without an action posts to the page's own address.
static (string Action, Dictionary<string, string> Fields) FormOf(string html, string path, Dictionary<string, string> values, string? authenticatorKey)
{
    var form = Regex.Match(html, "<form[^>]*method=\"post\"[^>]*>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase);
    var action = Regex.Match(form.Value, "^<form[^>]*action=\"([^\"]+)\"").Groups[1].Value;
    var fields = new Dictionary<string, string>(StringComparer.Ordinal);
    foreach (Match input in Regex.Matches(form.Groups[1].Value, "<input[^>]*>"))
    {
        var name = Regex.Match(input.Value, "name=\"([^\"]+)\"").Groups[1].Value;
        if (name.Length == 0)
        {
            continue;
        }

        fields[name] = values.TryGetValue(name, out var given) ? given
            : name.EndsWith("Code", StringComparison.Ordinal) && authenticatorKey is not null ? Totp(authenticatorKey)
            : WebUtility.HtmlDecode(Regex.Match(input.Value, "value=\"([^\"]*)\"").Groups[1].Value);
    }

    return (action.Length == 0 ? path : WebUtility.HtmlDecode(action), fields);
}

// RFC 6238: six digits, 30-second steps, HMAC-SHA1 over the base32 key.
static string Totp(string base32Key)
{
    var bits = string.Concat(base32Key.TrimEnd('=').Select(c => Convert.ToString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".IndexOf(c, StringComparison.Ordinal), 2).PadLeft(5, '0')));
    var key = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    var counter = BitConverter.GetBytes(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
    if (BitConverter.IsLittleEndian)
    {
        Array.Reverse(counter);
    }

#pragma warning disable CA5350 // RFC 6238 authenticator codes are HMAC-SHA1 by definition
    var hash = System.Security.Cryptography.HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
    var offset = hash[^1] & 0x0F;
    var code = ((hash[offset] & 0x7F) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3]) % 1_000_000;
    return code.ToString("D6", CultureInfo.InvariantCulture);
}

async Task<PageRow> MeasureAsync(HttpClient client, string account, string path)
{
    var server = new List<double>();
    var seen = new List<double>();
    var database = new List<double>();
    var sql = 0;
    for (var i = -2; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        if (i < 0)
        {
            continue;
        }

        var (app, sqlMs, commands) = ReadTiming(response);
        server.Add(app);
        database.Add(sqlMs);
        seen.Add(watch.Elapsed.TotalMilliseconds);
        sql = Math.Max(sql, commands);
    }

    return new PageRow(account, path, Percentile(server, 0.50), Percentile(server, 0.95), Percentile(seen, 0.95), Percentile(database, 0.50), sql);
}

static (double App, double SqlMs, int Commands) ReadTiming(HttpResponseMessage response)
{
    if (!response.Headers.TryGetValues("Server-Timing", out var values))
    {
        throw new InvalidOperationException("no Server-Timing header: start the host with Platform:ServerTiming=true");
    }

    var header = string.Join(",", values);
    var app = double.Parse(Regex.Match(header, @"app;dur=([0-9.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
    var sql = Regex.Match(header, "sql;dur=([0-9.]+);desc=\"([0-9]+)\"");
    return (app, double.Parse(sql.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(sql.Groups[2].Value, CultureInfo.InvariantCulture));
}

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    var rank = (int)Math.Ceiling(p * sorted.Count) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
}

static bool IsPage(HttpResponseMessage response) =>
    response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "text/html";

static bool Measurable(string href) =>
    !Regex.IsMatch(href, @"^/(api|odata|openapi|api-docs|health|lib|css|js|favicon|Account/Logout)\b", RegexOptions.IgnoreCase)
    && !Regex.IsMatch(href, @"handler=(?!part&)|\.(xlsx|csv|pdf|json|png|svg|ico)\b|/(transcript|pdf|credential|template|report|download)\b", RegexOptions.IgnoreCase);

// One address per page shape: ids and numbers become placeholders, the query string is ignored.
static string Shape(string href)
{
    var path = href.Split('?')[0] + (Regex.Match(href, @"handler=part&.*part=([a-z]+)") is { Success: true } p ? "?part=" + p.Groups[1].Value : "");
    path = Regex.Replace(path, "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "{id}");
    path = Regex.Replace(path, "/[0-9][0-9A-Za-z-]*", "/{n}");
    return Regex.Replace(path, "/[0-9A-Z]{16,}(?=/|$)", "/{code}");
}

static string Trim(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

internal sealed record PageRow(string Account, string Path, double ServerP50, double ServerP95, double ClientP95, double SqlP50, int SqlMax);
