using Civic.Contracts.Common.V1;
using Civic.Contracts.Hotline.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Storage.Migrations;
using Civic.Defaults.Services;
using DepartmentGrpcService = Civic.Hotline.Departments.DepartmentGrpcService;
using Civic.Services.FunctionalTests.Infrastructure;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Grpc.Core;

namespace Civic.Services.FunctionalTests.Hotline;

public sealed class HotlineOnSqlite() : ServiceFixture<DepartmentGrpcService>(CivicServices.Hotline.Name, Backend.Sqlite);

public sealed class HotlineOnPostgres() : ServiceFixture<DepartmentGrpcService>(CivicServices.Hotline.Name, Backend.Postgres);

public sealed class DepartmentTestsOnSqlite(HotlineOnSqlite fixture) : DepartmentTests(fixture), IClassFixture<HotlineOnSqlite>;

public sealed class DepartmentTestsOnPostgres(HotlineOnPostgres fixture) : DepartmentTests(fixture), IClassFixture<HotlineOnPostgres>;

public abstract class DepartmentTests(ServiceFixture<DepartmentGrpcService> fixture) : ServiceTests<DepartmentGrpcService>(fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = DepartmentsReflection.Descriptor.Services[0];

    [Fact]
    public async Task CreateDepartment_Valid_GetAndListReturnIt()
    {
        var code = UniqueCode("boern-og-unge");
        var created = (await CreateAsync(NewDepartment(code))).Department;

        var fetched = (await Host.CallAsync<GetDepartmentRequest, GetDepartmentResponse>(Service, "GetDepartment", new() { Id = created.Id })).Department;
        var listed = await ListAllAsync();

        Assert.False(string.IsNullOrEmpty(created.Id));
        Assert.Equal(created, fetched);
        Assert.Equal(code, fetched.Code);
        Assert.Equal("Børn og Unge", fetched.Name.Da);
        Assert.Equal("Children and Young People", fetched.Name.En);
        Assert.Equal("Anne Mortensen", fetched.DirectorName);
        Assert.Equal(["skole", "daginstitution"], fetched.Topics);
        Assert.Equal(["Peter Dahl"], fetched.DeputyNames);
        Assert.False(fetched.TakesUnsureCitizens);
        Assert.NotNull(fetched.CreatedAt);
        Assert.Contains(listed, d => d.Id == created.Id);
    }

    [Fact]
    public async Task CreateDepartment_BadCodeAndMissingNames_InvalidArgumentWithEveryFieldViolation()
    {
        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => CreateAsync(new CreateDepartmentRequest
        {
            Code = "Børn og Unge",
            Name = new LocalizedText { Da = "", En = " " },
            DirectorName = "",
        }));

        Assert.Equal(["code", "name.da", "name.en", "director_name"], RpcAssert.ViolatedFields(exception));
        RpcAssert.ErrorInfo(exception, ErrorReason.InvalidField);
    }

    [Fact]
    public async Task CreateDepartment_CodeTaken_AlreadyExists()
    {
        var code = UniqueCode("aeldre");
        await CreateAsync(NewDepartment(code));

        var exception = await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => CreateAsync(NewDepartment(code)));

        Assert.Contains(code, exception.Status.Detail, StringComparison.Ordinal);
        RpcAssert.ErrorInfo(exception, ErrorReason.AlreadyExists);
    }

    [Fact]
    public async Task RouteTopic_KnownTopic_DepartmentListingIt()
    {
        var topic = $"emne-{Guid.NewGuid():N}"[..20];
        var created = (await CreateAsync(NewDepartment(UniqueCode("rute")).Also(d => d.Topics.Add(topic)))).Department;

        var route = await RouteAsync(new() { Topic = topic.ToUpperInvariant() });

        Assert.False(route.RoutedToUnsureDesk);
        Assert.Equal(created.Id, Assert.Single(route.Departments).Id);
    }

    [Fact]
    public async Task RouteTopic_UnsureOrUnknownTopic_DepartmentsTakingUnsureCitizens()
    {
        var desk = (await CreateAsync(NewDepartment(UniqueCode("borgerservice")).Also(d => d.TakesUnsureCitizens = true))).Department;

        var unsure = await RouteAsync(new() { Unsure = true, Topic = "skole" });
        var unknown = await RouteAsync(new() { Topic = $"intet-{Guid.NewGuid():N}" });

        Assert.True(unsure.RoutedToUnsureDesk);
        Assert.True(unknown.RoutedToUnsureDesk);
        Assert.Contains(unsure.Departments, d => d.Id == desk.Id);
        Assert.All(unknown.Departments, d => Assert.True(d.TakesUnsureCitizens));
        Assert.Contains(unknown.Departments, d => d.Id == desk.Id);
    }

    [Fact]
    public async Task RouteTopic_TooLongTopic_InvalidArgumentOnTopic()
    {
        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => RouteAsync(new() { Topic = new string('x', 201) }));

        Assert.Equal(["topic"], RpcAssert.ViolatedFields(exception));
    }

    [Fact]
    public async Task CreateDepartment_TooManyDeputies_InvalidArgumentAndNothingCreated()
    {
        var code = UniqueCode("stedfortraedere");
        var request = NewDepartment(code);
        request.DeputyNames.Add(Enumerable.Range(0, 11).Select(i => $"Stedfortræder {i}"));

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => CreateAsync(request));

        Assert.Equal(["deputy_names"], RpcAssert.ViolatedFields(exception));
        Assert.DoesNotContain(await ListAllAsync(), d => d.Code == code);
    }

    [Fact]
    public async Task GetDepartment_UnknownId_NotFound()
    {
        var exception = await RpcAssert.FailsAsync(StatusCode.NotFound, () =>
            Host.CallAsync<GetDepartmentRequest, GetDepartmentResponse>(Service, "GetDepartment", new() { Id = Guid.NewGuid().ToString() }));

        RpcAssert.ErrorInfo(exception, ErrorReason.NotFound);
    }

    [Fact]
    public async Task ListDepartments_SmallPages_TokensWalkTheWholeListOnce()
    {
        for (var i = 0; i < 3; i++)
        {
            await CreateAsync(NewDepartment(UniqueCode("side")));
        }

        var ids = new List<string>();
        var token = string.Empty;
        var total = -1;
        do
        {
            var page = await Host.CallAsync<ListDepartmentsRequest, ListDepartmentsResponse>(Service, "ListDepartments",
                new() { Page = new PageRequest { PageSize = 2, PageToken = token } });
            Assert.True(page.Departments.Count <= 2);
            ids.AddRange(page.Departments.Select(d => d.Id));
            total = page.Page.TotalSize;
            token = page.Page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(total, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(ids.Count >= 3);
    }

    [Fact]
    public async Task ListDepartments_ForgedPageToken_InvalidArgumentOnPageToken()
    {
        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Host.CallAsync<ListDepartmentsRequest, ListDepartmentsResponse>(Service, "ListDepartments",
                new() { Page = new PageRequest { PageToken = "offset=100" } }));

        Assert.Equal(["page.page_token"], RpcAssert.ViolatedFields(exception));
    }

    [Fact]
    public async Task CreateDepartment_Anonymous_UnauthenticatedAndNothingCreated()
    {
        var code = UniqueCode("anonym");

        var exception = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () =>
            Host.CallAsync<CreateDepartmentRequest, CreateDepartmentResponse>(Service, "CreateDepartment", NewDepartment(code), role: null));

        Assert.Contains("signed-in", exception.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(await ListAllAsync(), d => d.Code == code);
    }

    [Theory]
    [InlineData(CivicRoles.Citizen)]
    [InlineData(CivicRoles.Staff)]
    [InlineData(CivicRoles.Director)]
    public async Task CreateDepartment_NotAdmin_PermissionDeniedWithDanishMessage(string role)
    {
        var exception = await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            Host.CallAsync<CreateDepartmentRequest, CreateDepartmentResponse>(Service, "CreateDepartment", NewDepartment(UniqueCode("rolle")), role));

        RpcAssert.ErrorInfo(exception, ErrorReason.NotAllowed);
        Assert.Contains(role, exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListDepartments_Anonymous_Allowed()
    {
        var response = await Host.CallAsync<ListDepartmentsRequest, ListDepartmentsResponse>(Service, "ListDepartments", new(), role: null);

        Assert.NotNull(response.Page);
    }

    [Fact]
    public async Task ListDepartments_ExpiredOrForeignToken_UnauthenticatedEvenThoughAnonymousMayCall()
    {
        foreach (var token in new[] { TestTokens.Expired(CivicRoles.Admin), TestTokens.ForeignlySigned(CivicRoles.Admin), "not-a-token" })
        {
            var exception = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () =>
                Host.CallWithTokenAsync<ListDepartmentsRequest, ListDepartmentsResponse>(Service, "ListDepartments", new(), token));

            Assert.Contains("not valid", exception.Status.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task HealthCheck_InvalidToken_StillServing()
    {
        var response = await Host.CallWithTokenAsync<HealthCheckRequest, HealthCheckResponse>(
            HealthReflection.Descriptor.Services[0], "Check", new HealthCheckRequest(), "not-a-token");

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Migrations_AppliedAgain_NothingToDo()
    {
        var migrator = Host.Services.GetRequiredService<SchemaMigrator>();

        var applied = await migrator.MigrateAsync(TestContext.Current.CancellationToken);
        var status = await migrator.GetStatusAsync(TestContext.Current.CancellationToken);

        Assert.Empty(applied);
        Assert.True(status.IsUpToDate);
        Assert.Contains("hotline/0002_department_topics", status.Applied);
        Assert.Contains("hotline/0003_department_deputies", status.Applied);
        Assert.Contains("hotline/0006_calls_and_ideas", status.Applied);
    }

    [Fact]
    public async Task Health_Started_Serving()
    {
        var response = await Host.CallAsync<HealthCheckRequest, HealthCheckResponse>(
            HealthReflection.Descriptor.Services[0], "Check", new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    private Task<CreateDepartmentResponse> CreateAsync(CreateDepartmentRequest request) =>
        Host.CallAsync<CreateDepartmentRequest, CreateDepartmentResponse>(Service, "CreateDepartment", request);

    private Task<RouteTopicResponse> RouteAsync(RouteTopicRequest request) =>
        Host.CallAsync<RouteTopicRequest, RouteTopicResponse>(Service, "RouteTopic", request, role: null);

    private async Task<List<Department>> ListAllAsync()
    {
        var response = await Host.CallAsync<ListDepartmentsRequest, ListDepartmentsResponse>(Service, "ListDepartments",
            new() { Page = new PageRequest { PageSize = 500 } });
        return [.. response.Departments];
    }

    private static CreateDepartmentRequest NewDepartment(string code) => new()
    {
        Code = code,
        Name = new LocalizedText { Da = "Børn og Unge", En = "Children and Young People" },
        DirectorName = "Anne Mortensen",
        Topics = { "skole", " daginstitution ", "Skole", "" },
        DeputyNames = { " Peter Dahl", "" },
    };

    private static string UniqueCode(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
}

internal static class MessageExtensions
{
    /// <summary>Changes a message in place and returns it, for one-line variations of a test request.</summary>
    public static T Also<T>(this T message, Action<T> change)
    {
        change(message);
        return message;
    }
}
