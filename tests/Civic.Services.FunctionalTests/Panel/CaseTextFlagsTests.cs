using Civic.Panel.Cases;

namespace Civic.Services.FunctionalTests.Panel;

/// <summary>Which case texts are flagged for contact details, without a server.</summary>
public sealed class CaseTextFlagsTests
{
    [Theory]
    [InlineData("Skriv til far@example.dk", "EmailAddress")]
    [InlineData("Ring på 40123456", "PhoneNumber")]
    [InlineData("Ring på +45 40 12 34 56", "PhoneNumber")]
    [InlineData("Tlf. 4012 3456 efter kl. 16", "PhoneNumber")]
    [InlineData("Mødet er 2026-12-01 kl. 16-18 i 2 timer", "")]
    [InlineData("Budgettet er 1.500.000 kr. for 2027", "")]
    [InlineData("Familien bor i Vest og har to børn", "")]
    public void Of_Summary_FlagsEmailAddressesAndPhoneNumbersOnly(string summary, string expected)
    {
        var flags = CaseTextFlags.Of(new Case { Id = "c", Title = "Titel", Summary = summary, OwningDepartment = "boern-og-unge" });

        Assert.Equal(expected, string.Join(",", flags.Select(f => f.Kind.ToString())));
        Assert.All(flags, f => Assert.Equal("summary", f.Field));
    }
}
