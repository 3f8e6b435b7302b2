using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Grpc;
using Grpc.Core;

namespace Civic.Panel.Schema;

/// <summary>civic.panel.v1.FeatureSchemaService: administrators define the feature schema; coordinators read it.</summary>
public sealed class FeatureSchemaGrpcService(FeatureSchemaEditor editor) : FeatureSchemaService.FeatureSchemaServiceBase
{
    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Admin)]
    public override async Task<GetFeatureSchemaResponse> GetFeatureSchema(GetFeatureSchemaRequest request, ServerCallContext context) =>
        new() { Schema = FeatureSchemaMapping.ToMessage(await editor.ReadAsync(context.CancellationToken)) };

    [AllowRoles(CivicRoles.Admin)]
    public override async Task<AddFeatureCategoryResponse> AddFeatureCategory(AddFeatureCategoryRequest request, ServerCallContext context)
    {
        var outcome = await editor.AddCategoryAsync(FeatureSchemaMapping.ToChange(request.Change), request.Key, request.Label, request.LabelEn, request.LivedExperience,
            request.Values.Select(FeatureSchemaMapping.ToSpec).ToList(), context.CancellationToken);
        return new() { Schema = FeatureSchemaMapping.ToMessage(outcome.State), Applied = outcome.Applied };
    }

    [AllowRoles(CivicRoles.Admin)]
    public override async Task<AddFeatureValueResponse> AddFeatureValue(AddFeatureValueRequest request, ServerCallContext context)
    {
        var outcome = await editor.AddValueAsync(FeatureSchemaMapping.ToChange(request.Change), request.Category, FeatureSchemaMapping.ToSpec(request.Value), context.CancellationToken);
        return new() { Schema = FeatureSchemaMapping.ToMessage(outcome.State), Applied = outcome.Applied };
    }

    [AllowRoles(CivicRoles.Admin)]
    public override async Task<UpdateFeatureCategoryResponse> UpdateFeatureCategory(UpdateFeatureCategoryRequest request, ServerCallContext context)
    {
        var outcome = await editor.UpdateCategoryAsync(
            FeatureSchemaMapping.ToChange(request.Change), request.Category, request.Label, request.LabelEn, request.LivedExperience, context.CancellationToken);
        return new() { Schema = FeatureSchemaMapping.ToMessage(outcome.State), Applied = outcome.Applied };
    }

    [AllowRoles(CivicRoles.Admin)]
    public override async Task<UpdateFeatureValueResponse> UpdateFeatureValue(UpdateFeatureValueRequest request, ServerCallContext context)
    {
        var outcome = await editor.UpdateValueAsync(
            FeatureSchemaMapping.ToChange(request.Change), request.Category, request.Value, request.Label, request.LabelEn, context.CancellationToken);
        return new() { Schema = FeatureSchemaMapping.ToMessage(outcome.State), Applied = outcome.Applied };
    }

    [AllowRoles(CivicRoles.Admin)]
    public override async Task<ReorderFeaturesResponse> ReorderFeatures(ReorderFeaturesRequest request, ServerCallContext context)
    {
        var outcome = await editor.ReorderAsync(FeatureSchemaMapping.ToChange(request.Change), request.Category, request.Keys.ToList(), context.CancellationToken);
        return new() { Schema = FeatureSchemaMapping.ToMessage(outcome.State), Applied = outcome.Applied };
    }

    [AllowRoles(CivicRoles.Admin)]
    public override async Task<RetireFeatureResponse> RetireFeature(RetireFeatureRequest request, ServerCallContext context)
    {
        var (outcome, usage) = await editor.RetireAsync(FeatureSchemaMapping.ToChange(request.Change), request.Category, request.Value, context.CancellationToken);
        return new()
        {
            Schema = FeatureSchemaMapping.ToMessage(outcome.State), Applied = outcome.Applied,
            Usage = new FeatureUsage { MembersHolding = usage.MembersHolding, DrawsReferring = usage.DrawsReferring },
        };
    }
}
