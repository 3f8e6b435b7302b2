using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Grpc;
using Civic.Hosting.Paging;
using Civic.Network.ResourcePersons;
using Grpc.Core;

namespace Civic.Network.Requests;

/// <summary>
/// civic.network.v1.HelpRequestService: the municipality's people ask, answer and approve; who may
/// do what to a given request (its requester, the person, their manager, coordinators) is the desk's rule. A partner
/// from civil society sees and answers the requests sent to their profile.
/// </summary>
[AllowRoles(CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
public sealed class HelpRequestGrpcService(HelpRequestDesk desk) : HelpRequestService.HelpRequestServiceBase
{
    private const int DefaultSuggestions = 10;
    private const int MaxSuggestions = 50;

    public override async Task<CreateHelpRequestResponse> CreateHelpRequest(CreateHelpRequestRequest request, ServerCallContext context) =>
        new() { HelpRequest = HelpRequestMapping.ToMessage(await desk.CreateAsync(HelpRequestMapping.ToNewHelpRequest(request), NetworkCaller.From(context.User), context.CancellationToken)) };

    [AllowRoles(CivicRoles.Partner, CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<GetHelpRequestResponse> GetHelpRequest(GetHelpRequestRequest request, ServerCallContext context) =>
        new() { HelpRequest = HelpRequestMapping.ToMessage(await desk.GetAsync(request.Id, NetworkCaller.From(context.User), context.CancellationToken)) };

    [AllowRoles(CivicRoles.Partner, CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<ListHelpRequestsResponse> ListHelpRequests(ListHelpRequestsRequest request, ServerCallContext context)
    {
        var view = HelpRequestMapping.ToView(request.View);
        var page = PageRequests.Read(request.Page, $"network.requests:{view}");
        var result = await desk.ListAsync(view, NetworkCaller.From(context.User), page, context.CancellationToken);
        var response = new ListHelpRequestsResponse { Page = result.Info };
        response.HelpRequests.AddRange(result.Items.Select(HelpRequestMapping.ToMessage));
        return response;
    }

    public override async Task<SuggestResourcePersonsResponse> SuggestResourcePersons(SuggestResourcePersonsRequest request, ServerCallContext context)
    {
        var limit = request.Limit <= 0 ? DefaultSuggestions : Math.Min(request.Limit, MaxSuggestions);
        var hits = await desk.SuggestAsync(request.Id, limit, NetworkCaller.From(context.User), context.CancellationToken);
        return new() { ResourcePersons = { hits.Select(h => ResourcePersonMapping.ToMessage(h.Person, h.AvailableHours)) } };
    }

    public override async Task<AssignHelpRequestResponse> AssignHelpRequest(AssignHelpRequestRequest request, ServerCallContext context) =>
        new() { HelpRequest = HelpRequestMapping.ToMessage(await desk.AssignAsync(request.Id, request.PersonId, NetworkCaller.From(context.User), context.CancellationToken)) };

    [AllowRoles(CivicRoles.Partner, CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<RespondToHelpRequestResponse> RespondToHelpRequest(RespondToHelpRequestRequest request, ServerCallContext context) =>
        new() { HelpRequest = HelpRequestMapping.ToMessage(await desk.RespondAsync(request.Id, HelpRequestMapping.ToResponse(request.Response), NetworkCaller.From(context.User), context.CancellationToken)) };

    public override async Task<ApproveHelpRequestResponse> ApproveHelpRequest(ApproveHelpRequestRequest request, ServerCallContext context) =>
        new() { HelpRequest = HelpRequestMapping.ToMessage(await desk.ApproveAsync(request.Id, request.Hours, NetworkCaller.From(context.User), context.CancellationToken)) };

    public override async Task<CompleteHelpRequestResponse> CompleteHelpRequest(CompleteHelpRequestRequest request, ServerCallContext context) =>
        new() { HelpRequest = HelpRequestMapping.ToMessage(await desk.CompleteAsync(request.Id, request.Rating, request.Feedback, NetworkCaller.From(context.User), context.CancellationToken)) };
}
