using Civic.Network.ResourcePersons;
using Civic.Network.Search;
using Microsoft.EntityFrameworkCore;

namespace Civic.Network.Taxonomy;

/// <summary>
/// The taxonomy as it stands: the fixed competences of <see cref="CompetenceTaxonomy"/> plus what
/// administrators folded in (new competences, and Danish synonyms of any). Read from the database for
/// each use, so every instance of the service agrees on it.
/// </summary>
public sealed class FoldedTaxonomy
{
    private readonly Dictionary<string, Competence> _added;
    private readonly ILookup<string, string> _synonyms;

    private FoldedTaxonomy(IReadOnlyList<CompetenceFold> folds)
    {
        _added = folds.Where(f => f.CompetenceName is not null)
            .GroupBy(f => f.CompetenceId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Competence(g.Key, g.First().CompetenceName!, [], null), StringComparer.Ordinal);
        _synonyms = folds.ToLookup(f => f.CompetenceId, f => f.Text, StringComparer.Ordinal);
    }

    public static async Task<FoldedTaxonomy> LoadAsync(NetworkDbContext db, CancellationToken cancellationToken) =>
        new(await db.CompetenceFolds.AsNoTracking().ToListAsync(cancellationToken));

    /// <summary>Every competence, the folded synonyms included; the added ones after the fixed ones, by name.</summary>
    public IEnumerable<Competence> All =>
        CompetenceTaxonomy.All.Concat(_added.Values.OrderBy(c => c.Name, StringComparer.Ordinal)).Select(WithFoldedSynonyms);

    public Competence? Find(string id) =>
        (CompetenceTaxonomy.Find(id) ?? _added.GetValueOrDefault(id)) is { } competence ? WithFoldedSynonyms(competence) : null;

    public bool IsCompetence(string id) => CompetenceTaxonomy.Find(id) is not null || _added.ContainsKey(id);

    /// <summary>The competence's name (an added one's too); the id itself if there is no such competence.</summary>
    public string NameOf(string id) => Find(id)?.Name ?? id;

    /// <summary>
    /// The profile's search documents (<see cref="SearchDocument.For"/>) with the names and synonyms the folds added to its
    /// competences, so search finds it by them and ranks it as a competence match for them
    /// (<see cref="SearchDocument.FoldedCompetences"/>); not in a public document that does not share competences.
    /// </summary>
    public IReadOnlyList<SearchDocument> DocumentsFor(ResourcePerson person) =>
        SearchDocument.For(person)
            .Select(d => FoldedTermsOf(d.Person) is { Count: > 0 } folded
                ? d with { Competences = string.Join(" · ", new[] { d.Competences }.Concat(folded).Where(t => t.Length > 0)), FoldedCompetences = folded }
                : d)
            .ToList();

    /// <summary>
    /// For each of <paramref name="person"/>'s competences that folds added words to, those words (an added competence's
    /// name and the folded texts) as one text; none for a redacted profile that does not share its competences.
    /// </summary>
    public IReadOnlyList<string> FoldedTermsOf(ResourcePerson person) =>
        person.CompetenceIds
            .Select(id => string.Join(" · ", (_added.TryGetValue(id, out var added) ? [added.Name] : Enumerable.Empty<string>()).Concat(_synonyms[id])))
            .Where(terms => terms.Length > 0)
            .ToList();

    private Competence WithFoldedSynonyms(Competence competence) =>
        _synonyms[competence.Id].Any() ? competence with { Synonyms = [.. competence.Synonyms, .. _synonyms[competence.Id]] } : competence;
}
