using Microsoft.AspNetCore.Authorization;
using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Grpc;
using Civic.Panel.Schema;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Civic.Panel.Pool;

/// <summary>civic.panel.v1.PoolService: sign-up (anonymous, the link's token is the key) and staff's assisted sign-up.</summary>
public sealed class PoolGrpcService(SignUpDesk desk, MemberDirectory directory, FeatureSchemaEditor schema, IOptions<PoolOptions> options) : PoolService.PoolServiceBase
{
    [AllowAnonymous]
    public override async Task<GetSignUpFormResponse> GetSignUpForm(GetSignUpFormRequest request, ServerCallContext context)
    {
        var response = new GetSignUpFormResponse
        {
            ConsentTextVersion = ConsentText.CurrentVersion,
            ConsentText = ConsentText.Current,
            ConsentScope = ConsentText.Scope,
            ConsentMonths = options.Value.ConsentMonths,
        };
        var defined = await schema.LoadAsync(context.CancellationToken);
        foreach (var category in defined.OfferedValues.GroupBy(v => v.Category, StringComparer.Ordinal))
        {
            var owner = defined.Category(category.Key);
            var message = new FeatureCategory { Category = category.Key, Label = owner.Label, LabelEn = owner.LabelEn };
            message.Values.AddRange(category.Select(v => new FeatureValue { Value = v.Value, Label = v.Label, LabelEn = v.LabelEn }));
            response.Categories.Add(message);
        }

        return response;
    }

    [AllowAnonymous]
    public override async Task<SignUpResponse> SignUp(SignUpRequest request, ServerCallContext context)
    {
        var receipt = await desk.SignUpAsync(PoolMapping.ToDetails(request), context.CancellationToken);
        // Always "pending": whether the address is in the pool already is told only to its owner, by e-mail.
        return new() { MemberId = receipt.MemberId, Status = MemberStatus.Pending, ConfirmBy = Timestamp.FromDateTimeOffset(receipt.ConfirmBy) };
    }

    [AllowAnonymous]
    public override async Task<ConfirmSignUpResponse> ConfirmSignUp(ConfirmSignUpRequest request, ServerCallContext context)
    {
        var confirmed = await desk.ConfirmAsync(request.MemberId, request.Token, context.CancellationToken);
        return new() { MemberId = confirmed.Member.Id, Status = PoolMapping.ToMessage(confirmed.Member.Status), MemberToken = confirmed.MemberToken };
    }

    [AllowRoles(CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Admin)]
    public override async Task<RegisterAssistedResponse> RegisterAssisted(RegisterAssistedRequest request, ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        var employee = $"{user.FindFirst(CivicClaims.Name)?.Value ?? "?"} ({user.FindFirst(CivicClaims.Subject)?.Value ?? "?"})";
        var registered = await desk.RegisterAssistedAsync(PoolMapping.ToDetails(request), employee, context.CancellationToken);
        return new() { Member = PoolMapping.ToMessage(registered.Member, await schema.LoadAsync(context.CancellationToken)), MemberToken = registered.MemberToken };
    }

    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Admin)]
    public override async Task<GetMemberResponse> GetMember(GetMemberRequest request, ServerCallContext context)
    {
        var member = await desk.GetForStaffAsync(request.Id, request.Reason, context.CancellationToken);
        return new() { Member = PoolMapping.ToMessage(member, await schema.LoadAsync(context.CancellationToken)) };
    }

    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Admin)]
    public override async Task<ListMembersResponse> ListMembers(ListMembersRequest request, ServerCallContext context)
    {
        var page = await directory.ListAsync(
            new MemberListQuery(request.Page?.PageSize ?? 0, request.Page?.PageToken ?? string.Empty, request.Reason, PoolMapping.ToStatusFilter(request.Status), request.Features, request.Text),
            context.CancellationToken);
        var response = new ListMembersResponse { Page = page.Info };
        var defined = await schema.LoadAsync(context.CancellationToken);
        response.Members.AddRange(page.Items.Select(member => PoolMapping.ToMessage(member, defined)));
        return response;
    }
}
