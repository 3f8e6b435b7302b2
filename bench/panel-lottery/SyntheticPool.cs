using Civic.Panel.Lottery;

namespace Civic.Bench.PanelLottery;

/// <summary>
/// A seeded synthetic pool: 8 categories with 2–5 values each, skewed value frequencies (volunteer pools
/// are never representative), and quotas around the proportional share of a representative population
/// (uniform over values) so that the leximin minimum is well below k/n for the over-represented values.
/// </summary>
internal static class SyntheticPool
{
    public static LotteryProblem Create(int size, int categories, int panelSize, ulong seed)
    {
        var random = new SplitMix64(seed);
        var valueCounts = Enumerable.Range(0, categories).Select(c => 2 + (c % 4)).ToArray();
        var members = new List<LotteryMember>(size);
        for (var i = 0; i < size; i++)
        {
            var features = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < categories; c++)
            {
                // Value v is drawn with weight v + 1: the last value is several times as common as the first.
                var count = valueCounts[c];
                var ticket = random.NextIndex(count * (count + 1) / 2);
                var value = 0;
                while (ticket >= value + 1)
                {
                    ticket -= value + 1;
                    value++;
                }

                features[$"c{c}"] = $"v{value}";
            }

            members.Add(new LotteryMember($"m{i:D5}", features));
        }

        var quotas = new List<FeatureQuota>();
        for (var c = 0; c < categories; c++)
        {
            var share = (double)panelSize / valueCounts[c];
            for (var v = 0; v < valueCounts[c]; v++)
            {
                quotas.Add(new FeatureQuota($"c{c}", $"v{v}", (int)Math.Floor(share * 0.8), (int)Math.Ceiling(share * 1.2)));
            }
        }

        return new LotteryProblem(members, panelSize, quotas, [], OneMemberPerHousehold: false);
    }
}
