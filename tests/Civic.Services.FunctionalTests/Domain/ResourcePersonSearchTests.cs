using Civic.Network.ResourcePersons;

namespace Civic.Services.FunctionalTests.Domain;

public sealed class ResourcePersonSearchTests
{
    private static readonly ResourcePerson Lise = Person("1", "Lise Andersen", ["Facilitering", "borgerinddragelse"], ["ensomhed"]);
    private static readonly ResourcePerson Ahmed = Person("2", "Ahmed Hassan", ["navigation"], ["ensomhed", "integration"]);
    private static readonly ResourcePerson Ærø = Person("3", "Ærø Bertelsen", ["jura"], ["byggesager"]);

    [Fact]
    public void Rank_Query_MostMatchesFirstAndNonMatchesLeftOut()
    {
        var ranked = ResourcePersonSearch.Rank([Lise, Ahmed, Ærø], "ENSOMHED integration");

        Assert.Equal(["2", "1"], ranked.Select(p => p.Id));
    }

    [Fact]
    public void QueryWords_AtTheBounds_Accepted()
    {
        Assert.Single(ResourcePersonRules.QueryWords(new string('a', ResourcePersonRules.MaxQueryLength)));
        Assert.Equal(ResourcePersonRules.MaxQueryWords, ResourcePersonRules.QueryWords(string.Join(' ', Enumerable.Range(1, 12).Select(i => $"w{i}"))).Count);
        // Repeating a word does not make it count twice.
        Assert.Single(ResourcePersonRules.QueryWords(string.Join(' ', Enumerable.Repeat("ensomhed", 20))));
    }

    [Theory]
    [InlineData(201, 1)]
    [InlineData(0, 13)]
    public void QueryWords_BeyondTheBounds_RefusedWithDanishText(int length, int words)
    {
        var query = length > 0 ? new string('a', length) : string.Join(' ', Enumerable.Range(1, words).Select(i => $"w{i}"));

        var exception = Assert.Throws<Civic.Hosting.Errors.ValidationException>(() => ResourcePersonRules.QueryWords(query));

        var violation = Assert.Single(exception.Violations);
        Assert.Equal("query", violation.Field);
        Assert.StartsWith("Sø", violation.DanishDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_WordBeginning_Matches()
    {
        Assert.Equal(["1"], ResourcePersonSearch.Rank([Lise, Ahmed, Ærø], "facilit").Select(p => p.Id));
    }

    [Fact]
    public void Rank_EmptyQuery_EveryoneByDanishName()
    {
        // Danish alphabetical order puts Æ after A and L.
        Assert.Equal(["2", "1", "3"], ResourcePersonSearch.Rank([Ærø, Lise, Ahmed], "  ").Select(p => p.Id));
    }

    private static ResourcePerson Person(string id, string name, List<string> competences, List<string> areas) => new()
    {
        Id = id,
        DisplayName = name,
        Organisation = "boern-og-unge",
        Competences = competences,
        ChallengeAreas = areas,
    };
}
