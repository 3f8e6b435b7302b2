using Civic.Network.ResourcePersons;
using Civic.Network.Taxonomy;

namespace Civic.Network.Search;

/// <summary>A profile as search sees it: (for outsiders) redacted, with this month's free hours.</summary>
public sealed record SearchCandidate(ResourcePerson Person, int AvailableHours, double TextRank)
{
    /// <summary>The words folded into the profile's competences (<see cref="SearchDocument.FoldedCompetences"/>): each text counts as an "other" competence.</summary>
    public IReadOnlyList<string> FoldedCompetences { get; init; } = [];
}

/// <summary>A ranked profile; <see cref="ScoreKey"/> is the score as an integer, so that page cursors compare exactly.</summary>
public sealed record SearchHit(ResourcePerson Person, int AvailableHours, long ScoreKey);

/// <summary>
/// How search ranks. Evidence over self-description: a matching taxonomy or "other" competence (a taxonomy one also
/// by the words administrators folded into it) is worth far more than words in the description (whose text weight is
/// smallest), and available hours and completed, well-rated assignments lift a person above an equal match without them; a
/// stale profile (not confirmed when asked) sinks below an equal confirmed one, never below a better match.
/// Plain C#, so the order is the same on both databases and testable without one.
/// </summary>
public static class SearchRanking
{
    // Public for PostgresSearchIndex, which computes the same score in SQL.
    public const double CompetenceWeight = 10;
    public const int MaxCountedCompetences = 3;
    public const double TextWeight = 3;
    public const double AvailabilityWeight = 2;
    public const double EvidenceWeight = 2;
    public const double StalePenalty = 2;
    public const int HoursForFullAvailability = 20;
    public const int AssignmentsForFullEvidence = 10;

    /// <summary>The score times this, rounded, is the <see cref="SearchHit.ScoreKey"/>.</summary>
    public const double ScoreKeyScale = 1_000_000;

    private static readonly Dictionary<string, HashSet<string>> CompetenceStems = CompetenceTaxonomy.All.ToDictionary(
        c => c.Id,
        c => c.Synonyms.Prepend(c.Name).SelectMany(DanishText.Stems).ToHashSet(StringComparer.Ordinal),
        StringComparer.Ordinal);

    /// <summary>The taxonomy competences whose name or synonyms have a word the query's stems equal or begin.</summary>
    public static IReadOnlySet<string> MatchedCompetences(IReadOnlyList<string> queryStems) =>
        CompetenceStems.Where(c => c.Value.Any(stem => Matches(stem, queryStems))).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>The text rank that counts as a full text match: the best of <paramref name="candidates"/>.</summary>
    public static double TextScale(IReadOnlyList<SearchCandidate> candidates) => candidates.Count == 0 ? 0 : candidates.Max(c => c.TextRank);

    /// <summary>
    /// The candidates best first; ties by id, so the order is total and a cursor can continue it. Text ranks count
    /// relative to <paramref name="textScale"/> (<see cref="TextScale"/> unless given): later pages keep the first
    /// page's, so a profile edited meanwhile cannot change the scale and with it everyone's score.
    /// </summary>
    public static IReadOnlyList<SearchHit> Rank(IReadOnlyList<SearchCandidate> candidates, IReadOnlyList<string> queryStems, double? textScale = null)
    {
        var matched = MatchedCompetences(queryStems);
        var maxText = textScale ?? TextScale(candidates);
        return candidates
            .Select(c => new SearchHit(c.Person, c.AvailableHours, ScoreKey(Score(c, matched, queryStems, maxText))))
            .OrderByDescending(h => h.ScoreKey)
            .ThenBy(h => h.Person.Id, StringComparer.Ordinal)
            .ToList();
    }

    public static double Score(SearchCandidate candidate, IReadOnlySet<string> matchedCompetences, IReadOnlyList<string> queryStems, double maxTextRank)
    {
        var person = candidate.Person;
        var competences = person.CompetenceIds.Count(matchedCompetences.Contains)
            + person.Competences.Concat(candidate.FoldedCompetences).Count(other => DanishText.Stems(other).Any(stem => Matches(stem, queryStems)));
        var text = maxTextRank > 0 ? candidate.TextRank / maxTextRank : 0;
        return Score(competences, text, candidate.AvailableHours, person.CompletedAssignments, person.FeedbackPoints, person.IsStale);
    }

    /// <summary>
    /// The score of a profile with <paramref name="competenceMatches"/> matching competences and a text rank of
    /// <paramref name="text"/> (0–1, relative to the best), in the order PostgresSearchIndex's SQL adds it up (so the
    /// in-memory index, which calls this too, gets the same doubles).
    /// </summary>
    public static double Score(int competenceMatches, double text, int availableHours, int completedAssignments, int feedbackPoints, bool stale)
    {
        var availability = (double)Math.Min(availableHours, HoursForFullAvailability) / HoursForFullAvailability;
        var assignments = (double)Math.Min(completedAssignments, AssignmentsForFullEvidence) / AssignmentsForFullEvidence;
        var rating = completedAssignments > 0 ? feedbackPoints / (5.0 * completedAssignments) : 0;
        return (CompetenceWeight * Math.Min(competenceMatches, MaxCountedCompetences))
            + (TextWeight * text)
            + (AvailabilityWeight * availability)
            + (EvidenceWeight * (assignments + rating) / 2)
            - (stale ? StalePenalty : 0);
    }

    /// <summary>The <see cref="SearchHit.ScoreKey"/> of a score (rounded half to even, as PostgreSQL's round(float8)).</summary>
    public static long ScoreKey(double score) => (long)Math.Round(score * ScoreKeyScale);

    private static bool Matches(string stem, IReadOnlyList<string> queryStems) =>
        queryStems.Any(q => stem.StartsWith(q, StringComparison.Ordinal));
}
