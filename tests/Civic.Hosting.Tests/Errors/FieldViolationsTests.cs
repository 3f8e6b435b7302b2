using Civic.Hosting.Errors;

namespace Civic.Hosting.Tests.Errors;

public sealed class FieldViolationsTests
{
    [Fact]
    public void ThrowIfAny_SeveralWrongFields_OneExceptionNamingEach()
    {
        var violations = new FieldViolations()
            .Required("title", " ", "the title", "titlen")
            .MaxLength("summary", new string('x', 11), 10, "the summary", "resuméet")
            .Required("owner", "present", "the owner", "ejeren");

        var exception = Assert.Throws<ValidationException>(violations.ThrowIfAny);

        Assert.Equal(["title", "summary"], exception.Violations.Select(v => v.Field));
        Assert.Equal("The title is required.", exception.Violations[0].Description);
        Assert.Equal("Titlen skal udfyldes.", exception.Violations[0].DanishDescription);
        Assert.Contains("at most 10 characters", exception.Violations[1].Description, StringComparison.Ordinal);
        Assert.Equal(ValidationReason.InvalidField, exception.Reason);
        Assert.Contains("title: The title is required.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowIfAny_NoViolations_DoesNotThrow()
    {
        var violations = new FieldViolations().Required("title", "A title", "the title", "titlen");

        violations.ThrowIfAny();

        Assert.True(violations.IsEmpty);
    }
}
