using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Errors;
using Civic.Hosting.Grpc;
using Civic.Hosting.Paging;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ArticleMessage = Civic.Contracts.Network.V1.Article;
using AudienceMessage = Civic.Contracts.Network.V1.Audience;

namespace Civic.Network.Toolbox;

/// <summary>civic.network.v1.ToolboxService: public articles for everyone, internal ones for the municipality's people.</summary>
public sealed class ToolboxGrpcService(ToolboxLibrary library) : ToolboxService.ToolboxServiceBase
{
    [AllowAnonymous]
    public override async Task<ListArticlesResponse> ListArticles(ListArticlesRequest request, ServerCallContext context)
    {
        var includeInternal = context.User.IsEmployee();
        var page = PageRequests.Read(request.Page, $"network.toolbox:{includeInternal}:{request.Tag}:{request.Query}");
        var result = await library.ListAsync(request.Query, request.Tag, includeInternal, page, context.CancellationToken);
        return new() { Articles = { result.Items.Select(ToMessage) }, Page = result.Info };
    }

    [AllowAnonymous]
    public override async Task<GetArticleResponse> GetArticle(GetArticleRequest request, ServerCallContext context) =>
        new() { Article = ToMessage(await library.GetAsync(request.Slug, context.User.IsEmployee(), context.CancellationToken)) };

    [AllowRoles(CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<CreateArticleResponse> CreateArticle(CreateArticleRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var audiences = new List<Audience>();
        for (var i = 0; i < request.Audiences.Count; i++)
        {
            if (request.Audiences[i] is AudienceMessage.Internal or AudienceMessage.Citizens or AudienceMessage.Partners)
            {
                audiences.Add((Audience)((int)request.Audiences[i] - 1));
            }
            else
            {
                violations.Add($"audiences[{i}]", "Each audience must be AUDIENCE_INTERNAL, AUDIENCE_CITIZENS or AUDIENCE_PARTNERS.",
                    "Hver målgruppe skal være AUDIENCE_INTERNAL, AUDIENCE_CITIZENS eller AUDIENCE_PARTNERS.");
            }
        }

        violations.ThrowIfAny();
        var article = await library.CreateAsync(new NewToolboxArticle(request.Title, request.Summary, request.BodyMarkdown, request.Tags, audiences), context.CancellationToken);
        return new() { Article = ToMessage(article) };
    }

    private static ArticleMessage ToMessage(ToolboxArticle article) => new()
    {
        Id = article.Id,
        Slug = article.Slug,
        Title = article.Title,
        Summary = article.Summary,
        BodyMarkdown = article.BodyMarkdown,
        Tags = { article.Tags },
        Audiences = { article.Audiences.Select(a => (AudienceMessage)((int)a + 1)) },
        CreatedAt = Timestamp.FromDateTimeOffset(article.CreatedAt),
    };
}
