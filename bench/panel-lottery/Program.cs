using System.Diagnostics;
using System.Globalization;
using Civic.Bench.PanelLottery;
using Civic.Panel.Lottery;

// Usage: dotnet run -c Release --project bench/panel-lottery -- [instances-folder] [case ...]
// Cases: small (example_small_20), large (example_large_200), sf (Sortition Foundation pool), synthetic (5,000 × 8 categories, k = 150).
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

Console.WriteLine("| case | types | seconds | min probability | certified bound | gap (pp) | stages | panels generated | panels used |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
foreach (var (name, create) in problems)
{
    var problem = create();
    var watch = Stopwatch.StartNew();
    var distribution = FairLottery.Distribution(problem);
    watch.Stop();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {distribution.Types.Types.Count} | {watch.Elapsed.TotalSeconds:F2} | {distribution.MinimumProbability:P3} | {distribution.CertifiedUpperBound:P3} | {distribution.Gap * 100:F4} | {distribution.Stages} | {distribution.PanelsGenerated} | {distribution.Panels.Count} |"));
}

LotteryProblem Flanigan(string name, int k) => new(
    LotteryCsv.ReadRespondents(Path.Combine(folder, name, "respondents.csv")), k,
    LotteryCsv.ReadQuotas(Path.Combine(folder, name, "categories.csv")), [], OneMemberPerHousehold: false);
