using System.Diagnostics;
using System.Globalization;
using Civic.Bench.PanelLottery;
using Civic.Panel.Lottery;

// Usage: dotnet run -c Release --project bench/panel-lottery -- [instances-folder] [case ...]
// Cases: small (example_small_20), large (example_large_200), sf (Sortition Foundation pool), synthetic (5,000 × 8 categories, k = 150),
// synthetic:<members>:<k>[:<seed>] (another size of the synthetic pool).
var folder = args.Length > 0 && Directory.Exists(args[0]) ? args[0] : Path.Combine("tests", "Civic.Services.FunctionalTests", "Panel", "Lottery", "Instances");
var cases = args.Where(a => !Directory.Exists(a)).DefaultIfEmpty("all").ToList();
bool Wanted(string name) => cases.Contains("all") || cases.Contains(name);

var problems = new List<(string Name, Func<LotteryProblem> Problem)>();
if (Wanted("small"))
{
    problems.Add(("example_small_20 (n=200, k=20)", () => Flanigan("example_small_20", 20)));
}

if (Wanted("large"))
{
    problems.Add(("example_large_200 (n=2000, k=200)", () => Flanigan("example_large_200", 200)));
}

if (Wanted("sf"))
{
    problems.Add(("sf_test_pool (n=150, k=22, households)", () => new LotteryProblem(
        LotteryCsv.ReadCandidates(Path.Combine(folder, "sf_test_pool_candidates.csv"), "nationbuilder_id",
            ["Gender", "age_bracket", "geo_bucket", "edu_level"], ["primary_address1", "primary_zip"]),
        22, LotteryCsv.ReadQuotas(Path.Combine(folder, "sf_test_pool_features.csv")), [])));
}

if (Wanted("synthetic"))
{
    problems.Add(("synthetic (n=5000, 8 categories, k=150)", () => SyntheticPool.Create(5000, 8, 150, seed: 2026)));
}

// Other sizes of the synthetic pool: synthetic:<members>:<panel size>[:<seed>], e.g. synthetic:1000:50.
foreach (var custom in cases.Where(c => c.StartsWith("synthetic:", StringComparison.Ordinal)))
{
    var parts = custom.Split(':').Skip(1).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
    var seed = parts.Length > 2 ? (ulong)parts[2] : 2026;
    problems.Add(($"synthetic (n={parts[0]}, 8 categories, k={parts[1]}, seed {seed})", () => SyntheticPool.Create(parts[0], 8, parts[1], seed)));
}

// The machine may be shared: the load average says how far the seconds can be trusted.
Console.WriteLine($"load average at start: {LoadAverage()}");
Console.WriteLine("| case | types | seconds | min probability | certified bound | gap (pp) | stages | panels generated | panels used | shortfall vs relaxed leximin (pp) |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
foreach (var (name, create) in problems)
{
    var problem = create();
    var watch = Stopwatch.StartNew();
    var distribution = FairLottery.Distribution(problem);
    watch.Stop();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {distribution.Types.Types.Count} | {watch.Elapsed.TotalSeconds:F2} | {distribution.MinimumProbability:P3} | {distribution.CertifiedUpperBound:P3} | {distribution.Gap * 100:F4} | {distribution.Stages} | {distribution.PanelsGenerated} | {distribution.Panels.Count} | {distribution.TargetShortfall * 100:F4} |"));
}

Console.WriteLine($"load average at end: {LoadAverage()}");

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

LotteryProblem Flanigan(string name, int k) => new(
    LotteryCsv.ReadRespondents(Path.Combine(folder, name, "respondents.csv")), k,
    LotteryCsv.ReadQuotas(Path.Combine(folder, name, "categories.csv")), [], OneMemberPerHousehold: false);
