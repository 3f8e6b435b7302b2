using Civic.Contracts.Common.V1;
using Civic.Contracts.Hotline.V1;
using Civic.Contracts.Network.V1;
using Civic.Contracts.Panel.V1;
using Civic.Gateway.Tests.Infrastructure;
using Civic.Defaults.Auth;
using Civic.Hosting.Grpc;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Civic.Gateway.Tests.Authorization;

/// <summary>
/// Every RPC of every served service, called by an anonymous caller and by each role, directly and
/// through the gateway, against the real services. One explicit table says what must happen; any
/// unexpected allow or deny fails, and so does an RPC the table does not know (a new RPC must be
/// added here, with its rule, before it can ship).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RoleMatrixTests(CivicCluster cluster)
{
    /// <summary>The columns of the table: no token, then each role.</summary>
    private static readonly string?[] Callers = [null, .. CivicRoles.All];

    // A = allowed (the call succeeds), U = UNAUTHENTICATED, D = PERMISSION_DENIED, F = FAILED_PRECONDITION (served, not here), N = NOT_FOUND (served; the caller may not learn it exists).
    // Columns:                                                      anon citizen panel partner staff coord dir admin
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["/civic.hotline.v1.DepartmentService/ListDepartments"] =        "A    A       A     A       A     A     A   A",
        ["/civic.hotline.v1.DepartmentService/GetDepartment"] =          "A    A       A     A       A     A     A   A",
        ["/civic.hotline.v1.DepartmentService/CreateDepartment"] =       "U    D       D     D       D     D     D   A",
        ["/civic.hotline.v1.DepartmentService/RouteTopic"] =             "A    A       A     A       A     A     A   A",
        ["/civic.hotline.v1.ScheduleService/CreateScheduleRule"] =       "U    D       D     D       D     D     D   A",
        ["/civic.hotline.v1.ScheduleService/ListScheduleRules"] =        "A    A       A     A       A     A     A   A",
        ["/civic.hotline.v1.ScheduleService/ListSessions"] =             "A    A       A     A       A     A     A   A",
        ["/civic.hotline.v1.ScheduleService/MaterialiseSessions"] =      "U    D       D     D       D     D     D   A",
        // Open to all, but only in Development: the test cluster runs as Testing, so every caller gets FAILED_PRECONDITION.
        ["/civic.hotline.v1.DevelopmentMailboxService/ListMailbox"] =    "F    F       F     F       F     F     F   F",
        // Citizens book without signing in; the manage token, not a role, guards a booking.
        ["/civic.hotline.v1.BookingService/CreateBooking"] =             "A    A       A     A       A     A     A   A",
        ["/civic.hotline.v1.BookingService/GetBooking"] =                "A    A       A     A       A     A     A   A",
        ["/civic.hotline.v1.BookingService/CancelBooking"] =             "A    A       A     A       A     A     A   A",
        ["/civic.hotline.v1.BookingService/RescheduleBooking"] =         "A    A       A     A       A     A     A   A",
        ["/civic.hotline.v1.BookingService/HoldSlot"] =                  "A    A       A     A       A     A     A   A",
        // Open to everyone; the demo sessions have free seats, so the service refuses for that reason alone.
        ["/civic.hotline.v1.BookingService/JoinWaitlist"] =              "F    F       F     F       F     F     F   F",
        ["/civic.hotline.v1.BookingService/AcceptWaitlistOffer"] =       "A    A       A     A       A     A     A   A",
        // Open to everyone; the demo department books first come, first served, so the service refuses for that reason alone.
        ["/civic.hotline.v1.BookingService/RequestSession"] =            "F    F       F     F       F     F     F   F",
        ["/civic.hotline.v1.ScheduleService/CancelSession"] =            "U    D       D     D       D     D     A   A",
        ["/civic.hotline.v1.ScheduleService/UpdateScheduleRule"] =       "U    D       D     D       D     D     D   A",
        ["/civic.hotline.v1.ScheduleService/RetireScheduleRule"] =       "U    D       D     D       D     D     D   A",
        ["/civic.hotline.v1.ScheduleService/ListScheduleRuleChanges"] =  "U    D       D     D       D     D     D   A",
        ["/civic.hotline.v1.StatisticsService/GetMonthlyStatistics"] =   "U    D       D     D       D     D     A   A",
        ["/civic.hotline.v1.CallService/ListCalls"] =                    "U    D       D     D       D     D     A   A",
        ["/civic.hotline.v1.CallService/RecordCallOutcome"] =            "U    D       D     D       D     D     A   A",
        ["/civic.hotline.v1.IdeaService/RegisterIdea"] =                 "U    D       D     D       D     D     A   A",
        ["/civic.hotline.v1.IdeaService/ChangeIdeaStatus"] =             "U    D       D     D       D     D     A   A",
        ["/civic.hotline.v1.IdeaService/ListIdeas"] =                    "A    A       A     A       A     A     A   A",
        ["/civic.panel.v1.CaseService/CreateCase"] =                 "U    D       D     D       A     A     A   A",
        ["/civic.panel.v1.CaseService/GetCase"] =                    "U    D       D     D       A     A     A   A",
        ["/civic.panel.v1.CaseService/ListCases"] =                  "U    D       D     D       A     A     A   A",
        ["/civic.panel.v1.CaseService/SetScopeOfInfluence"] =        "U    D       D     D       A     A     A   A",
        ["/civic.panel.v1.CaseService/UpdateCaseBrief"] =            "U    D       D     D       A     A     A   A",
        ["/civic.panel.v1.CaseService/ChangePhase"] =                "U    D       D     D       A     A     A   A",
        ["/civic.panel.v1.CaseService/ListPhaseTransitions"] =       "U    D       D     D       A     A     A   A",
        ["/civic.panel.v1.CaseService/TakeOverCase"] =               "U    D       D     D       A     A     A   A",
        ["/civic.panel.v1.ConveningService/Convene"] =               "U    D       D     D       D     A     D   A",
        ["/civic.panel.v1.ConveningService/GetDraw"] =               "U    D       D     D       D     A     A   A",
        ["/civic.panel.v1.ConveningService/ListDraws"] =             "U    D       D     D       D     A     A   A",
        ["/civic.panel.v1.ConveningService/VerifyDraw"] =            "U    D       D     D       D     A     A   A",
        // Volunteers sign up and confirm without an account; the member link's token, not a role, guards self-service.
        ["/civic.panel.v1.PoolService/GetSignUpForm"] =              "A    A       A     A       A     A     A   A",
        ["/civic.panel.v1.PoolService/SignUp"] =                     "A    A       A     A       A     A     A   A",
        ["/civic.panel.v1.PoolService/ConfirmSignUp"] =              "A    A       A     A       A     A     A   A",
        ["/civic.panel.v1.PoolService/RegisterAssisted"] =           "U    D       D     D       A     A     D   A",
        ["/civic.panel.v1.PoolService/GetMember"] =                  "U    D       D     D       D     A     D   A",
        ["/civic.panel.v1.PoolService/ListMembers"] =                "U    D       D     D       D     A     D   A",
        ["/civic.panel.v1.MembershipService/GetMyMembership"] =      "A    A       A     A       A     A     A   A",
        ["/civic.panel.v1.MembershipService/ExportMyData"] =         "A    A       A     A       A     A     A   A",
        ["/civic.panel.v1.MembershipService/WithdrawMembership"] =   "A    A       A     A       A     A     A   A",
        ["/civic.panel.v1.MembershipService/RenewConsent"] =         "A    A       A     A       A     A     A   A",
        ["/civic.panel.v1.AuditService/ListAuditEntries"] =          "U    D       D     D       D     D     D   A",
        ["/civic.panel.v1.FairnessService/GetFairnessReport"] =      "U    D       D     D       D     A     A   A",
        // Staff pass the case rule but not convening, which the allowed call needs first.
        ["/civic.panel.v1.InvitationService/SendInvitations"] =      "U    D       D     D       D     A     D   A",
        ["/civic.panel.v1.InvitationService/ListInvitations"] =      "U    D       D     D       D     A     A   A",
        // The invitation link, not a role, is the member's key.
        ["/civic.panel.v1.PanelMemberService/GetMemberView"] =       "A    A       A     A       A     A     A   A",
        ["/civic.panel.v1.PanelMemberService/RespondToInvitation"] = "A    A       A     A       A     A     A   A",
        ["/civic.panel.v1.PanelMemberService/AcceptConfidentiality"] = "A    A       A     A       A     A     A   A",
        ["/civic.panel.v1.PanelMemberService/AddContribution"] =     "A    A       A     A       A     A     A   A",
        ["/civic.panel.v1.PanelMemberService/CommentOnSynthesis"] =  "A    A       A     A       A     A     A   A",
        ["/civic.panel.v1.SessionService/SchedulePanelSession"] =    "U    D       D     D       D     A     D   A",
        ["/civic.panel.v1.SessionService/ListPanelSessions"] =       "U    D       D     D       D     A     A   A",
        ["/civic.panel.v1.SessionService/RecordContribution"] =      "U    D       D     D       D     A     D   A",
        ["/civic.panel.v1.SynthesisService/SaveSynthesisDraft"] =    "U    D       D     D       D     A     D   A",
        ["/civic.panel.v1.SynthesisService/OpenSynthesisReview"] =   "U    D       D     D       D     A     D   A",
        ["/civic.panel.v1.SynthesisService/FinaliseSynthesis"] =     "U    D       D     D       D     A     D   A",
        ["/civic.panel.v1.SynthesisService/GetSynthesis"] =          "U    D       D     D       D     A     A   A",
        ["/civic.panel.v1.FeedbackService/GiveFeedback"] =           "U    D       D     D       D     A     D   A",
        ["/civic.panel.v1.FeedbackService/ListFeedback"] =           "U    D       D     D       D     A     A   A",
        ["/civic.panel.v1.EvaluationService/RecordEvaluation"] =     "U    D       D     D       D     A     D   A",
        ["/civic.panel.v1.EvaluationService/GetEvaluation"] =        "U    D       D     D       D     A     A   A",
        ["/civic.panel.v1.DevelopmentMailboxService/ListMailbox"] =  "F    F       F     F       F     F     F   F",
        ["/civic.panel.v1.FeatureSchemaService/GetFeatureSchema"] =  "U    D       D     D       D     A     D   A",
        // The changes are called with validate_only, so the shared demo schema stays as it is.
        ["/civic.panel.v1.FeatureSchemaService/AddFeatureCategory"] = "U    D       D     D       D     D     D   A",
        ["/civic.panel.v1.FeatureSchemaService/AddFeatureValue"] =   "U    D       D     D       D     D     D   A",
        ["/civic.panel.v1.FeatureSchemaService/UpdateFeatureCategory"] = "U    D       D     D       D     D     D   A",
        ["/civic.panel.v1.FeatureSchemaService/UpdateFeatureValue"] = "U    D       D     D       D     D     D   A",
        ["/civic.panel.v1.FeatureSchemaService/ReorderFeatures"] =   "U    D       D     D       D     D     D   A",
        ["/civic.panel.v1.FeatureSchemaService/RetireFeature"] =     "U    D       D     D       D     D     D   A",
        ["/civic.network.v1.ResourcePersonService/CreateResourcePerson"] =   "U    D       D     D       A     A     A   A",
        ["/civic.network.v1.ResourcePersonService/GetResourcePerson"] =      "A    A       A     A       A     A     A   A",
        ["/civic.network.v1.ResourcePersonService/SearchResourcePersons"] =  "A    A       A     A       A     A     A   A",
        // Staff and directors pass the access rule; the profile's own rule then allows only its owner, manager, coordinators and admins.
        ["/civic.network.v1.ResourcePersonService/UpdateResourcePerson"] =   "U    D       D     D       D     A     D   A",
        ["/civic.network.v1.TaxonomyService/GetTaxonomy"] =                  "A    A       A     A       A     A     A   A",
        ["/civic.network.v1.HelpRequestService/CreateHelpRequest"] =         "U    D       D     D       A     A     A   A",
        ["/civic.network.v1.HelpRequestService/GetHelpRequest"] =            "U    D       D     D       A     A     A   A",
        ["/civic.network.v1.HelpRequestService/ListHelpRequests"] =          "U    D       D     A       A     A     A   A",
        ["/civic.network.v1.HelpRequestService/SuggestResourcePersons"] =    "U    D       D     D       A     A     A   A",
        // Assigning is for coordinators; answering, approving and completing belong to the person, their manager and the requester.
        ["/civic.network.v1.HelpRequestService/AssignHelpRequest"] =         "U    D       D     D       D     A     D   A",
        ["/civic.network.v1.HelpRequestService/RespondToHelpRequest"] =      "U    D       D     D       D     D     D   D",
        ["/civic.network.v1.HelpRequestService/ApproveHelpRequest"] =        "U    D       D     D       D     D     D   D",
        ["/civic.network.v1.HelpRequestService/CompleteHelpRequest"] =       "U    D       D     D       D     D     D   D",
        ["/civic.network.v1.ToolboxService/ListArticles"] =                  "A    A       A     A       A     A     A   A",
        ["/civic.network.v1.ToolboxService/GetArticle"] =                    "A    A       A     A       A     A     A   A",
        ["/civic.network.v1.ToolboxService/CreateArticle"] =                 "U    D       D     D       A     A     A   A",
        ["/civic.network.v1.NavigatorService/RegisterFamily"] =              "U    D       D     D       A     A     A   A",
        ["/civic.network.v1.NavigatorService/GetFamily"] =                   "U    D       D     D       A     A     A   A",
        ["/civic.network.v1.NavigatorService/HandOverFamily"] =              "U    D       D     D       A     A     A   A",
        ["/civic.network.v1.NavigatorService/ListUnattendedFamilies"] =      "U    D       D     D       D     A     D   A",
        ["/civic.network.v1.NetworkGroupService/CreateGroup"] =              "U    D       D     D       D     A     D   A",
        ["/civic.network.v1.NetworkGroupService/ListGroups"] =               "U    D       D     A       A     A     A   A",
        // A partner reads and posts in the groups their own profile belongs to; the demo group is NOT_FOUND to the test's partner.
        ["/civic.network.v1.NetworkGroupService/GetGroup"] =                 "U    D       D     N       A     A     A   A",
        ["/civic.network.v1.NetworkGroupService/AddMember"] =                "U    D       D     D       D     A     D   A",
        // Staff and directors pass the role check but post only as members; the test tokens own no member profile.
        ["/civic.network.v1.NetworkGroupService/PostNotice"] =               "U    D       D     N       D     A     D   A",
        ["/civic.network.v1.NetworkGroupService/ScheduleMeeting"] =          "U    D       D     D       D     A     D   A",
        ["/civic.network.v1.NetworkGroupService/GetMeetingCalendar"] =       "U    D       D     N       A     A     A   A",
        ["/civic.network.v1.DevelopmentMailboxService/ListMailbox"] =        "F    F       F     F       F     F     F   F",
        // Staff and directors pass the access rule; confirming and resolving then need the profile's owner (the test tokens own none).
        ["/civic.network.v1.ProfileUpkeepService/ConfirmResourcePerson"] =   "U    D       D     D       D     A     D   A",
        ["/civic.network.v1.ProfileUpkeepService/ReportResourcePerson"] =    "A    A       A     A       A     A     A   A",
        ["/civic.network.v1.ProfileUpkeepService/ListProfileReports"] =      "U    D       D     A       A     A     A   A",
        ["/civic.network.v1.ProfileUpkeepService/ResolveProfileReport"] =    "U    D       D     D       D     A     D   A",
        ["/civic.network.v1.CompetenceFoldingService/ListOtherCompetences"] = "U    D       D     D       D     D     D   A",
        ["/civic.network.v1.CompetenceFoldingService/FoldOtherCompetence"] =  "U    D       D     D       D     D     D   A",
        ["/grpc.health.v1.Health/Check"] =                            "A    A       A     A       A     A     A   A",
        ["/grpc.health.v1.Health/Watch"] =                            "A    A       A     A       A     A     A   A",
        ["/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"] = "A    A       A     A       A     A     A   A",
        ["/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"] = "A    A       A     A       A     A     A   A",
    };

    public enum Route
    {
        Direct,
        ThroughGateway,
    }

    [Theory]
    [InlineData(Route.Direct)]
    [InlineData(Route.ThroughGateway)]
    public async Task EveryRpc_EveryCaller_ExactlyAsTheTableSays(Route route)
    {
        _memberLinks = cluster.Panel.Services.GetRequiredService<Civic.Panel.Pool.MemberLinkTokens>();
        _adminToken = cluster.TokenFor(CivicRoles.Admin);
        await PanelInvitationLinks.PrepareAsync(cluster);
        var served = new List<(string Path, Uri Address)>();
        foreach (var (services, address) in new[]
        {
            (cluster.Hotline.Services, cluster.Hotline.Addresses[0]),
            (cluster.Panel.Services, cluster.Panel.Addresses[0]),
            (cluster.Network.Services, cluster.Network.Addresses[0]),
        })
        {
            served.AddRange(services.GetRequiredService<RpcAccessRulesProvider>().Rules.All.Keys.Order(StringComparer.Ordinal).Select(path => (path, address)));
        }

        var unknown = served.Select(s => s.Path).Where(p => !Expected.ContainsKey(p)).Distinct().ToList();
        var gone = Expected.Keys.Where(p => served.All(s => s.Path != p)).ToList();
        Assert.True(unknown.Count == 0, $"RPCs missing from the table (add them with their rule): {string.Join(", ", unknown)}");
        Assert.True(gone.Count == 0, $"RPCs in the table that no service serves: {string.Join(", ", gone)}");

        var mismatches = new List<string>();
        var calls = 0;
        foreach (var (path, address) in served)
        {
            // Health and reflection are each service's own; the gateway routes only the civic.* packages.
            if (route == Route.ThroughGateway && !path.StartsWith("/civic.", StringComparison.Ordinal))
            {
                continue;
            }

            // No service config: Grpc.Net.Client makes each call once.
            using var channel = GrpcChannel.ForAddress(route == Route.Direct ? address : cluster.GatewayGrpc);
            var client = channel.CreateCallInvoker();
            var expected = Expected[path].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var column = 0; column < Callers.Length; column++)
            {
                var caller = Callers[column];
                var outcome = await CallAsync(client, path, caller is null ? null : cluster.TokenFor(caller));
                calls++;
                if (outcome != expected[column])
                {
                    mismatches.Add($"{path} as {caller ?? "anonymous"}: expected {Describe(expected[column])}, got {Describe(outcome)}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {calls} calls broke the role matrix:\n" + string.Join('\n', mismatches));
        // Every civic.* RPC through either route; each service's health and reflection (4 RPCs) only directly.
        var civicRpcs = Expected.Keys.Count(p => p.StartsWith("/civic.", StringComparison.Ordinal));
        Assert.Equal((route == Route.Direct ? 3 * 4 + civicRpcs : civicRpcs) * Callers.Length, calls);
    }

    /// <summary>A family with two demo navigators, registered by the caller; returns its reference.</summary>
    private static async Task<string> RegisterFamilyAsync(CallInvoker c, CallOptions o)
    {
        var response = await new NavigatorService.NavigatorServiceClient(c).RegisterFamilyAsync(new()
        {
            Reference = $"FAM-{Guid.NewGuid().ToString("N")[..8]}",
            Department = CivicCluster.StaffDepartment,
            PrimaryNavigatorId = CivicCluster.DemoPublicPersonId,
            SecondaryNavigatorId = "0192f0a0-0000-7000-8000-000000000205",
        }, o);
        return response.Family.Reference;
    }

    /// <summary>A report on the demo public profile; returns its id.</summary>
    private static async Task<string> ReportDemoPersonAsync(CallInvoker c, CallOptions o) =>
        (await new ProfileUpkeepService.ProfileUpkeepServiceClient(c).ReportResourcePersonAsync(new()
        {
            PersonId = CivicCluster.DemoPublicPersonId, Reason = "Rolletestens indberetning",
        }, o)).Report.Id;

    /// <summary>A network group created by the caller; returns its id.</summary>
    private static async Task<string> CreateGroupAsync(CallInvoker c, CallOptions o) =>
        (await new NetworkGroupService.NetworkGroupServiceClient(c).CreateGroupAsync(new()
        {
            Name = $"Rolletestens gruppe {Guid.NewGuid().ToString("N")[..8]}", ChallengeArea = "Integration",
        }, o)).Group.Id;

    /// <summary>A request to the coordinators' queue, made by the caller; returns its id.</summary>
    private static async Task<string> CreateHelpRequestAsync(CallInvoker c, CallOptions o)
    {
        var start = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(3);
        var response = await new HelpRequestService.HelpRequestServiceClient(c).CreateHelpRequestAsync(new()
        {
            Need = "Rolletestens behov",
            CompetenceIds = { "facilitering" },
            StartDate = new LocalDate { Year = start.Year, Month = start.Month, Day = start.Day },
            Hours = 1,
        }, o);
        return response.HelpRequest.Id;
    }

    /// <summary>Writes the public demo profile back as the caller reads it; allowed callers (who read it in full) change nothing.</summary>
    /// <summary>Saves the demo person as it is, plus <paramref name="otherCompetence"/> when given; returns its first taxonomy competence.</summary>
    private static async Task<string> UpdateDemoPersonAsync(CallInvoker c, CallOptions o, string? otherCompetence)
    {
        var client = new ResourcePersonService.ResourcePersonServiceClient(c);
        var person = (await client.GetResourcePersonAsync(new() { Id = CivicCluster.DemoPublicPersonId }, o)).ResourcePerson;
        await client.UpdateResourcePersonAsync(new()
        {
            Id = person.Id,
            Profile = new()
            {
                DisplayName = person.DisplayName, Organisation = person.Organisation, Kind = person.Kind, Role = person.Role,
                CompetenceIds = { person.TaxonomyCompetences.Select(t => t.Id) }, Competences = { otherCompetence is null ? person.Competences : person.Competences.Append(otherCompetence) }, ChallengeAreas = { person.ChallengeAreas },
                ServiceCodes = { person.TaxonomyServices.Select(t => t.Code) }, ServicesKnown = { person.ServicesKnown }, Languages = { person.Languages }, CapacityHoursPerMonth = person.CapacityHoursPerMonth,
                Description = person.Description, ManagerId = person.ManagerId, OptedIn = person.OptedIn, Visibility = person.Visibility, PublicFields = { person.PublicFields },
            },
        }, o);
        return person.TaxonomyCompetences[0].Id;
    }

    /// <summary>
    /// Folds a fresh "other" competence, which an administrator first adds to the demo person (a fold uses its text
    /// up), as a synonym of one of the person's competences, so every allowed caller has one to fold.
    /// </summary>
    private static async Task FoldFreshOtherCompetenceAsync(CallInvoker c, CallOptions o)
    {
        var text = $"Rolletest {Guid.NewGuid():N}";
        var competenceId = await UpdateDemoPersonAsync(c, new CallOptions(new Metadata { { "authorization", $"Bearer {_adminToken}" } }, o.Deadline, o.CancellationToken), text);
        await new CompetenceFoldingService.CompetenceFoldingServiceClient(c).FoldOtherCompetenceAsync(new() { Text = text, SynonymOf = competenceId }, o);
    }

    private static string Describe(string outcome) => outcome switch
    {
        "A" => "allowed",
        "U" => "UNAUTHENTICATED",
        "D" => "PERMISSION_DENIED",
        "F" => "FAILED_PRECONDITION",
        "N" => "NOT_FOUND",
        _ => outcome,
    };

    private static async Task<string> CallAsync(CallInvoker client, string path, string? token)
    {
        var headers = new Metadata();
        if (token is not null)
        {
            headers.Add("authorization", $"Bearer {token}");
        }

        var options = new CallOptions(headers, TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(10), TestContext.Current.CancellationToken);
        try
        {
            await Calls[path](client, options);
            return "A";
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied or StatusCode.FailedPrecondition or StatusCode.NotFound)
        {
            return exception.StatusCode switch
            {
                StatusCode.Unauthenticated => "U",
                StatusCode.PermissionDenied => "D",
                StatusCode.NotFound => "N",
                _ => "F",
            };
        }
        catch (RpcException exception)
        {
            return $"unexpected {exception.StatusCode}: {exception.Status.Detail}";
        }
    }

    /// <summary>A valid request for each RPC, so an allowed call succeeds and a refused one is refused for its caller alone.</summary>
    private static readonly Dictionary<string, Func<CallInvoker, CallOptions, Task>> Calls = new(StringComparer.Ordinal)
    {
        ["/civic.hotline.v1.DepartmentService/ListDepartments"] = async (c, o) => await new DepartmentService.DepartmentServiceClient(c).ListDepartmentsAsync(new(), o),
        ["/civic.hotline.v1.DepartmentService/GetDepartment"] = async (c, o) =>
            await new DepartmentService.DepartmentServiceClient(c).GetDepartmentAsync(new() { Id = CivicCluster.DemoDepartmentId }, o),
        ["/civic.hotline.v1.DepartmentService/CreateDepartment"] = async (c, o) => await new DepartmentService.DepartmentServiceClient(c).CreateDepartmentAsync(new()
        {
            Code = $"matrix-{Guid.NewGuid().ToString("N")[..8]}",
            Name = new LocalizedText { Da = "Matrix", En = "Matrix" },
            DirectorName = "Mads Matrix",
        }, o),
        ["/civic.hotline.v1.DepartmentService/RouteTopic"] = async (c, o) =>
            await new DepartmentService.DepartmentServiceClient(c).RouteTopicAsync(new() { Unsure = true }, o),
        ["/civic.hotline.v1.ScheduleService/CreateScheduleRule"] = async (c, o) => await CreateScheduleRuleAsync(c, o),
        ["/civic.hotline.v1.ScheduleService/ListScheduleRules"] = async (c, o) =>
            await new ScheduleService.ScheduleServiceClient(c).ListScheduleRulesAsync(new() { DepartmentId = CivicCluster.DemoDepartmentId }, o),
        ["/civic.hotline.v1.ScheduleService/ListSessions"] = async (c, o) =>
            await new ScheduleService.ScheduleServiceClient(c).ListSessionsAsync(new() { DepartmentId = CivicCluster.DemoDepartmentId }, o),
        ["/civic.hotline.v1.ScheduleService/MaterialiseSessions"] = async (c, o) => await new ScheduleService.ScheduleServiceClient(c).MaterialiseSessionsAsync(new(), o),
        ["/civic.hotline.v1.DevelopmentMailboxService/ListMailbox"] = async (c, o) =>
            await new Contracts.Hotline.V1.DevelopmentMailboxService.DevelopmentMailboxServiceClient(c).ListMailboxAsync(new(), o),
        ["/civic.hotline.v1.BookingService/CreateBooking"] = async (c, o) => await BookAsync(c, o),
        ["/civic.hotline.v1.BookingService/GetBooking"] = async (c, o) =>
        {
            var booked = await BookAsync(c, o);
            await new BookingService.BookingServiceClient(c).GetBookingAsync(new() { Reference = booked.Booking.Reference, ManageToken = booked.ManageToken }, o);
        },
        ["/civic.hotline.v1.BookingService/CancelBooking"] = async (c, o) =>
        {
            var booked = await BookAsync(c, o);
            await new BookingService.BookingServiceClient(c).CancelBookingAsync(new() { Reference = booked.Booking.Reference, ManageToken = booked.ManageToken }, o);
        },
        ["/civic.hotline.v1.BookingService/RescheduleBooking"] = async (c, o) =>
        {
            var booked = await BookAsync(c, o);
            var other = await OpenSlotAsync(c, o, except: booked.Booking.Slot.Id, departmentId: booked.Booking.DepartmentId);
            await new BookingService.BookingServiceClient(c).RescheduleBookingAsync(new()
            {
                Reference = booked.Booking.Reference, ManageToken = booked.ManageToken, SlotId = other,
            }, o);
        },
        ["/civic.hotline.v1.BookingService/HoldSlot"] = async (c, o) => await new BookingService.BookingServiceClient(c).HoldSlotAsync(new() { SlotId = await OpenSlotAsync(c, o) }, o),
        ["/civic.hotline.v1.BookingService/JoinWaitlist"] = async (c, o) => await new BookingService.BookingServiceClient(c).JoinWaitlistAsync(new()
        {
            SessionId = await LastDemoSessionAsync(c, o), Name = "Rolle Testesen", Phone = NewPhone(), TopicKind = TopicKind.Question,
            Description = "Venteliste fra rolletesten.", Consent = true, IdempotencyKey = Guid.NewGuid().ToString("N"),
        }, o),
        ["/civic.hotline.v1.BookingService/RequestSession"] = async (c, o) =>
        {
            var session = (await new ScheduleService.ScheduleServiceClient(c).ListSessionsAsync(new() { DepartmentId = CivicCluster.DemoDepartmentId, MaxSessions = 24 }, o)).Sessions[^1];
            await new BookingService.BookingServiceClient(c).RequestSessionAsync(new()
            {
                SessionId = session.Id, SlotIds = { session.Slots[0].Id }, Name = "Rolle Testesen", Phone = NewPhone(), TopicKind = TopicKind.Question,
                Description = "Anmodning fra rolletesten.", Consent = true, IdempotencyKey = Guid.NewGuid().ToString("N"),
            }, o);
        },
        // On a booking that is booked already, accepting changes nothing and returns it.
        ["/civic.hotline.v1.BookingService/AcceptWaitlistOffer"] = async (c, o) =>
        {
            var booked = await BookAsync(c, o);
            await new BookingService.BookingServiceClient(c).AcceptWaitlistOfferAsync(new() { Reference = booked.Booking.Reference, ManageToken = booked.ManageToken }, o);
        },
        // The demo director's last listed session (months ahead, not open for booking): cancelling it again changes nothing.
        ["/civic.hotline.v1.ScheduleService/CancelSession"] = async (c, o) => await new ScheduleService.ScheduleServiceClient(c).CancelSessionAsync(new()
        {
            SessionId = await LastDemoSessionAsync(c, o), Reason = "Rolletesten aflyser",
        }, o),
        // A rule of its own made by an administrator, so a refused caller is refused for the change alone.
        ["/civic.hotline.v1.ScheduleService/UpdateScheduleRule"] = async (c, o) =>
        {
            var rule = (await CreateScheduleRuleAsync(c, AsAdmin(o))).Rule;
            await new ScheduleService.ScheduleServiceClient(c).UpdateScheduleRuleAsync(new()
            {
                RuleId = rule.Id, Etag = rule.Etag, BookedSessions = BookedSessions.Keep,
                Rule = new()
                {
                    WeekOfMonth = rule.WeekOfMonth, Weekday = rule.Weekday, StartsAt = rule.StartsAt, EndsAt = rule.EndsAt, SlotMinutes = rule.SlotMinutes, ParallelLines = 3,
                    BookingOpensDaysBefore = rule.BookingOpensDaysBefore, BookingOpensAt = rule.BookingOpensAt, BookingClosesHoursBefore = rule.BookingClosesHoursBefore,
                    HolidayPolicy = rule.HolidayPolicy, ValidFrom = rule.ValidFrom,
                },
            }, o);
        },
        ["/civic.hotline.v1.ScheduleService/RetireScheduleRule"] = async (c, o) =>
        {
            var rule = (await CreateScheduleRuleAsync(c, AsAdmin(o))).Rule;
            await new ScheduleService.ScheduleServiceClient(c).RetireScheduleRuleAsync(new() { RuleId = rule.Id, Etag = rule.Etag, BookedSessions = BookedSessions.Keep }, o);
        },
        ["/civic.hotline.v1.ScheduleService/ListScheduleRuleChanges"] = async (c, o) =>
            await new ScheduleService.ScheduleServiceClient(c).ListScheduleRuleChangesAsync(new() { DepartmentId = CivicCluster.DemoDepartmentId }, o),
        ["/civic.hotline.v1.StatisticsService/GetMonthlyStatistics"] = async (c, o) =>
            await new StatisticsService.StatisticsServiceClient(c).GetMonthlyStatisticsAsync(new() { Month = TimeProvider.System.GetUtcNow().ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) }, o),
        ["/civic.hotline.v1.CallService/ListCalls"] = async (c, o) => await TodaysCallsAsync(c, o),
        // The demo director's department has three demo calls today; ListCalls has the same access rule, so the rows hold.
        ["/civic.hotline.v1.CallService/RecordCallOutcome"] = async (c, o) => await new CallService.CallServiceClient(c).RecordCallOutcomeAsync(new()
        {
            Reference = (await TodaysCallsAsync(c, o)).Calls[0].Booking.Reference, Result = CallResult.Answered, Summary = "Rolletestens samtale.",
        }, o),
        ["/civic.hotline.v1.IdeaService/RegisterIdea"] = async (c, o) => await RegisterIdeaAsync(c, o),
        ["/civic.hotline.v1.IdeaService/ChangeIdeaStatus"] = async (c, o) => await new IdeaService.IdeaServiceClient(c).ChangeIdeaStatusAsync(new()
        {
            Id = (await RegisterIdeaAsync(c, o)).Idea.Id, Status = IdeaStatus.UnderConsideration,
        }, o),
        ["/civic.hotline.v1.IdeaService/ListIdeas"] = async (c, o) => await new IdeaService.IdeaServiceClient(c).ListIdeasAsync(new(), o),
        ["/civic.panel.v1.CaseService/CreateCase"] = async (c, o) => await new CaseService.CaseServiceClient(c).CreateCaseAsync(new()
        {
            Title = "Matrixsag",
            Summary = "En pseudonymiseret sag til rolletesten.",
            OwningDepartment = CivicCluster.StaffDepartment,
        }, o),
        ["/civic.panel.v1.CaseService/GetCase"] = async (c, o) => await new CaseService.CaseServiceClient(c).GetCaseAsync(new() { Id = CivicCluster.DemoCaseId }, o),
        ["/civic.panel.v1.CaseService/ListCases"] = async (c, o) => await new CaseService.CaseServiceClient(c).ListCasesAsync(new(), o),
        ["/civic.panel.v1.CaseService/SetScopeOfInfluence"] = async (c, o) => await new CaseService.CaseServiceClient(c).SetScopeOfInfluenceAsync(new()
        {
            Id = CivicCluster.DemoCaseId,
            ScopeOfInfluence = "Panelet former, hvilke fællesskaber der afprøves i bydelen; forvaltningen beslutter budgettet og høres om tidsplanen.",
        }, o),
        // The demo case keeps a complete brief, so the matrix's convening of it still meets the checklist.
        ["/civic.panel.v1.CaseService/UpdateCaseBrief"] = async (c, o) => await new CaseService.CaseServiceClient(c).UpdateCaseBriefAsync(PanelTestCases.CompleteBrief(CivicCluster.DemoCaseId), o),
        // A case of its own per call, so every allowed caller can make the same first step. The caller opens it:
        // CreateCase, SetScopeOfInfluence and UpdateCaseBrief have the same access rule as ChangePhase, so the row still holds.
        ["/civic.panel.v1.CaseService/ChangePhase"] = async (c, o) => await new CaseService.CaseServiceClient(c).ChangePhaseAsync(new()
        {
            Id = await PanelTestCases.ReadyAsync(c, "Fasesag", o),
            Phase = CasePhase.Planning,
            Reason = "Formål og indflydelsesrum er aftalt.",
        }, o),
        // Each allowed caller (a different employee per role) takes the demo case over from the one before.
        ["/civic.panel.v1.CaseService/TakeOverCase"] = async (c, o) => await new CaseService.CaseServiceClient(c).TakeOverCaseAsync(new()
        {
            Id = CivicCluster.DemoCaseId,
            Reason = "Rolletest: overtager sagen.",
        }, o),
        ["/civic.panel.v1.CaseService/ListPhaseTransitions"] = async (c, o) => await new CaseService.CaseServiceClient(c).ListPhaseTransitionsAsync(new() { Id = CivicCluster.DemoCaseId }, o),
        ["/civic.panel.v1.ConveningService/Convene"] = async (c, o) => await new ConveningService.ConveningServiceClient(c).ConveneAsync(new() { CaseId = CivicCluster.DemoCaseId, PanelSize = 5 }, o),
        ["/civic.panel.v1.ConveningService/GetDraw"] = async (c, o) => await new ConveningService.ConveningServiceClient(c).GetDrawAsync(new() { Id = CivicCluster.DemoDrawId }, o),
        ["/civic.panel.v1.ConveningService/ListDraws"] = async (c, o) => await new ConveningService.ConveningServiceClient(c).ListDrawsAsync(new() { CaseId = CivicCluster.DemoCaseId }, o),
        ["/civic.panel.v1.ConveningService/VerifyDraw"] = async (c, o) => await new ConveningService.ConveningServiceClient(c).VerifyDrawAsync(new() { Id = CivicCluster.DemoDrawId }, o),
        ["/civic.panel.v1.PoolService/GetSignUpForm"] = async (c, o) => await new PoolService.PoolServiceClient(c).GetSignUpFormAsync(new(), o),
        ["/civic.panel.v1.PoolService/SignUp"] = async (c, o) => await new PoolService.PoolServiceClient(c).SignUpAsync(NewSignUp(), o),
        ["/civic.panel.v1.PoolService/ConfirmSignUp"] = async (c, o) => await PanelMemberAsync(c, o),
        ["/civic.panel.v1.PoolService/RegisterAssisted"] = async (c, o) =>
        {
            var request = new RegisterAssistedRequest { Name = "Rolle Assisteret", Phone = "40404040", Consent = NewSignUp().Consent };
            request.Features.Add(NewSignUp().Features);
            await new PoolService.PoolServiceClient(c).RegisterAssistedAsync(request, o);
        },
        ["/civic.panel.v1.PoolService/GetMember"] = async (c, o) => await new PoolService.PoolServiceClient(c).GetMemberAsync(new() { Id = CivicCluster.DemoPoolMemberId, Reason = "Rolletest" }, o),
        ["/civic.panel.v1.PoolService/ListMembers"] = async (c, o) => await new PoolService.PoolServiceClient(c).ListMembersAsync(new() { Page = new() { PageSize = 5 }, Reason = "Rolletest" }, o),
        ["/civic.panel.v1.MembershipService/GetMyMembership"] = async (c, o) =>
            await new MembershipService.MembershipServiceClient(c).GetMyMembershipAsync(new() { Credentials = await PanelMemberAsync(c, o) }, o),
        ["/civic.panel.v1.MembershipService/ExportMyData"] = async (c, o) =>
            await new MembershipService.MembershipServiceClient(c).ExportMyDataAsync(new() { Credentials = await PanelMemberAsync(c, o) }, o),
        ["/civic.panel.v1.MembershipService/WithdrawMembership"] = async (c, o) =>
            await new MembershipService.MembershipServiceClient(c).WithdrawMembershipAsync(new() { Credentials = await PanelMemberAsync(c, o), Confirm = true }, o),
        ["/civic.panel.v1.MembershipService/RenewConsent"] = async (c, o) =>
            await new MembershipService.MembershipServiceClient(c).RenewConsentAsync(new() { Credentials = await PanelMemberAsync(c, o), Consent = NewSignUp().Consent }, o),
        ["/civic.panel.v1.AuditService/ListAuditEntries"] = async (c, o) => await new AuditService.AuditServiceClient(c).ListAuditEntriesAsync(new(), o),
        ["/civic.panel.v1.FairnessService/GetFairnessReport"] = async (c, o) => await new FairnessService.FairnessServiceClient(c).GetFairnessReportAsync(new(), o),
        ["/civic.panel.v1.InvitationService/SendInvitations"] = async (c, o) =>
        {
            var caseId = await PanelTestCases.ReadyAsync(c, "Fasesag", o);
            var draw = await new ConveningService.ConveningServiceClient(c).ConveneAsync(new() { CaseId = caseId, PanelSize = 5 }, o);
            await new InvitationService.InvitationServiceClient(c).SendInvitationsAsync(new()
            {
                DrawId = draw.Draw.Id, ResponseDeadline = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(TimeProvider.System.GetUtcNow().AddDays(7)),
            }, o);
        },
        ["/civic.panel.v1.InvitationService/ListInvitations"] = async (c, o) =>
            await new InvitationService.InvitationServiceClient(c).ListInvitationsAsync(new() { CaseId = CivicCluster.DemoCaseId }, o),
        ["/civic.panel.v1.PanelMemberService/GetMemberView"] = async (c, o) =>
        {
            var (id, token) = PanelInvitationLinks.NextPending();
            await new PanelMemberService.PanelMemberServiceClient(c).GetMemberViewAsync(new() { InvitationId = id, Token = token }, o);
        },
        ["/civic.panel.v1.PanelMemberService/RespondToInvitation"] = async (c, o) =>
        {
            var (id, token) = PanelInvitationLinks.NextPending();
            await new PanelMemberService.PanelMemberServiceClient(c).RespondToInvitationAsync(new() { InvitationId = id, Token = token, Accept = true }, o);
        },
        ["/civic.panel.v1.PanelMemberService/AddContribution"] = async (c, o) =>
            await new PanelMemberService.PanelMemberServiceClient(c).AddContributionAsync(new()
            {
                InvitationId = PanelInvitationLinks.Joined.Id, Token = PanelInvitationLinks.Joined.Token, SessionId = PanelInvitationLinks.Joined.SessionId, Text = "Rolletestens bidrag.",
            }, o),
        ["/civic.panel.v1.PanelMemberService/CommentOnSynthesis"] = async (c, o) =>
            await new PanelMemberService.PanelMemberServiceClient(c).CommentOnSynthesisAsync(new()
            {
                InvitationId = PanelInvitationLinks.Joined.Id, Token = PanelInvitationLinks.Joined.Token, Text = "Rolletestens kommentar.",
            }, o),
        ["/civic.panel.v1.SessionService/SchedulePanelSession"] = async (c, o) => await new SessionService.SessionServiceClient(c).SchedulePanelSessionAsync(new()
        {
            CaseId = CivicCluster.DemoCaseId, StartsAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(TimeProvider.System.GetUtcNow().AddDays(20)),
            PlaceType = PlaceType.NeutralPlace, Place = "Biblioteket", Agenda = "Rolletestens møde.",
        }, o),
        ["/civic.panel.v1.SessionService/ListPanelSessions"] = async (c, o) =>
            await new SessionService.SessionServiceClient(c).ListPanelSessionsAsync(new() { CaseId = CivicCluster.DemoCaseId }, o),
        // The demo case has sessions and accepted members; ListSessions and ListInvitations let directors read, so their refusal is RecordContribution's.
        ["/civic.panel.v1.SessionService/RecordContribution"] = async (c, o) =>
        {
            var session = (await new SessionService.SessionServiceClient(c).ListPanelSessionsAsync(new() { CaseId = CivicCluster.DemoCaseId }, o)).Sessions[0];
            var member = (await new InvitationService.InvitationServiceClient(c).ListInvitationsAsync(new() { CaseId = CivicCluster.DemoCaseId }, o))
                .Invitations.First(i => i.Status == InvitationStatus.Accepted).MemberId;
            await new SessionService.SessionServiceClient(c).RecordContributionAsync(new() { SessionId = session.Id, MemberId = member, Text = "Rolletestens bidrag." }, o);
        },
        ["/civic.panel.v1.SynthesisService/SaveSynthesisDraft"] = async (c, o) =>
            await new SynthesisService.SynthesisServiceClient(c).SaveSynthesisDraftAsync(new() { CaseId = await PanelTestCases.ReadyAsync(c, "Fasesag", o), Text = "Udkast." }, o),
        ["/civic.panel.v1.SynthesisService/OpenSynthesisReview"] = async (c, o) => await SynthesisInReviewAsync(c, o),
        ["/civic.panel.v1.SynthesisService/FinaliseSynthesis"] = async (c, o) =>
            await new SynthesisService.SynthesisServiceClient(c).FinaliseSynthesisAsync(new() { CaseId = await SynthesisInReviewAsync(c, o), ReviewResponse = "Skrevet ind." }, o),
        ["/civic.panel.v1.SynthesisService/GetSynthesis"] = async (c, o) =>
            await new SynthesisService.SynthesisServiceClient(c).GetSynthesisAsync(new() { CaseId = CivicCluster.DemoCaseId }, o),
        ["/civic.panel.v1.FeedbackService/GiveFeedback"] = async (c, o) =>
        {
            var (caseId, memberId) = PanelInvitationLinks.NextFeedbackTarget();
            await new FeedbackService.FeedbackServiceClient(c).GiveFeedbackAsync(new() { CaseId = caseId, MemberId = memberId, Text = "Tak for jeres input." }, o);
        },
        ["/civic.panel.v1.FeedbackService/ListFeedback"] = async (c, o) =>
            await new FeedbackService.FeedbackServiceClient(c).ListFeedbackAsync(new() { CaseId = CivicCluster.DemoCaseId }, o),
        ["/civic.panel.v1.EvaluationService/RecordEvaluation"] = async (c, o) =>
        {
            var caseId = await PanelTestCases.ReadyAsync(c, "Fasesag", o);
            foreach (var phase in new[] { CasePhase.Planning, CasePhase.Execution, CasePhase.Realisation })
            {
                await new CaseService.CaseServiceClient(c).ChangePhaseAsync(new() { Id = caseId, Phase = phase, Reason = "Rolletest." }, o);
            }

            await new EvaluationService.EvaluationServiceClient(c).RecordEvaluationAsync(new()
            {
                CaseId = caseId, GoalFulfilment = GoalFulfilment.Met, GoalAssessment = "Nået.", Involvement = "Fra start.", Process = "Godt.", Learning = "Meget.",
            }, o);
        },
        ["/civic.panel.v1.EvaluationService/GetEvaluation"] = async (c, o) =>
            await new EvaluationService.EvaluationServiceClient(c).GetEvaluationAsync(new() { CaseId = CivicCluster.DemoCaseId }, o),
        ["/civic.panel.v1.PanelMemberService/AcceptConfidentiality"] = async (c, o) =>
        {
            var (id, token) = PanelInvitationLinks.NextAccepted();
            await new PanelMemberService.PanelMemberServiceClient(c).AcceptConfidentialityAsync(
                new() { InvitationId = id, Token = token, TermsVersion = Civic.Panel.Invitations.ConfidentialityTermsText.Version }, o);
        },
        ["/civic.panel.v1.DevelopmentMailboxService/ListMailbox"] = async (c, o) =>
            await new Contracts.Panel.V1.DevelopmentMailboxService.DevelopmentMailboxServiceClient(c).ListMailboxAsync(new(), o),
        ["/civic.panel.v1.FeatureSchemaService/GetFeatureSchema"] = async (c, o) => await new FeatureSchemaService.FeatureSchemaServiceClient(c).GetFeatureSchemaAsync(new(), o),
        ["/civic.panel.v1.FeatureSchemaService/AddFeatureCategory"] = async (c, o) => await new FeatureSchemaService.FeatureSchemaServiceClient(c).AddFeatureCategoryAsync(new()
        {
            Change = await FeatureSchemaPreviewAsync(c, o), Key = "rolletest", Label = "Rolletest", LabelEn = "Role test",
            Values = { new NewFeatureValue { Key = "a", Label = "A", LabelEn = "A" }, new NewFeatureValue { Key = "b", Label = "B", LabelEn = "B" } },
        }, o),
        ["/civic.panel.v1.FeatureSchemaService/AddFeatureValue"] = async (c, o) => await new FeatureSchemaService.FeatureSchemaServiceClient(c).AddFeatureValueAsync(new()
        {
            Change = await FeatureSchemaPreviewAsync(c, o), Category = "district", Value = new() { Key = "rolletest", Label = "Rolletest", LabelEn = "Role test" },
        }, o),
        ["/civic.panel.v1.FeatureSchemaService/UpdateFeatureCategory"] = async (c, o) => await new FeatureSchemaService.FeatureSchemaServiceClient(c).UpdateFeatureCategoryAsync(new()
        {
            Change = await FeatureSchemaPreviewAsync(c, o), Category = "district", Label = "Bydelen", LabelEn = "District",
        }, o),
        ["/civic.panel.v1.FeatureSchemaService/UpdateFeatureValue"] = async (c, o) => await new FeatureSchemaService.FeatureSchemaServiceClient(c).UpdateFeatureValueAsync(new()
        {
            Change = await FeatureSchemaPreviewAsync(c, o), Category = "district", Value = "nord", Label = "Nordbyen", LabelEn = "North",
        }, o),
        ["/civic.panel.v1.FeatureSchemaService/ReorderFeatures"] = async (c, o) => await new FeatureSchemaService.FeatureSchemaServiceClient(c).ReorderFeaturesAsync(new()
        {
            Change = await FeatureSchemaPreviewAsync(c, o), Category = "district", Keys = { "midtby", "nord", "oest", "syd", "vest" },
        }, o),
        ["/civic.panel.v1.FeatureSchemaService/RetireFeature"] = async (c, o) => await new FeatureSchemaService.FeatureSchemaServiceClient(c).RetireFeatureAsync(new()
        {
            Change = await FeatureSchemaPreviewAsync(c, o), Category = "district", Value = "oest",
        }, o),
        ["/civic.network.v1.ResourcePersonService/CreateResourcePerson"] = async (c, o) => await new ResourcePersonService.ResourcePersonServiceClient(c).CreateResourcePersonAsync(new()
        {
            DisplayName = "Rikke Rolle",
            Organisation = CivicCluster.StaffDepartment,
            Competences = { "facilitering" },
            CapacityHoursPerMonth = 4,
        }, o),
        ["/civic.network.v1.ResourcePersonService/GetResourcePerson"] = async (c, o) =>
            await new ResourcePersonService.ResourcePersonServiceClient(c).GetResourcePersonAsync(new() { Id = CivicCluster.DemoPublicPersonId }, o),
        ["/civic.network.v1.ResourcePersonService/SearchResourcePersons"] = async (c, o) =>
            await new ResourcePersonService.ResourcePersonServiceClient(c).SearchResourcePersonsAsync(new() { Query = "facilitering" }, o),
        ["/civic.network.v1.ResourcePersonService/UpdateResourcePerson"] = async (c, o) => await UpdateDemoPersonAsync(c, o, otherCompetence: null),
        ["/civic.network.v1.TaxonomyService/GetTaxonomy"] = async (c, o) => await new TaxonomyService.TaxonomyServiceClient(c).GetTaxonomyAsync(new(), o),
        ["/civic.network.v1.HelpRequestService/CreateHelpRequest"] = async (c, o) => await CreateHelpRequestAsync(c, o),
        ["/civic.network.v1.NavigatorService/RegisterFamily"] = async (c, o) => await RegisterFamilyAsync(c, o),
        ["/civic.network.v1.NavigatorService/GetFamily"] = async (c, o) =>
            await new NavigatorService.NavigatorServiceClient(c).GetFamilyAsync(new() { Reference = await RegisterFamilyAsync(c, o) }, o),
        ["/civic.network.v1.NavigatorService/HandOverFamily"] = async (c, o) => await new NavigatorService.NavigatorServiceClient(c).HandOverFamilyAsync(new()
        {
            Reference = await RegisterFamilyAsync(c, o), Role = NavigatorRole.Secondary, NewNavigatorId = CivicCluster.DemoInternalPersonId,
        }, o),
        ["/civic.network.v1.NavigatorService/ListUnattendedFamilies"] = async (c, o) =>
            await new NavigatorService.NavigatorServiceClient(c).ListUnattendedFamiliesAsync(new(), o),
        ["/civic.network.v1.NetworkGroupService/CreateGroup"] = async (c, o) => await CreateGroupAsync(c, o),
        ["/civic.network.v1.NetworkGroupService/ListGroups"] = async (c, o) =>
            await new NetworkGroupService.NetworkGroupServiceClient(c).ListGroupsAsync(new() { ChallengeArea = "Ensomhed" }, o),
        ["/civic.network.v1.NetworkGroupService/GetGroup"] = async (c, o) =>
            await new NetworkGroupService.NetworkGroupServiceClient(c).GetGroupAsync(new() { Id = CivicCluster.DemoNetworkGroupId }, o),
        ["/civic.network.v1.NetworkGroupService/AddMember"] = async (c, o) => await new NetworkGroupService.NetworkGroupServiceClient(c).AddMemberAsync(new()
        {
            GroupId = await CreateGroupAsync(c, o), ResourcePersonId = CivicCluster.DemoPublicPersonId,
        }, o),
        ["/civic.network.v1.NetworkGroupService/PostNotice"] = async (c, o) => await new NetworkGroupService.NetworkGroupServiceClient(c).PostNoticeAsync(new()
        {
            GroupId = CivicCluster.DemoNetworkGroupId, Text = "Rolletestens opslag",
        }, o),
        ["/civic.network.v1.NetworkGroupService/ScheduleMeeting"] = async (c, o) => await new NetworkGroupService.NetworkGroupServiceClient(c).ScheduleMeetingAsync(new()
        {
            GroupId = CivicCluster.DemoNetworkGroupId, Title = "Rolletestens møde", Place = "Rådhuset, mødelokale 2",
            StartsAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(TimeProvider.System.GetUtcNow().AddDays(30)),
            EndsAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(TimeProvider.System.GetUtcNow().AddDays(30).AddHours(1)),
        }, o),
        ["/civic.network.v1.NetworkGroupService/GetMeetingCalendar"] = async (c, o) => await new NetworkGroupService.NetworkGroupServiceClient(c).GetMeetingCalendarAsync(new()
        {
            GroupId = CivicCluster.DemoNetworkGroupId, MeetingId = CivicCluster.DemoNetworkMeetingId,
        }, o),
        ["/civic.network.v1.CompetenceFoldingService/ListOtherCompetences"] = async (c, o) =>
            await new CompetenceFoldingService.CompetenceFoldingServiceClient(c).ListOtherCompetencesAsync(new(), o),
        ["/civic.network.v1.CompetenceFoldingService/FoldOtherCompetence"] = FoldFreshOtherCompetenceAsync,
        ["/civic.network.v1.DevelopmentMailboxService/ListMailbox"] = async (c, o) =>
            await new Contracts.Network.V1.DevelopmentMailboxService.DevelopmentMailboxServiceClient(c).ListMailboxAsync(new(), o),
        ["/civic.network.v1.ProfileUpkeepService/ConfirmResourcePerson"] = async (c, o) =>
            await new ProfileUpkeepService.ProfileUpkeepServiceClient(c).ConfirmResourcePersonAsync(new() { Id = CivicCluster.DemoPublicPersonId }, o),
        ["/civic.network.v1.ProfileUpkeepService/ReportResourcePerson"] = async (c, o) => await ReportDemoPersonAsync(c, o),
        ["/civic.network.v1.ProfileUpkeepService/ListProfileReports"] = async (c, o) =>
            await new ProfileUpkeepService.ProfileUpkeepServiceClient(c).ListProfileReportsAsync(new(), o),
        // A fresh report per call (anyone may report), so every allowed caller resolves an open one.
        ["/civic.network.v1.ProfileUpkeepService/ResolveProfileReport"] = async (c, o) =>
            await new ProfileUpkeepService.ProfileUpkeepServiceClient(c).ResolveProfileReportAsync(new() { Id = await ReportDemoPersonAsync(c, new CallOptions(cancellationToken: o.CancellationToken)), Resolution = "Rettet." }, o),
        ["/civic.network.v1.ToolboxService/ListArticles"] = async (c, o) => await new ToolboxService.ToolboxServiceClient(c).ListArticlesAsync(new() { Query = "borgermøde" }, o),
        ["/civic.network.v1.ToolboxService/GetArticle"] = async (c, o) =>
            await new ToolboxService.ToolboxServiceClient(c).GetArticleAsync(new() { Slug = CivicCluster.DemoPublicArticleSlug }, o),
        ["/civic.network.v1.ToolboxService/CreateArticle"] = async (c, o) => await new ToolboxService.ToolboxServiceClient(c).CreateArticleAsync(new()
        {
            Title = $"Rolletestens artikel {Guid.NewGuid().ToString("N")[..8]}",
            BodyMarkdown = "Tekst.",
            Audiences = { Audience.Internal },
        }, o),
        ["/civic.network.v1.HelpRequestService/GetHelpRequest"] = async (c, o) =>
            await new HelpRequestService.HelpRequestServiceClient(c).GetHelpRequestAsync(new() { Id = await CreateHelpRequestAsync(c, o) }, o),
        ["/civic.network.v1.HelpRequestService/ListHelpRequests"] = async (c, o) =>
            await new HelpRequestService.HelpRequestServiceClient(c).ListHelpRequestsAsync(new() { View = HelpRequestView.RequestedByMe }, o),
        ["/civic.network.v1.HelpRequestService/SuggestResourcePersons"] = async (c, o) =>
            await new HelpRequestService.HelpRequestServiceClient(c).SuggestResourcePersonsAsync(new() { Id = await CreateHelpRequestAsync(c, o) }, o),
        ["/civic.network.v1.HelpRequestService/AssignHelpRequest"] = async (c, o) =>
            await new HelpRequestService.HelpRequestServiceClient(c).AssignHelpRequestAsync(new() { Id = await CreateHelpRequestAsync(c, o), PersonId = CivicCluster.DemoPublicPersonId }, o),
        ["/civic.network.v1.HelpRequestService/RespondToHelpRequest"] = async (c, o) =>
            await new HelpRequestService.HelpRequestServiceClient(c).RespondToHelpRequestAsync(new() { Id = CivicCluster.DemoHelpRequestId, Response = HelpResponse.Accept }, o),
        ["/civic.network.v1.HelpRequestService/ApproveHelpRequest"] = async (c, o) =>
            await new HelpRequestService.HelpRequestServiceClient(c).ApproveHelpRequestAsync(new() { Id = CivicCluster.DemoHelpRequestId, Hours = 6 }, o),
        ["/civic.network.v1.HelpRequestService/CompleteHelpRequest"] = async (c, o) =>
            await new HelpRequestService.HelpRequestServiceClient(c).CompleteHelpRequestAsync(new() { Id = CivicCluster.DemoHelpRequestId, Rating = 5 }, o),
        ["/grpc.health.v1.Health/Check"] = async (c, o) => await new Health.HealthClient(c).CheckAsync(new(), o),
        ["/grpc.health.v1.Health/Watch"] = WatchAsync,
        ["/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"] = async (c, o) =>
        {
            using var call = new Grpc.Reflection.V1.ServerReflection.ServerReflectionClient(c).ServerReflectionInfo(o);
            await call.RequestStream.WriteAsync(new() { ListServices = "*" }, o.CancellationToken);
            await call.RequestStream.CompleteAsync();
            Assert.True(await call.ResponseStream.MoveNext(o.CancellationToken));
        },
        ["/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"] = async (c, o) =>
        {
            using var call = new Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(c).ServerReflectionInfo(o);
            await call.RequestStream.WriteAsync(new() { ListServices = "*" }, o.CancellationToken);
            await call.RequestStream.CompleteAsync();
            Assert.True(await call.ResponseStream.MoveNext(o.CancellationToken));
        },
    };

    /// <summary><paramref name="o"/> with an administrator's token instead of the caller's.</summary>
    /// <summary>A validate-only change on the schema's current etag (read as an administrator).</summary>
    private static async Task<FeatureSchemaChange> FeatureSchemaPreviewAsync(CallInvoker c, CallOptions o) => new()
    {
        Etag = (await new FeatureSchemaService.FeatureSchemaServiceClient(c).GetFeatureSchemaAsync(new(), AsAdmin(o))).Schema.Etag, Reason = "Rolletest", ValidateOnly = true,
    };

    private static CallOptions AsAdmin(CallOptions o) => new(new Metadata { { "authorization", $"Bearer {_adminToken}" } }, o.Deadline, o.CancellationToken);

    /// <summary>A rule for a department of its own (rules of one department must not overlap), created by the caller.</summary>
    private static async Task<CreateScheduleRuleResponse> CreateScheduleRuleAsync(CallInvoker c, CallOptions o)
    {
        var department = await new DepartmentService.DepartmentServiceClient(c).CreateDepartmentAsync(new()
        {
            Code = $"regel-{Guid.NewGuid().ToString("N")[..8]}",
            Name = new LocalizedText { Da = "Regelforvaltning", En = "Rule department" },
            DirectorName = "Rita Regel",
        }, o);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        return await new ScheduleService.ScheduleServiceClient(c).CreateScheduleRuleAsync(new()
        {
            DepartmentId = department.Department.Id, WeekOfMonth = 1, Weekday = Weekday.Tuesday,
            StartsAt = new() { Hour = 16 }, EndsAt = new() { Hour = 18 }, SlotMinutes = 10, ParallelLines = 2,
            BookingOpensDaysBefore = 14, BookingOpensAt = new() { Hour = 8 }, BookingClosesHoursBefore = 2,
            HolidayPolicy = HolidayPolicy.NextWorkingDay, ValidFrom = new() { Year = today.Year, Month = today.Month, Day = 1 },
        }, o);
    }

    /// <summary>A free (neither booked nor held) seat in a demo department's session that is open for booking now; in <paramref name="departmentId"/> when given.</summary>
    private static async Task<string> OpenSlotAsync(CallInvoker c, CallOptions o, string? except = null, string? departmentId = null)
    {
        var now = TimeProvider.System.GetUtcNow();
        var departments = await new DepartmentService.DepartmentServiceClient(c).ListDepartmentsAsync(new() { Page = new() { PageSize = 50 } }, o);
        foreach (var department in departments.Departments.Where(d => departmentId is null || d.Id == departmentId))
        {
            var sessions = await new ScheduleService.ScheduleServiceClient(c).ListSessionsAsync(new() { DepartmentId = department.Id }, o);
            var slot = sessions.Sessions
                .Where(s => !s.Cancelled && s.BookingOpensAt.ToDateTimeOffset() <= now && s.BookingClosesAt.ToDateTimeOffset() > now.AddMinutes(5))
                // A lottery session (a demo department has one) is booked directly only after its draw.
                .Where(s => s.RequestWindowClosesAt is null || s.DrawnAt is not null)
                .SelectMany(s => s.Slots)
                .FirstOrDefault(slot => slot.Booked + slot.Held < slot.Capacity && slot.Id != except);
            if (slot is not null)
            {
                return slot.Id;
            }
        }

        throw new InvalidOperationException("No demo session is open for booking now; the role matrix needs one.");
    }

    private static async Task<string> LastDemoSessionAsync(CallInvoker c, CallOptions o) =>
        (await new ScheduleService.ScheduleServiceClient(c).ListSessionsAsync(new() { DepartmentId = CivicCluster.DemoDepartmentId, MaxSessions = 24 }, o)).Sessions[^1].Id;

    /// <summary>A booking by a citizen with a phone number of their own (the per-phone limits stay out of the way).</summary>
    private static async Task<CreateBookingResponse> BookAsync(CallInvoker c, CallOptions o) =>
        await new BookingService.BookingServiceClient(c).CreateBookingAsync(new()
        {
            SlotId = await OpenSlotAsync(c, o),
            Name = "Rolle Testesen",
            Phone = NewPhone(),
            TopicKind = TopicKind.Question,
            Description = "Et spørgsmål fra rolletesten.",
            Consent = true,
            IdempotencyKey = Guid.NewGuid().ToString("N"),
        }, o);

    /// <summary>A random Danish number libphonenumber accepts (not every range is allocated).</summary>
    private static string NewPhone()
    {
        while (true)
        {
            var phone = $"+452{Random.Shared.Next(0, 10_000_000):0000000}";
            if (Civic.Hotline.Bookings.PhoneNumberNormaliser.Normalise(phone) == phone)
            {
                return phone;
            }
        }
    }

    private static async Task<ListCallsResponse> TodaysCallsAsync(CallInvoker c, CallOptions o) =>
        await new CallService.CallServiceClient(c).ListCallsAsync(new() { DepartmentId = CivicCluster.DemoDepartmentId }, o);

    private static async Task<RegisterIdeaResponse> RegisterIdeaAsync(CallInvoker c, CallOptions o) =>
        await new IdeaService.IdeaServiceClient(c).RegisterIdeaAsync(new()
        {
            BookingReference = (await TodaysCallsAsync(c, o)).Calls[0].Booking.Reference,
            Title = "Rolletestens idé",
            Description = "En idé fra et demoopkald.",
        }, o);

    /// <summary>The Panel's link signer, for the confirmation tokens the tests read instead of the e-mail (set by the test).</summary>
    private static Civic.Panel.Pool.MemberLinkTokens? _memberLinks;
    private static string? _adminToken;

    private static SignUpRequest NewSignUp()
    {
        var request = new SignUpRequest
        {
            Name = "Rolle Frivillig", Email = $"rolle.{Guid.NewGuid():N}@example.dk",
            Consent = new ConsentGiven { Accepted = true, TextVersion = Civic.Panel.Pool.ConsentText.CurrentVersion },
        };
        request.Features.Add(new Dictionary<string, string> { ["age_band"] = "30-44", ["district"] = "nord", ["household_type"] = "par", ["lived_experience"] = "ingen" });
        return request;
    }

    /// <summary>A volunteer who signed up and opened the confirmation link, as the caller; returns the member link.</summary>
    private static async Task<MemberCredentials> PanelMemberAsync(CallInvoker c, CallOptions o)
    {
        var pool = new PoolService.PoolServiceClient(c);
        var signedUp = await pool.SignUpAsync(NewSignUp(), o);
        var token = _memberLinks!.TokenFor(signedUp.MemberId, Civic.Panel.Pool.MemberLinkPurpose.Confirm, signedUp.ConfirmBy.ToDateTimeOffset());
        var confirmed = await pool.ConfirmSignUpAsync(new() { MemberId = signedUp.MemberId, Token = token }, o);
        return new MemberCredentials { MemberId = confirmed.MemberId, Token = confirmed.MemberToken };
    }

    /// <summary>A new case of the caller's with a synthesis draft opened for review; returns the case id.</summary>
    private static async Task<string> SynthesisInReviewAsync(CallInvoker c, CallOptions o)
    {
        var caseId = await PanelTestCases.ReadyAsync(c, "Fasesag", o);
        var syntheses = new SynthesisService.SynthesisServiceClient(c);
        await syntheses.SaveSynthesisDraftAsync(new() { CaseId = caseId, Text = "Udkast." }, o);
        await syntheses.OpenSynthesisReviewAsync(new() { CaseId = caseId, NoteToMembers = "Læs det." }, o);
        return caseId;
    }

    private static async Task WatchAsync(CallInvoker client, CallOptions options)
    {
        using var call = new Health.HealthClient(client).Watch(new HealthCheckRequest(), options);
        Assert.True(await call.ResponseStream.MoveNext(options.CancellationToken));
    }
}
