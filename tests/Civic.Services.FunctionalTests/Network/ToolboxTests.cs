using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Services.FunctionalTests.Infrastructure;
using Grpc.Core;
using ResourcePersonGrpcService = Civic.Network.ResourcePersons.ResourcePersonGrpcService;

namespace Civic.Services.FunctionalTests.Network;

public sealed class ToolboxTestsOnSqlite(NetworkOnSqlite fixture) : ToolboxTests(fixture), IClassFixture<NetworkOnSqlite>;

public sealed class ToolboxTestsOnPostgres(NetworkOnPostgres fixture) : ToolboxTests(fixture), IClassFixture<NetworkOnPostgres>;

/// <summary>The toolbox: audiences decide who sees an article; search stems Danish words.</summary>
public abstract class ToolboxTests(ServiceFixture<ResourcePersonGrpcService> fixture) : ServiceTests<ResourcePersonGrpcService>(fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = ToolboxReflection.Descriptor.Services[0];

    [Fact]
    public async Task Create_ThenGetBySlug_MarkdownKeptAsWritten()
    {
        var title = $"Dialogmøde på biblioteket {Guid.NewGuid().ToString("N")[..6]}";
        var body = "## Trin\n\n1. Inviter\n2. <script>alert(1)</script>\n";

        var created = await CreateAsync(title, body, ["dialog"], [Audience.Citizens]);
        var fetched = await Host.CallAsync<GetArticleRequest, GetArticleResponse>(Service, "GetArticle", new() { Slug = created.Slug }, null);

        Assert.StartsWith("dialogmoede-paa-biblioteket-", created.Slug, StringComparison.Ordinal);
        Assert.Equal(created, fetched.Article);
        Assert.Equal(body, fetched.Article.BodyMarkdown);
    }

    [Fact]
    public async Task InternalArticle_Anonymous_NotFoundAndNotListed_StaffSeesIt()
    {
        var word = $"interntord{Guid.NewGuid().ToString("N")[..6]}";
        var created = await CreateAsync($"Intern vejledning {word}", $"Kun for ansatte: {word}.", [], [Audience.Internal]);

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => Host.CallAsync<GetArticleRequest, GetArticleResponse>(Service, "GetArticle", new() { Slug = created.Slug }, null));
        var anonymous = await Host.CallAsync<ListArticlesRequest, ListArticlesResponse>(Service, "ListArticles", new() { Query = word }, null);
        var staff = await Host.CallAsync<ListArticlesRequest, ListArticlesResponse>(Service, "ListArticles", new() { Query = word }, CivicRoles.Staff);

        Assert.Empty(anonymous.Articles);
        Assert.Equal([created.Id], staff.Articles.Select(a => a.Id));
    }

    [Fact]
    public async Task List_InflectedWordAndTag_FindsTheArticle()
    {
        var tag = $"emne{Guid.NewGuid().ToString("N")[..6]}";
        var created = await CreateAsync($"Facilitering af fællesspisning {tag}", "Sådan faciliterer I et måltid.", [tag], [Audience.Partners]);

        var byInflection = await Host.CallAsync<ListArticlesRequest, ListArticlesResponse>(Service, "ListArticles", new() { Query = "faciliterende", Tag = tag }, null);
        var byTagOnly = await Host.CallAsync<ListArticlesRequest, ListArticlesResponse>(Service, "ListArticles", new() { Tag = tag.ToUpperInvariant() }, null);

        Assert.Equal([created.Id], byInflection.Articles.Select(a => a.Id));
        Assert.Equal([created.Id], byTagOnly.Articles.Select(a => a.Id));
    }

    [Fact]
    public async Task Create_NoTitleNoAudienceUnknownAudience_InvalidArgument_Citizen_PermissionDenied()
    {
        var empty = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Host.CallAsync<CreateArticleRequest, CreateArticleResponse>(
            Service, "CreateArticle", new() { BodyMarkdown = "Tekst" }));
        var unknown = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Host.CallAsync<CreateArticleRequest, CreateArticleResponse>(
            Service, "CreateArticle", new() { Title = "T", BodyMarkdown = "Tekst", Audiences = { (Audience)42 } }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Host.CallAsync<CreateArticleRequest, CreateArticleResponse>(
            Service, "CreateArticle", new() { Title = "Borgerens artikel", BodyMarkdown = "Tekst", Audiences = { Audience.Citizens } }, CivicRoles.Citizen));

        Assert.Equal(["title", "audiences"], RpcAssert.ViolatedFields(empty));
        Assert.Equal(["audiences[0]"], RpcAssert.ViolatedFields(unknown));
    }

    [Fact]
    public async Task Create_SameTitleTwice_AlreadyExists()
    {
        var title = $"Walk and talk {Guid.NewGuid().ToString("N")[..6]}";
        await CreateAsync(title, "Tekst", [], [Audience.Citizens]);

        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => CreateAsync(title, "Anden tekst", [], [Audience.Citizens]));
    }

    private async Task<Article> CreateAsync(string title, string body, string[] tags, Audience[] audiences) =>
        (await Host.CallAsync<CreateArticleRequest, CreateArticleResponse>(Service, "CreateArticle", new()
        {
            Title = title, Summary = "Et resumé.", BodyMarkdown = body, Tags = { tags }, Audiences = { audiences },
        })).Article;
}
