using Civic.Panel.Lottery;

namespace Civic.Services.FunctionalTests.Panel.Lottery;

/// <summary>The public selection instances (copied from ../shared/panel-instances) read from the source tree.</summary>
internal static class LotteryInstances
{
    public static LotteryProblem Flanigan(string name, int panelSize)
    {
        var folder = Path.Combine(Folder(), name);
        return new LotteryProblem(
            LotteryCsv.ReadRespondents(Path.Combine(folder, "respondents.csv")), panelSize,
            LotteryCsv.ReadQuotas(Path.Combine(folder, "categories.csv")), [], OneMemberPerHousehold: false);
    }

    /// <summary>The Sortition Foundation test pool: panel of 22, at most one member per household (address line 1 + postcode).</summary>
    public static LotteryProblem SortitionFoundation() => new(
        LotteryCsv.ReadCandidates(Path.Combine(Folder(), "sf_test_pool_candidates.csv"), "nationbuilder_id",
            ["Gender", "age_bracket", "geo_bucket", "edu_level"], ["primary_address1", "primary_zip"]),
        22, LotteryCsv.ReadQuotas(Path.Combine(Folder(), "sf_test_pool_features.csv")), []);

    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Civic.Services.FunctionalTests", "Panel", "Lottery", "Instances");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("Panel lottery instances not found above " + AppContext.BaseDirectory);
    }
}
