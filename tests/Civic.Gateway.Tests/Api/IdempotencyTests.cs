using System.Net;
using System.Text.Json;
using Civic.Gateway.Tests.Infrastructure;
using Civic.Defaults.Auth;

namespace Civic.Gateway.Tests.Api;

[Collection(ClusterCollection.Name)]
public sealed class IdempotencyTests(CivicCluster cluster)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateDepartment_SameKeyTwice_ReplaysTheFirstResultAndCreatesNothingNew()
    {
        var key = Guid.NewGuid().ToString();
        var body = Department($"gentag-{Guid.NewGuid().ToString("N")[..8]}");
        var before = await CountDepartmentsAsync();

        using var first = await PostAsync("/api/v1/hotline/departments", body, key);
        using var replay = await PostAsync("/api/v1/hotline/departments", body, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(Cancel), await replay.Content.ReadAsStringAsync(Cancel));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(before + 1, await CountDepartmentsAsync());
    }

    [Fact]
    public async Task CreateDepartment_SameKeyOtherBody_422AndNothingCreated()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync("/api/v1/hotline/departments", Department($"a-{Guid.NewGuid().ToString("N")[..8]}"), key);
        var before = await CountDepartmentsAsync();

        using var other = await PostAsync("/api/v1/hotline/departments", Department($"b-{Guid.NewGuid().ToString("N")[..8]}"), key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await ProblemAssert.IsProblemAsync(other, HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        Assert.Equal(before, await CountDepartmentsAsync());
    }

    [Fact]
    public async Task CreateCase_ConcurrentDuplicates_OneCaseAndEveryoneGetsItsResult()
    {
        var key = Guid.NewGuid().ToString();
        var title = $"Samtidig {Guid.NewGuid().ToString("N")[..8]}";
        var body = $$"""{"title":"{{title}}","summary":"Dobbeltklik på knappen.","owningDepartment":"boern-og-unge"}""";

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostAsync("/api/v1/panel/cases", body, key)));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync(Cancel)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(bodies.Distinct());
        Assert.Equal(5, responses.Count(r => r.Headers.Contains("Idempotent-Replayed")));
        using var list = await cluster.Api.SendAsync(CivicCluster.Request(HttpMethod.Get, "/api/v1/panel/cases?page.pageSize=500", cluster.TokenFor(CivicRoles.Admin)), Cancel);
        var cases = JsonDocument.Parse(await list.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("cases").EnumerateArray();
        Assert.Single(cases, c => c.GetProperty("title").GetString() == title);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task CreateDepartment_InvalidFirstAttemptReplayed_SameProblem()
    {
        var key = Guid.NewGuid().ToString();
        const string invalid = """{"code":"UGYLDIG KODE","name":{"da":"A","en":"A"},"directorName":"B"}""";

        using var first = await PostAsync("/api/v1/hotline/departments", invalid, key);
        using var replay = await PostAsync("/api/v1/hotline/departments", invalid, key);

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(Cancel), await replay.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task CreateDepartment_SameKeyOtherCaller_NotShared()
    {
        var key = Guid.NewGuid().ToString();
        var body = Department($"kald-{Guid.NewGuid().ToString("N")[..8]}");

        using var asCitizen = await PostAsync("/api/v1/hotline/departments", body, key, cluster.TokenFor(CivicRoles.Citizen));
        using var asAdmin = await PostAsync("/api/v1/hotline/departments", body, key);

        Assert.Equal(HttpStatusCode.Forbidden, asCitizen.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.False(asAdmin.Headers.Contains("Idempotent-Replayed"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("med mellemrum")]
    [InlineData(null)]
    public async Task CreateDepartment_BadKey_400(string? key)
    {
        // null: one character longer than the longest key allowed.
        key ??= new string('k', 256);
        var request = CivicCluster.Request(HttpMethod.Post, "/api/v1/hotline/departments", cluster.TokenFor(CivicRoles.Admin), Department("noegle"));
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        using var response = await cluster.Api.SendAsync(request, Cancel);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-idempotency-key");
    }

    private Task<HttpResponseMessage> PostAsync(string path, string body, string key, string? token = null)
    {
        var request = CivicCluster.Request(HttpMethod.Post, path, token ?? cluster.TokenFor(CivicRoles.Admin), body);
        request.Headers.Add("Idempotency-Key", key);
        return cluster.Api.SendAsync(request, Cancel);
    }

    private async Task<int> CountDepartmentsAsync()
    {
        using var response = await cluster.Api.GetAsync("/api/v1/hotline/departments?page.pageSize=1", Cancel);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("page").GetProperty("totalSize").GetInt32();
    }

    private static string Department(string code) =>
        $$"""{"code":"{{code}}","name":{"da":"Idempotens","en":"Idempotency"},"directorName":"Ida Holm"}""";
}
