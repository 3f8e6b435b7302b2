using Civic.Hosting.Errors;
using Civic.Hotline.Departments;

namespace Civic.Services.FunctionalTests.Domain;

public sealed class DepartmentRulesTests
{
    [Theory]
    [InlineData("boern-og-unge")]
    [InlineData("by2")]
    [InlineData("a")]
    public void Validate_GoodCode_Accepted(string code)
    {
        Assert.Equal(code, DepartmentRules.Validate(Department(code)).Code);
    }

    [Theory]
    [InlineData("Børn og Unge")]
    [InlineData("børn-og-unge")]
    [InlineData("-boern")]
    [InlineData("boern--unge")]
    [InlineData("BOERN")]
    public void Validate_BadCode_RefusedOnTheCodeField(string code)
    {
        var exception = Assert.Throws<ValidationException>(() => DepartmentRules.Validate(Department(code)));

        Assert.Equal("code", Assert.Single(exception.Violations).Field);
    }

    [Theory]
    [InlineData("kontakt")]
    [InlineData("kontakt@kommunedk")]
    [InlineData("Kultur <kultur@kommune.dk>")]
    public void Validate_BadContactEmail_RefusedOnItsField(string email)
    {
        var exception = Assert.Throws<ValidationException>(() => DepartmentRules.Validate(Department("kultur") with { ContactEmail = email }));

        Assert.Equal("contact_email", Assert.Single(exception.Violations).Field);
    }

    [Fact]
    public void Validate_Topics_TrimmedWithoutBlanksOrDuplicates()
    {
        var valid = DepartmentRules.Validate(Department("kultur") with { Topics = [" Skole", "skole", "", "idræt "] });

        Assert.Equal(["Skole", "idræt"], valid.Topics);
    }

    [Fact]
    public void Validate_TopicTooLong_FieldPathHasItsIndex()
    {
        var exception = Assert.Throws<ValidationException>(() =>
            DepartmentRules.Validate(Department("kultur") with { Topics = ["ok", new string('x', DepartmentRules.MaxTopicLength + 1)] }));

        Assert.Equal("topics[1]", Assert.Single(exception.Violations).Field);
    }

    private static NewDepartment Department(string code) => new(code, "Kultur", "Culture", "Karen Bech", []);
}
