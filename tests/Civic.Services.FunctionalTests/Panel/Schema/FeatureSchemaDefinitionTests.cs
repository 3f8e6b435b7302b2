using Civic.Hosting.Errors;
using Civic.Panel.Pool;
using Civic.Panel.Schema;

namespace Civic.Services.FunctionalTests.Panel.Schema;

/// <summary>The feature schema's rules, without a server: what sign-up offers, what retiring keeps, and what is refused.</summary>
public sealed class FeatureSchemaDefinitionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static FeatureSchemaDefinition Demo()
    {
        var schema = new FeatureSchemaDefinition([], []);
        foreach (var (category, label, labelEn, livedExperience, values) in DemoPool.Schema)
        {
            schema.AddCategory(category, label, labelEn, livedExperience, values.Select(v => new NewFeatureValueSpec(v.Value, v.Label, v.LabelEn)).ToList());
        }

        return schema;
    }

    [Fact]
    public void Demo_CategoriesAndValuesInTheGivenOrder_LivedExperienceMarked()
    {
        var schema = Demo();

        Assert.Equal(["age_band", "district", "household_type", "lived_experience"], schema.Categories.Select(c => c.Category));
        Assert.Equal(["nord", "syd", "oest", "vest", "midtby"], schema.ValuesOf("district").Select(v => v.Value));
        Assert.Equal("lived_experience", schema.LivedExperienceCategory);
        Assert.Equal(schema.AllValues, schema.OfferedValues);
    }

    [Fact]
    public void Retire_Value_NotOfferedButStillInAllValues()
    {
        var schema = Demo();

        schema.Retire("district", "oest", Now);

        Assert.DoesNotContain(schema.OfferedValues, v => v is { Category: "district", Value: "oest" });
        Assert.Contains(schema.AllValues, v => v is { Category: "district", Value: "oest", RetiredAt: not null });
    }

    [Fact]
    public void Retire_Category_NoneOfItsValuesOffered()
    {
        var schema = Demo();

        schema.Retire("household_type", string.Empty, Now);

        Assert.DoesNotContain(schema.OfferedValues, v => v.Category == "household_type");
        Assert.Equal(4, schema.AllValues.Count(v => v.Category == "household_type"));
    }

    [Fact]
    public void Retire_LastOfferedValue_FailedPreconditionNothingChanged()
    {
        var schema = new FeatureSchemaDefinition([], []);
        schema.AddCategory("pet", "Kæledyr", "Pet", false, [new("hund", "Hund", "Dog"), new("kat", "Kat", "Cat")]);
        schema.Retire("pet", "hund", Now);

        Assert.Throws<FailedPreconditionException>(() => schema.Retire("pet", "kat", Now));
        Assert.Throws<FailedPreconditionException>(() => schema.Retire("pet", "hund", Now));
        Assert.Null(schema.Value("pet", "kat").RetiredAt);
    }

    [Fact]
    public void UpdateValue_Rename_KeyKeptLabelsChanged()
    {
        var schema = Demo();

        schema.UpdateValue("age_band", "75+", "75 år eller ældre", "75 or older");

        Assert.Equal(("75+", "75 år eller ældre", "75 or older"), (schema.Value("age_band", "75+").Value, schema.Value("age_band", "75+").Label, schema.Value("age_band", "75+").LabelEn));
    }

    [Fact]
    public void UpdateValue_LabelOfAnotherValue_InvalidArgumentNothingChanged()
    {
        var schema = Demo();

        var exception = Assert.Throws<ValidationException>(() => schema.UpdateValue("district", "nord", "Syd", "South-ish"));

        Assert.Equal(["label"], exception.Violations.Select(v => v.Field));
        Assert.Equal("Nord", schema.Value("district", "nord").Label);
    }

    [Fact]
    public void AddValue_TooMany_InvalidArgument()
    {
        var schema = new FeatureSchemaDefinition([], []);
        schema.AddCategory("many", "Mange", "Many", false, Enumerable.Range(1, FeatureSchemaDefinition.MaxValuesPerCategory).Select(i => new NewFeatureValueSpec($"v{i}", $"V {i}", $"V {i}")).ToList());

        var exception = Assert.Throws<ValidationException>(() => schema.AddValue("many", new("extra", "Ekstra", "Extra")));

        Assert.Equal(["value.key"], exception.Violations.Select(v => v.Field));
        Assert.Equal(FeatureSchemaDefinition.MaxValuesPerCategory, schema.ValuesOf("many").Count);
    }

    [Fact]
    public void AddCategory_DuplicateValueKeysOrLabels_EachNamed()
    {
        var schema = Demo();

        var exception = Assert.Throws<ValidationException>(() => schema.AddCategory("pet", "Kæledyr", "Pet", false,
            [new("hund", "Hund", "Dog"), new("hund", "Kat", "Cat"), new("fisk", "hund", "Fish")]));

        Assert.Equal(["values[1].key", "values[2].label"], exception.Violations.Select(v => v.Field));
        Assert.DoesNotContain(schema.Categories, c => c.Category == "pet");
    }

    [Fact]
    public void AddValue_RetiredCategoryOrUnknownCategory_FailedPreconditionOrNotFound()
    {
        var schema = Demo();
        schema.Retire("district", string.Empty, Now);

        Assert.Throws<FailedPreconditionException>(() => schema.AddValue("district", new("havn", "Havnen", "Harbour")));
        Assert.Throws<NotFoundException>(() => schema.AddValue("income", new("hoej", "Høj", "High")));
    }

    [Fact]
    public void Reorder_Values_NewPositions()
    {
        var schema = Demo();

        schema.Reorder("district", ["midtby", "nord", "oest", "syd", "vest"]);

        Assert.Equal(["midtby", "nord", "oest", "syd", "vest"], schema.ValuesOf("district").Select(v => v.Value));
        Assert.Throws<ValidationException>(() => schema.Reorder("district", ["midtby", "nord"]));
    }
}
