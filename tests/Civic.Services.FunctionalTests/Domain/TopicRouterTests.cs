using Civic.Hotline.Departments;

namespace Civic.Services.FunctionalTests.Domain;

public sealed class TopicRouterTests
{
    private static readonly Department Children = Department("boern-og-unge", "Børn og Unge", ["skole", "daginstitution"]);
    private static readonly Department City = Department("by-og-land", "By og Land", ["veje", "affald", "skolevej"]);
    private static readonly Department Desk = Department("borgerservice", "Borgerservice", ["pas"], takesUnsure: true);
    private static readonly Department[] All = [City, Children, Desk];

    [Fact]
    public void Find_ExactTopic_RanksBeforeAPartialMatch()
    {
        var route = TopicRouter.Find(All, " Skole ", unsure: false);

        Assert.False(route.ToUnsureDesk);
        Assert.Equal(["boern-og-unge", "by-og-land"], route.Departments.Select(d => d.Code));
    }

    [Fact]
    public void Find_TopicInsideTheCitizensWords_Matches()
    {
        var route = TopicRouter.Find(All, "hullet i vejen ved affald", unsure: false);

        Assert.Equal("by-og-land", Assert.Single(route.Departments).Code);
    }

    [Theory]
    [InlineData("skole", true)]
    [InlineData("noget helt andet", false)]
    [InlineData("", false)]
    public void Find_UnsureOrNoMatch_TheUnsureDesk(string topic, bool unsure)
    {
        var route = TopicRouter.Find(All, topic, unsure);

        Assert.True(route.ToUnsureDesk);
        Assert.Equal("borgerservice", Assert.Single(route.Departments).Code);
    }

    private static Department Department(string code, string name, string[] topics, bool takesUnsure = false) => new()
    {
        Id = code, Code = code, NameDa = name, NameEn = name, DirectorName = "D", Topics = [.. topics], TakesUnsureCitizens = takesUnsure,
    };
}
