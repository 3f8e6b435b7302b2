using Civic.Hosting.Errors;
using Civic.Network.ResourcePersons;
using Civic.Network.Taxonomy;

namespace Civic.Network.Requests;

/// <summary>What a valid request looks like. Plain C#, so it is tested without a server or a database.</summary>
public static class HelpRequestRules
{
    public const int MaxNeedLength = 2000;
    public const int MaxCompetences = 10;
    public const int MaxFeedbackLength = 2000;

    /// <summary>How far ahead a request may start or end: planning beyond a year is not a request yet.</summary>
    public const int MaxDaysAhead = 366;

    /// <summary>Checks every field against <paramref name="today"/> and throws one <see cref="ValidationException"/> naming each wrong one.</summary>
    public static NewHelpRequest Validate(NewHelpRequest request, DateOnly today)
    {
        var violations = new FieldViolations()
            .Required("need", request.Need, "what the help is for", "hvad hjælpen skal bruges til")
            .MaxLength("need", request.Need.Trim(), MaxNeedLength, "the need", "behovet");
        if (request.CompetenceIds.Count > MaxCompetences)
        {
            violations.Add("competence_ids", $"Ask for at most {MaxCompetences} competences.", $"Spørg efter højst {MaxCompetences} kompetencer.");
        }

        for (var i = 0; i < request.CompetenceIds.Count && i < MaxCompetences; i++)
        {
            if (CompetenceTaxonomy.Find(request.CompetenceIds[i]) is null)
            {
                violations.Add($"competence_ids[{i}]",
                    $"'{request.CompetenceIds[i]}' is not a competence of the taxonomy. Take ids from GetTaxonomy.",
                    $"'{request.CompetenceIds[i]}' er ikke en kompetence i taksonomien. Brug id'er fra GetTaxonomy.");
            }
        }

        if (request.StartDate < today)
        {
            violations.Add("start_date", $"The start date {request.StartDate:yyyy-MM-dd} has passed; choose today ({today:yyyy-MM-dd}) or later.",
                $"Startdatoen {request.StartDate:dd-MM-yyyy} er overskredet; vælg i dag ({today:dd-MM-yyyy}) eller senere.");
        }
        else if (request.StartDate > today.AddDays(MaxDaysAhead))
        {
            violations.Add("start_date", "The start date may be at most a year ahead.", "Startdatoen må højst ligge et år ude i fremtiden.");
        }

        if (request.EndDate < request.StartDate)
        {
            violations.Add("end_date", "The end date must be on or after the start date.", "Slutdatoen skal være samme dag som startdatoen eller senere.");
        }
        else if (request.EndDate > request.StartDate.AddDays(MaxDaysAhead))
        {
            violations.Add("end_date", "A request may last at most a year.", "En anmodning må højst vare et år.");
        }

        if (request.Hours is < 1 or > ResourcePersonRules.MaxCapacityHoursPerMonth)
        {
            violations.Add("hours", $"The hours must be between 1 and {ResourcePersonRules.MaxCapacityHoursPerMonth} (a month's capacity at most).",
                $"Timerne skal være mellem 1 og {ResourcePersonRules.MaxCapacityHoursPerMonth} (højst en måneds kapacitet).");
        }

        violations.ThrowIfAny();
        return request with
        {
            Need = request.Need.Trim(),
            CompetenceIds = request.CompetenceIds.Distinct(StringComparer.Ordinal).ToList(),
            PersonId = string.IsNullOrWhiteSpace(request.PersonId) ? null : request.PersonId.Trim(),
        };
    }

    /// <exception cref="ValidationException">The rating is not 1–5 or the feedback is too long.</exception>
    public static void ValidateCompletion(int rating, string feedback)
    {
        var violations = new FieldViolations().MaxLength("feedback", feedback.Trim(), MaxFeedbackLength, "the feedback", "tilbagemeldingen");
        if (rating is < 1 or > 5)
        {
            violations.Add("rating", "The rating must be from 1 (poor) to 5 (excellent).", "Vurderingen skal være fra 1 (dårlig) til 5 (fremragende).");
        }

        violations.ThrowIfAny();
    }
}
