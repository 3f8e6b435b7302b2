namespace Civic.Panel.Lottery;

/// <summary>
/// Reads the two published instance formats (plain comma-separated, no quoting): the Flanigan et al.
/// replication package (categories.csv: category,feature,min,max; respondents.csv: one column per
/// category, row index = id) and the Sortition Foundation's (features: feature,value,min,max,...;
/// candidates: one row per person with an id column, feature columns and address columns).
/// </summary>
public static class LotteryCsv
{
    public static IReadOnlyList<FeatureQuota> ReadQuotas(string path) =>
        Rows(path).Select(r => new FeatureQuota(r[0], r[1], int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture))).ToList();

    /// <summary>Members from a respondents file; ids are the zero-based row index, zero-padded so that ordinal order is row order.</summary>
    public static IReadOnlyList<LotteryMember> ReadRespondents(string path)
    {
        var header = Header(path);
        return Rows(path).Select((r, i) => new LotteryMember(i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), Features(header, r, header))).ToList();
    }

    /// <summary>Members from a candidates file: id from <paramref name="idColumn"/>, household from the concatenated address columns.</summary>
    public static IReadOnlyList<LotteryMember> ReadCandidates(string path, string idColumn, IReadOnlyList<string> featureColumns, IReadOnlyList<string> householdColumns)
    {
        var header = Header(path);
        return Rows(path).Select(r => new LotteryMember(
            r[Array.IndexOf(header, idColumn)],
            Features(header, r, featureColumns),
            string.Join('|', householdColumns.Select(c => r[Array.IndexOf(header, c)])))).ToList();
    }

    private static Dictionary<string, string> Features(string[] header, string[] row, IEnumerable<string> columns) =>
        columns.ToDictionary(c => c, c => row[Array.IndexOf(header, c)], StringComparer.Ordinal);

    private static string[] Header(string path) => Split(File.ReadLines(path).First());

    private static IEnumerable<string[]> Rows(string path) => File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(Split);

    private static string[] Split(string line) => line.Split(',').Select(f => f.Trim()).ToArray();
}
