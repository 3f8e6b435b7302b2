using Civic.Network.ResourcePersons;
using Civic.Network.Taxonomy;

namespace Civic.Network.Search;

/// <summary>Who a row of the search index is for: the municipality's people, or everyone (the shared fields only).</summary>
public enum SearchAudience
{
    Internal,
    Public,
}

/// <summary>
/// The text of one profile as the index holds it for one audience, in columns that rank differently:
/// competences (with the taxonomy's names and synonyms) weigh most, then challenge areas, then name,
/// role and services (the service areas' names and the services under them), and the self-description least. <see cref="Person"/> is the profile as the audience
/// sees it, whose other fields (on PostgreSQL) the search filters, ranks and counts facets by.
/// </summary>
public sealed record SearchDocument(string PersonId, SearchAudience Audience, string Name, string Competences, string Areas, string Services, string Description)
{
    public required ResourcePerson Person { get; init; }

    /// <summary>
    /// The words administrators folded into the profile's competences (<see cref="FoldedTaxonomy.FoldedTermsOf"/>), one text per
    /// competence: ranking counts a match of one as a matching competence, as it counts an "other" competence, since the fixed
    /// taxonomy the ranking matches ids by does not have them.
    /// </summary>
    public IReadOnlyList<string> FoldedCompetences { get; init; } = [];

    /// <summary>The documents of a profile: none unless opted in; a public one only for a public profile, from its shared fields.</summary>
    public static IReadOnlyList<SearchDocument> For(ResourcePerson person)
    {
        if (!person.OptedIn)
        {
            return [];
        }

        var documents = new List<SearchDocument> { From(person, SearchAudience.Internal) };
        if (ProfileVisibility.IsVisibleToOutsiders(person))
        {
            documents.Add(From(ProfileVisibility.ForOutsiders(person), SearchAudience.Public));
        }

        return documents;
    }

    private static SearchDocument From(ResourcePerson person, SearchAudience audience)
    {
        var taxonomy = person.CompetenceIds.Select(CompetenceTaxonomy.Find).OfType<Competence>()
            .SelectMany(c => c.Synonyms.Prepend(c.Name));
        var services = person.ServiceCodes.Select(ServiceTaxonomy.Find).OfType<MunicipalService>()
            .SelectMany(s => s.Synonyms.Prepend(s.Name));
        return new SearchDocument(
            person.Id,
            audience,
            Join([person.DisplayName, person.Organisation, person.Role]),
            Join(taxonomy.Concat(person.Competences)),
            Join(person.ChallengeAreas),
            Join(services.Concat(person.ServicesKnown)),
            person.Description)
        {
            Person = person,
        };
    }

    private static string Join(IEnumerable<string> parts) => string.Join(" · ", parts.Where(p => p.Length > 0));
}
