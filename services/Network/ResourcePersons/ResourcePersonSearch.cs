namespace Civic.Network.ResourcePersons;

/// <summary>
/// The first, simple search: a query word matches a word of the name, a competence or a challenge
/// area that it equals or begins ("facilit" finds "facilitering"), ignoring case. People are ranked
/// by how many matches they have, then by name. The full-text search with Danish stemming and
/// synonyms replaces this ranking; its contract (query in, ranked people out) stays.
/// </summary>
public static class ResourcePersonSearch
{
    private static readonly char[] Separators = [' ', '\t', '\n', '\r', ',', '.', ';', ':', '-', '/', '(', ')', '"', '\'', '!', '?'];

    /// <summary>The query's distinct lower-case words.</summary>
    public static IReadOnlyList<string> Words(string? query) =>
        (query ?? string.Empty).ToLowerInvariant()
            .Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>How many (query word, profile word) pairs match; 0 means the person does not match.</summary>
    public static int Score(ResourcePerson person, IReadOnlyList<string> queryWords)
    {
        var profileWords = Words(person.DisplayName)
            .Concat(person.Competences.SelectMany(Words))
            .Concat(person.ChallengeAreas.SelectMany(Words))
            .ToList();
        return queryWords.Sum(query => profileWords.Count(word => word.StartsWith(query, StringComparison.Ordinal)));
    }

    /// <summary>
    /// The people matching <paramref name="query"/>, best first (ties by name); everyone by name
    /// when the query has no words.
    /// </summary>
    /// <exception cref="Civic.Hosting.Errors.ValidationException">The query is beyond <see cref="ResourcePersonRules.QueryWords"/>' bounds.</exception>
    public static IReadOnlyList<ResourcePerson> Rank(IEnumerable<ResourcePerson> people, string? query)
    {
        var words = ResourcePersonRules.QueryWords(query);
        var byName = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), ignoreCase: true);
        if (words.Count == 0)
        {
            return people.OrderBy(p => p.DisplayName, byName).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        }

        return people
            .Select(person => (Person: person, Score: Score(person, words)))
            .Where(scored => scored.Score > 0)
            .OrderByDescending(scored => scored.Score)
            .ThenBy(scored => scored.Person.DisplayName, byName)
            .ThenBy(scored => scored.Person.Id, StringComparer.Ordinal)
            .Select(scored => scored.Person)
            .ToList();
    }
}
