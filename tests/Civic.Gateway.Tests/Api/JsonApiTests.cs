using System.Net;
using System.Text.Json;
using Civic.Gateway.Tests.Infrastructure;
using Civic.Defaults.Auth;
using Civic.Defaults.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Civic.Gateway.Tests.Api;

[Collection(ClusterCollection.Name)]
public sealed class JsonApiTests(CivicCluster cluster)
{
    private HttpClient Api => cluster.Api;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListDepartments_Anonymous_Proto3JsonWithLowerCamelCaseNames()
    {
        using var response = await Api.GetAsync("/api/v1/hotline/departments?page.pageSize=2", Cancel);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, json.GetProperty("departments").GetArrayLength());
        var first = json.GetProperty("departments")[0];
        Assert.True(first.TryGetProperty("directorName", out _));
        Assert.True(DateTimeOffset.TryParse(first.GetProperty("createdAt").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("page").GetProperty("nextPageToken").GetString()));
    }

    [Fact]
    public async Task GetDepartment_Known_TheResource()
    {
        using var response = await Api.GetAsync($"/api/v1/hotline/departments/{CivicCluster.DemoDepartmentId}", Cancel);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("boern-og-unge", json.GetProperty("code").GetString());
        Assert.Equal("Børn og Unge", json.GetProperty("name").GetProperty("da").GetString());
    }

    [Fact]
    public async Task GetDepartment_Unknown_404ProblemWithReasonAndDanishMessage()
    {
        using var response = await Api.GetAsync("/api/v1/hotline/departments/no-such-id", Cancel);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal("NOT_FOUND", problem.GetProperty("grpcStatus").GetString());
        Assert.Equal("ERROR_REASON_NOT_FOUND", problem.GetProperty("reason").GetString());
        Assert.Contains("forvaltning", ProblemAssert.Danish(problem), StringComparison.Ordinal);
        Assert.Contains("no-such-id", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateDepartment_Admin_200WithTheResource()
    {
        var code = $"api-{Guid.NewGuid().ToString("N")[..8]}";
        using var response = await Api.SendAsync(CivicCluster.Request(HttpMethod.Post, "/api/v1/hotline/departments", cluster.TokenFor(CivicRoles.Admin),
            $$"""{"code":"{{code}}","name":{"da":"Kultur","en":"Culture"},"directorName":"Ib Holm","topics":["musik"]}"""), Cancel);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;

        // Transcoded creates answer 200 with the resource itself (response_body), and no Location.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(code, json.GetProperty("code").GetString());
        Assert.Null(response.Headers.Location);
        using var fetched = await Api.GetAsync($"/api/v1/hotline/departments/{json.GetProperty("id").GetString()}", Cancel);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(code, JsonDocument.Parse(await fetched.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task CreateDepartment_InvalidFields_400WithEveryFieldInJsonNames()
    {
        using var response = await Api.SendAsync(CivicCluster.Request(HttpMethod.Post, "/api/v1/hotline/departments", cluster.TokenFor(CivicRoles.Admin),
            """{"code":"Børn og Unge","name":{"da":"","en":"Children"}}"""), Cancel);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-argument");
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(["code", "name.da", "directorName"], errors.Select(e => e.GetProperty("field").GetString()));
        Assert.All(errors, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("description").GetString()));
            Assert.Equal("da-DK", e.GetProperty("localizedMessage").GetProperty("locale").GetString());
        });
        Assert.Equal("ERROR_REASON_INVALID_FIELD", problem.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task CreateDepartment_CodeTaken_409()
    {
        var body = $$"""{"code":"dobbelt-{{Guid.NewGuid().ToString("N")[..8]}}","name":{"da":"A","en":"A"},"directorName":"B"}""";
        using var first = await Api.SendAsync(CivicCluster.Request(HttpMethod.Post, "/api/v1/hotline/departments", cluster.TokenFor(CivicRoles.Admin), body), Cancel);
        using var second = await Api.SendAsync(CivicCluster.Request(HttpMethod.Post, "/api/v1/hotline/departments", cluster.TokenFor(CivicRoles.Admin), body), Cancel);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var problem = await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Conflict, "already-exists");
        Assert.Equal("ERROR_REASON_ALREADY_EXISTS", problem.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task CreateDepartment_Anonymous_401WithBearerChallenge()
    {
        using var response = await Api.SendAsync(CivicCluster.Request(HttpMethod.Post, "/api/v1/hotline/departments", json: """{"code":"x"}"""), Cancel);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        ProblemAssert.Danish(problem);
    }

    [Fact]
    public async Task CreateDepartment_Citizen_403()
    {
        using var response = await Api.SendAsync(CivicCluster.Request(HttpMethod.Post, "/api/v1/hotline/departments", cluster.TokenFor(CivicRoles.Citizen),
            """{"code":"borger","name":{"da":"A","en":"A"},"directorName":"B"}"""), Cancel);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "permission-denied");
        Assert.Equal("ERROR_REASON_NOT_ALLOWED", problem.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AnyRequest_InvalidToken_401FromTheGateway()
    {
        using var response = await Api.SendAsync(CivicCluster.Request(HttpMethod.Get, "/api/v1/hotline/departments", "not.a.token"), Cancel);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Theory]
    [InlineData("{\"code\": ")]
    [InlineData("[1, 2]")]
    [InlineData("{\"code\": 5}")]
    [InlineData("")]
    public async Task CreateDepartment_MalformedJson_400Problem(string body)
    {
        // The service's transcoding refuses JSON it cannot read as the request message; the gateway turns that into a problem.
        using var response = await Api.SendAsync(CivicCluster.Request(HttpMethod.Post, "/api/v1/hotline/departments", cluster.TokenFor(CivicRoles.Admin), body), Cancel);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-argument");
        Assert.Equal("INVALID_ARGUMENT", problem.GetProperty("grpcStatus").GetString());
    }

    [Theory]
    [InlineData("{\"kode\": \"x\"}")]
    [InlineData("{}")]
    public async Task CreateDepartment_UnknownFieldsOrEmpty_400NamingTheMissingFields(string body)
    {
        using var response = await Api.SendAsync(CivicCluster.Request(HttpMethod.Post, "/api/v1/hotline/departments", cluster.TokenFor(CivicRoles.Admin), body), Cancel);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-argument");
        Assert.Contains("code", problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task CreateDepartment_NotJson_415()
    {
        var request = CivicCluster.Request(HttpMethod.Post, "/api/v1/hotline/departments", cluster.TokenFor(CivicRoles.Admin));
        request.Content = new StringContent("code=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await Api.SendAsync(request, Cancel);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task CreateCase_HugeBody_413()
    {
        var summary = new string('a', 300 * 1024);
        using var response = await Api.SendAsync(CivicCluster.Request(HttpMethod.Post, "/api/v1/panel/cases", cluster.TokenFor(CivicRoles.Admin),
            $$"""{"title":"Stor","summary":"{{summary}}","owningDepartment":"boern-og-unge"}"""), Cancel);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task ListCases_BadPageSize_400NamingTheValue()
    {
        using var response = await Api.SendAsync(CivicCluster.Request(HttpMethod.Get, "/api/v1/panel/cases?page.pageSize=mange", cluster.TokenFor(CivicRoles.Admin)), Cancel);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-argument");
        // Transcoding's own message names the value it could not read, not the parameter.
        Assert.Contains("'mange'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListCases_ForgedPageToken_400WithJsonFieldPath()
    {
        using var response = await Api.SendAsync(CivicCluster.Request(HttpMethod.Get, "/api/v1/panel/cases?page.pageToken=offset%3D9", cluster.TokenFor(CivicRoles.Admin)), Cancel);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-argument");
        Assert.Equal("page.pageToken", problem.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task CreateCase_CprNumberInSummary_400PersonalDataReason()
    {
        using var response = await Api.SendAsync(CivicCluster.Request(HttpMethod.Post, "/api/v1/panel/cases", cluster.TokenFor(CivicRoles.Staff),
            """{"title":"Familie","summary":"Borgeren 010190-1234 ønsker hjælp.","owningDepartment":"boern-og-unge","coCreationType":"CO_CREATION_TYPE_EQUAL"}"""), Cancel);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-argument");
        Assert.Equal("ERROR_REASON_PERSONAL_DATA_IN_TEXT", problem.GetProperty("reason").GetString());
        Assert.Equal("summary", problem.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task CreateCase_StaffWithEnumByName_200AndEnumNamesInTheAnswer()
    {
        using var response = await Api.SendAsync(CivicCluster.Request(HttpMethod.Post, "/api/v1/panel/cases", cluster.TokenFor(CivicRoles.Staff),
            """{"title":"Legeplads","summary":"Forældre ønsker en ny legeplads.","owningDepartment":"boern-og-unge","coCreationType":"CO_CREATION_TYPE_FACILITATING"}"""), Cancel);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("CO_CREATION_TYPE_FACILITATING", json.GetProperty("coCreationType").GetString());
        Assert.Equal("CASE_PHASE_CLARIFICATION", json.GetProperty("phase").GetString());
    }

    [Fact]
    public async Task GetCase_StaffOfAnotherDepartment_404LikeAnUnknownCase()
    {
        using var response = await Api.SendAsync(CivicCluster.Request(HttpMethod.Get, $"/api/v1/panel/cases/{CivicCluster.DemoCaseId}",
            cluster.TokenFor(CivicRoles.Staff, "by-og-land")), Cancel);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task SearchResourcePersons_Anonymous_PublicProfilesOnly()
    {
        using var response = await Api.GetAsync("/api/v1/network/resource-persons?query=facilitering", Cancel);
        var people = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("resourcePersons").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(people);
        Assert.All(people, p => Assert.Equal("VISIBILITY_PUBLIC", p.GetProperty("visibility").GetString()));
    }

    [Fact]
    public async Task CreateResourcePerson_ServiceCodes_AreasNamedInTheAnswer_UnknownCode400OnItsJsonFieldAndNothingStored()
    {
        var organisation = $"api-{Guid.NewGuid().ToString("N")[..8]}";
        HttpRequestMessage Create(string codes) => CivicCluster.Request(HttpMethod.Post, "/api/v1/network/resource-persons", cluster.TokenFor(CivicRoles.Admin),
            $$"""{"displayName":"Api Person","organisation":"{{organisation}}","serviceCodes":[{{codes}}],"servicesKnown":["Pas og kørekort"],"optedIn":true}""");
        async Task<int> CountAsync()
        {
            using var found = await Api.SendAsync(CivicCluster.Request(HttpMethod.Get, $"/api/v1/network/resource-persons?organisations={organisation}", cluster.TokenFor(CivicRoles.Admin)), Cancel);
            var json = JsonDocument.Parse(await found.Content.ReadAsStringAsync(Cancel)).RootElement;
            return json.TryGetProperty("resourcePersons", out var people) ? people.GetArrayLength() : 0;
        }

        using var refused = await Api.SendAsync(Create("\"27\", \"99\""), Cancel);
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest, "invalid-argument");
        Assert.Equal(["serviceCodes[1]"], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        Assert.Equal(0, await CountAsync());

        using var created = await Api.SendAsync(Create("\"27\""), Cancel);
        var person = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var area = Assert.Single(person.GetProperty("taxonomyServices").EnumerateArray().ToList());
        Assert.Equal(("27", "Social service", "Social services"),
            (area.GetProperty("code").GetString(), area.GetProperty("name").GetString(), area.GetProperty("englishName").GetString()));
        Assert.Equal("Pas og kørekort", Assert.Single(person.GetProperty("servicesKnown").EnumerateArray().ToList()).GetString());
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task GetResourcePerson_InternalProfileWithTokenCookie_VisibleToStaffOnly()
    {
        var path = $"/api/v1/network/resource-persons/{CivicCluster.DemoInternalPersonId}";
        using var anonymous = await Api.GetAsync(path, Cancel);
        var withCookie = new HttpRequestMessage(HttpMethod.Get, path);
        withCookie.Headers.Add("Cookie", $"civic.token={cluster.TokenFor(CivicRoles.Staff)}");
        using var staff = await Api.SendAsync(withCookie, Cancel);

        await ProblemAssert.IsProblemAsync(anonymous, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
    }

    [Fact]
    public async Task Api_ServiceDown_503WithRetryAfter()
    {
        await using var gateway = cluster.StartGateway(new Dictionary<string, string?> { [CivicServices.Panel.AddressSetting] = "http://127.0.0.1:1" });
        using var client = new HttpClient { BaseAddress = gateway.Addresses[0] };

        using var response = await client.SendAsync(CivicCluster.Request(HttpMethod.Get, "/api/v1/panel/cases", cluster.TokenFor(CivicRoles.Admin)), Cancel);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "unavailable");
        Assert.Equal("UNAVAILABLE", problem.GetProperty("grpcStatus").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Api_ServiceTooSlowForTheDeadline_504()
    {
        // A "service" that takes 30 s to answer anything, so the gateway's 200 ms call timeout always comes first.
        await using var slow = await SlowService.StartAsync(TimeSpan.FromSeconds(30));
        await using var gateway = cluster.StartGateway(new Dictionary<string, string?>
        {
            ["Gateway:Api:CallTimeout"] = "00:00:00.200",
            [CivicServices.Hotline.AddressSetting] = slow.Address,
        });
        using var client = new HttpClient { BaseAddress = gateway.Addresses[0] };

        using var response = await client.GetAsync("/api/v1/hotline/departments", Cancel);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.GatewayTimeout, "deadline-exceeded");
        Assert.Equal("DEADLINE_EXCEEDED", problem.GetProperty("grpcStatus").GetString());
    }

    /// <summary>An h2c server that answers every request only after <c>delay</c> (or when the caller gives up).</summary>
    private sealed class SlowService : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private SlowService(WebApplication app, string address)
        {
            _app = app;
            Address = address;
        }

        public string Address { get; }

        public static async Task<SlowService> StartAsync(TimeSpan delay)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
            var app = builder.Build();
            app.Run(context => Task.Delay(delay, context.RequestAborted));
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new SlowService(app, address);
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();
    }
}
