using System.Globalization;
using System.Text;
using Civic.Contracts.Hotline.V1;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Hotline;

/// <summary>The directors' group's monthly numbers per department, as a table and as CSV (Danish headers, semicolons for Danish Excel).</summary>
[RoleAreaPage(RoleAreaId.CallList)]
public sealed class StatisticsModel(PageServiceCalls calls, StatisticsService.StatisticsServiceClient statistics, TimeProvider timeProvider) : PageModel
{
    public static readonly string[] CsvHeaders =
    [
        "Forvaltning", "Måned", "Udbudte tider", "Bookede", "Gennemførte opkald", "Udeblevne", "Spørgsmål", "Idéer", "Klager", "Andet",
        "Idéer modtaget", "Idéer under overvejelse", "Idéer planlagt", "Idéer gennemført", "Idéer afvist", "Aflyste telefontider",
    ];

    [BindProperty(SupportsGet = true, Name = "maaned")]
    public string? Month { get; set; }

    /// <summary>Null when the Hotline service could not be reached or the month was not understood.</summary>
    public GetMonthlyStatisticsResponse? Statistics { get; private set; }

    public string ShownMonth => string.IsNullOrWhiteSpace(Month)
        ? TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen")).ToString("yyyy-MM", CultureInfo.InvariantCulture)
        : Month.Trim();

    public async Task OnGetAsync() => Statistics = await LoadAsync();

    /// <summary>The same numbers as text/csv.</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        var response = await LoadAsync();
        if (response is null)
        {
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var csv = new StringBuilder().AppendJoin(';', CsvHeaders).Append("\r\n");
        foreach (var d in response.Departments)
        {
            csv.AppendJoin(';', new object[]
            {
                Quote(d.DepartmentName), response.Month, d.SlotsOffered, d.Booked, d.CallsHeld, d.NoShows, d.TopicQuestions, d.TopicIdeas, d.TopicComplaints, d.TopicOther,
                d.IdeasReceived, d.IdeasUnderConsideration, d.IdeasPlanned, d.IdeasImplemented, d.IdeasDeclined, d.SessionsCancelled,
            }.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))).Append("\r\n");
        }

        // A byte-order mark, so spreadsheet programs read æ, ø and å as UTF-8.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"direktoerlinjen-{response.Month}.csv");
    }

    private async Task<GetMonthlyStatisticsResponse?> LoadAsync()
    {
        var request = new GetMonthlyStatisticsRequest { Month = ShownMonth };
        return await calls.CallAsync(HttpContext, nameof(statistics.GetMonthlyStatistics), options => statistics.GetMonthlyStatisticsAsync(request, options));
    }

    // Names are the municipality's own, but a ';' or '"' in one must not shift the columns.
    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
