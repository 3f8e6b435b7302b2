namespace Civic.Panel.Convening;

/// <summary>
/// `Civic.Panel verify &lt;record.json&gt;`: re-runs a draw from its exported record (Draw.record_json)
/// without a server or database. Exit code 0 when the panel and reserves are reproduced exactly.
/// </summary>
public static class VerifyDrawCommand
{
    public static int Run(string path, TextWriter output)
    {
        var stored = StoredDraw.FromJson(File.ReadAllText(path));
        var verification = stored.Verify();
        output.WriteLine($"seed:              {stored.Result.Seed}");
        output.WriteLine($"algorithm:         {stored.Result.AlgorithmVersion}");
        output.WriteLine($"pool snapshot:     {(verification.SnapshotMatches ? "matches" : "DIFFERS")} ({verification.Rerun.PoolSnapshotHash})");
        output.WriteLine($"panel:             {(verification.PanelMatches ? "reproduced" : "DIFFERS")}: {string.Join(' ', verification.Rerun.Panel)}");
        output.WriteLine($"reserves:          {(verification.ReservesMatch ? "reproduced" : "DIFFER")}");
        output.WriteLine($"minimum / bound:   {verification.Rerun.MinimumProbability:P3} / {verification.Rerun.CertifiedUpperBound:P3}");
        output.WriteLine(verification.Reproduced ? "VERIFIED" : "NOT REPRODUCED");
        return verification.Reproduced ? 0 : 1;
    }
}
