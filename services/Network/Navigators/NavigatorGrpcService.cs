using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Errors;
using Civic.Hosting.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using FamilyMessage = Civic.Contracts.Network.V1.Family;
using NavigatorRoleMessage = Civic.Contracts.Network.V1.NavigatorRole;

namespace Civic.Network.Navigators;

/// <summary>civic.network.v1.NavigatorService: for the municipality's people; the queue of unattended families for coordinators.</summary>
public sealed class NavigatorGrpcService(FamilyRegistry families) : NavigatorService.NavigatorServiceBase
{
    [AllowRoles(CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<RegisterFamilyResponse> RegisterFamily(RegisterFamilyRequest request, ServerCallContext context) =>
        new() { Family = ToMessage(await families.RegisterAsync(request.Reference, request.Department, request.PrimaryNavigatorId, request.SecondaryNavigatorId, context.CancellationToken)) };

    [AllowRoles(CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<GetFamilyResponse> GetFamily(GetFamilyRequest request, ServerCallContext context) =>
        new() { Family = ToMessage(await families.GetAsync(request.Reference, context.CancellationToken)) };

    [AllowRoles(CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<HandOverFamilyResponse> HandOverFamily(HandOverFamilyRequest request, ServerCallContext context)
    {
        var role = request.Role switch
        {
            NavigatorRoleMessage.Primary => NavigatorRole.Primary,
            NavigatorRoleMessage.Secondary => NavigatorRole.Secondary,
            _ => throw new ValidationException("role", "The role must be NAVIGATOR_ROLE_PRIMARY or NAVIGATOR_ROLE_SECONDARY.", "Rollen skal være NAVIGATOR_ROLE_PRIMARY eller NAVIGATOR_ROLE_SECONDARY."),
        };
        return new() { Family = ToMessage(await families.HandOverAsync(request.Reference, role, request.NewNavigatorId, context.CancellationToken)) };
    }

    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Admin)]
    public override async Task<ListUnattendedFamiliesResponse> ListUnattendedFamilies(ListUnattendedFamiliesRequest request, ServerCallContext context) =>
        new() { Families = { (await families.UnattendedAsync(context.CancellationToken)).Select(ToMessage) } };

    private static FamilyMessage ToMessage(FamilyView view) => new()
    {
        Reference = view.Family.Reference,
        Department = view.Family.Department,
        PrimaryNavigatorId = view.Family.PrimaryNavigatorId ?? string.Empty,
        PrimaryNavigatorName = view.PrimaryName,
        SecondaryNavigatorId = view.Family.SecondaryNavigatorId ?? string.Empty,
        SecondaryNavigatorName = view.SecondaryName,
        FlaggedAt = view.Family.FlaggedAt is { } flagged ? Timestamp.FromDateTimeOffset(flagged) : null,
        CreatedAt = Timestamp.FromDateTimeOffset(view.Family.CreatedAt),
    };
}
