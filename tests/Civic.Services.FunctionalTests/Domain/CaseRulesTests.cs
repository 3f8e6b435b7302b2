using Civic.Hosting.Errors;
using Civic.Panel.Cases;

namespace Civic.Services.FunctionalTests.Domain;

public sealed class CaseRulesTests
{
    [Fact]
    public void Validate_PseudonymisedCase_AcceptedAndTrimmed()
    {
        var valid = CaseRules.Validate(new NewCase(" Ensomhed ", "Moren og sønnen ønsker hjælp. ", "boern-og-unge", CoCreationType.Unspecified));

        Assert.Equal("Ensomhed", valid.Title);
        Assert.Equal("Moren og sønnen ønsker hjælp.", valid.Summary);
    }

    [Fact]
    public void Validate_CprInSummary_PersonalDataReason()
    {
        var exception = Assert.Throws<ValidationException>(() =>
            CaseRules.Validate(new NewCase("Ensomhed", "Sønnen, 120304-5678, mistrives.", "boern-og-unge", CoCreationType.Equal)));

        Assert.Equal(ValidationReason.PersonalDataInText, exception.Reason);
        Assert.Equal("summary", Assert.Single(exception.Violations).Field);
        Assert.Contains("CPR-nummer", exception.Violations[0].DanishDescription, StringComparison.Ordinal);
    }
}
