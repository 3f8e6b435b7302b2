using System.Net;
using System.Text.RegularExpressions;
using Civic.Defaults.Auth;
using Civic.Gateway.Api;
using Civic.Gateway.Tests.Infrastructure;

namespace Civic.Gateway.Tests.Api;

/// <summary>
/// Every RPC with a google.api.http annotation (<see cref="ApiOperations.All"/>) answers under /api/v1
/// through the gateway: the route reaches the service's transcoded endpoint (no 404 from routing, no
/// 405, no proxy error), so an annotation cannot be added without the gateway serving it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class ApiOperationsReachableTests(CivicCluster cluster)
{
    public static TheoryData<string> Operations()
    {
        var data = new TheoryData<string>();
        foreach (var operation in ApiOperations.All)
        {
            data.Add(operation.OperationId);
        }

        return data;
    }

    [Fact]
    public void All_CoversEveryAnnotatedRpcOfEveryService()
    {
        Assert.Equal(
            ["acceptConfidentiality", "acceptWaitlistOffer", "addContribution", "addFeatureCategory", "addFeatureValue", "addMember", "approveHelpRequest", "assignHelpRequest", "cancelBooking", "cancelSession", "changeIdeaStatus", "changePhase", "commentOnSynthesis", "completeHelpRequest", "confirmResourcePerson", "confirmSignUp", "convene", "createArticle", "createBooking", "createCase", "createDepartment", "createGroup", "createHelpRequest", "createResourcePerson", "createScheduleRule", "exportMyData", "finaliseSynthesis", "foldOtherCompetence", "getArticle", "getBooking", "getCase", "getDepartment", "getDraw", "getEvaluation", "getFairnessReport", "getFamily", "getFeatureSchema", "getGroup", "getHelpRequest", "getMeetingCalendar", "getMember", "getMemberView", "getMonthlyStatistics", "getMyMembership", "getResourcePerson", "getSignUpForm", "getSynthesis", "getTaxonomy", "giveFeedback", "handOverFamily", "holdSlot", "joinWaitlist", "listArticles", "listAuditEntries", "listCalls", "listCases", "listDepartments", "listDraws", "listFeedback", "listGroups", "listHelpRequests", "listIdeas", "listInvitations", "listMailbox", "listMembers", "listOtherCompetences", "listPanelSessions", "listPhaseTransitions", "listProfileReports", "listScheduleRuleChanges", "listScheduleRules", "listSessions", "listUnattendedFamilies", "materialiseSessions", "openSynthesisReview", "postNotice", "recordCallOutcome", "recordContribution", "recordEvaluation", "registerAssisted", "registerFamily", "registerIdea", "renewConsent", "reorderFeatures", "reportResourcePerson", "requestSession", "rescheduleBooking", "resolveProfileReport", "respondToHelpRequest", "respondToInvitation", "retireFeature", "retireScheduleRule", "routeTopic", "saveSynthesisDraft", "scheduleMeeting", "schedulePanelSession", "searchResourcePersons", "sendInvitations", "setScopeOfInfluence", "signUp", "suggestResourcePersons", "takeOverCase", "updateCaseBrief", "updateFeatureCategory", "updateFeatureValue", "updateResourcePerson", "updateScheduleRule", "verifyDraw", "withdrawMembership"],
            ApiOperations.All.Select(o => o.OperationId).Order(StringComparer.Ordinal));
        Assert.All(ApiOperations.All, o => Assert.StartsWith("/api/v1/", o.Route, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operation_AsAdmin_AnsweredByTheService(string operationId)
    {
        var operation = ApiOperations.All.Single(o => o.OperationId == operationId);
        var path = PathVariable().Replace(operation.Route, m => m.Groups[1].Value switch
        {
            "id" when operation.Route.StartsWith("/api/v1/panel/draws/", StringComparison.Ordinal) => CivicCluster.DemoDrawId,
            "id" => KnownId(operation.Tag, operation.Route),
            "case_id" => CivicCluster.DemoCaseId,
            "group_id" => CivicCluster.DemoNetworkGroupId,
            "meeting_id" => CivicCluster.DemoNetworkMeetingId,
            "department_id" when operation.Tag == "hotline" => CivicCluster.DemoDepartmentId,
            "slug" => CivicCluster.DemoPublicArticleSlug,
            // A blank slot id: the service's validation answers (a made-up one would be NOT_FOUND).
            "slot_id" => "%20",
            "month" => "2026-11",
            "reference" => CivicCluster.DemoFamilyReference,
            _ => "x",
        });
        // An empty body for creates: the service's own validation answers, which proves the request reached it.
        using var response = await cluster.Api.SendAsync(
            CivicCluster.Request(new HttpMethod(operation.Method), path, cluster.TokenFor(CivicRoles.Admin), operation.RequestBody is null ? null : "{}"),
            TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        if (operation.OperationId == "listMailbox")
        {
            // The Hotline's development mailbox exists only in the Development environment; the cluster runs as Testing.
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "failed-precondition");
        }
        else if (operation.RequestBody is null || operation.OperationId is "materialiseSessions" or "confirmResourcePerson")
        {
            // materialiseSessions takes no input, confirmResourcePerson none beyond its path: an empty body is a whole, valid request.
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{operation.Method} {path} ({operation.OperationId}) answered {(int)response.StatusCode}: {body}");
        }
        else
        {
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-argument");
            Assert.Equal("INVALID_ARGUMENT", problem.GetProperty("grpcStatus").GetString());
        }
    }

    private static string KnownId(string service, string route) => service switch
    {
        "network" when route.StartsWith("/api/v1/network/requests/", StringComparison.Ordinal) => CivicCluster.DemoHelpRequestId,
        "network" when route.StartsWith("/api/v1/network/groups/", StringComparison.Ordinal) => CivicCluster.DemoNetworkGroupId,
        "hotline" => CivicCluster.DemoDepartmentId,
        "panel" => CivicCluster.DemoCaseId,
        "network" => CivicCluster.DemoPublicPersonId,
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "A service without a known demo id."),
    };

    [GeneratedRegex(@"\{([a-z_][a-z0-9_.]*)\}")]
    private static partial Regex PathVariable();
}
