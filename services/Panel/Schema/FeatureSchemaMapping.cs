using Civic.Contracts.Panel.V1;

namespace Civic.Panel.Schema;

/// <summary>Between the feature schema's domain types and civic.panel.v1 messages.</summary>
public static class FeatureSchemaMapping
{
    public static Contracts.Panel.V1.FeatureSchema ToMessage(FeatureSchemaState state)
    {
        var message = new Contracts.Panel.V1.FeatureSchema { Etag = state.Etag };
        foreach (var category in state.Schema.Categories)
        {
            var item = new SchemaCategory
            {
                Key = category.Category, Label = category.Label, LabelEn = category.LabelEn,
                LivedExperience = category.LivedExperience, Retired = category.RetiredAt is not null,
            };
            item.Values.AddRange(state.Schema.ValuesOf(category.Category).Select(v => new SchemaValue
            {
                Key = v.Value, Label = v.Label, LabelEn = v.LabelEn, Retired = v.RetiredAt is not null,
                MemberCount = state.Holders.GetValueOrDefault((v.Category, v.Value)),
            }));
            message.Categories.Add(item);
        }

        return message;
    }

    public static FeatureSchemaChangeRequest ToChange(FeatureSchemaChange? change) =>
        new(change?.Etag ?? string.Empty, change?.Reason ?? string.Empty, change?.ValidateOnly ?? false);

    public static NewFeatureValueSpec ToSpec(NewFeatureValue? value) =>
        new(value?.Key ?? string.Empty, value?.Label ?? string.Empty, value?.LabelEn ?? string.Empty);
}
