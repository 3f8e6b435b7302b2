using System.Globalization;
using Civic.Contracts.Network.V1;
using Civic.Gateway.Network;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Civic.Gateway.Ui.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Network;

/// <summary>
/// Administrators see the "other" competences profiles name in their own words (with how many) and fold
/// one into the taxonomy, as a synonym of a competence or as a new one. One plain form.
/// </summary>
[RoleAreaPage(RoleAreaId.Administration)]
public sealed class CompetenceFoldingModel(
    PageServiceCalls calls,
    NetworkFormCalls formCalls,
    CompetenceFoldingService.CompetenceFoldingServiceClient folding,
    TaxonomyService.TaxonomyServiceClient taxonomy) : PageModel
{
    public const string TextId = "fold-text";
    public const string SynonymOfId = "synonym-of";
    public const string NewNameId = "new-name";

    /// <summary>How many of the most used texts the page lists.</summary>
    public const int Shown = 100;

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? SynonymOf { get; set; }

    [BindProperty]
    public string? NewName { get; set; }

    [TempData]
    public string? Folded { get; set; }

    public FormErrors Errors { get; } = new();

    /// <summary>The "other" competences in use, most used first; null when the service could not be reached.</summary>
    public IReadOnlyList<OtherCompetence>? Others { get; private set; }

    public IReadOnlyList<Competence> Competences { get; private set; } = [];

    public TextField NewNameField => new(NewNameId, nameof(NewName), CompetenceFoldingText.NewNameLabel.Current, CompetenceFoldingText.NewNameHint.Current, NewName, Errors.For(NewNameId));

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var request = new FoldOtherCompetenceRequest { Text = Text ?? string.Empty };
        if (!string.IsNullOrWhiteSpace(SynonymOf))
        {
            request.SynonymOf = SynonymOf;
        }
        else if (!string.IsNullOrWhiteSpace(NewName))
        {
            request.NewCompetenceName = NewName;
        }

        var result = await formCalls.CallAsync(HttpContext, nameof(folding.FoldOtherCompetence), options => folding.FoldOtherCompetenceAsync(request, options), ProfileText.Unavailable);
        if (result.Response is { } folded)
        {
            Folded = CompetenceFoldingText.Done.Format(request.Text, folded.Competence.Name, folded.MovedProfiles);
            return RedirectToPage();
        }

        foreach (var (field, message) in result.Violations)
        {
            Errors.Add(field switch { "synonym_of" or "target" => SynonymOfId, "new_competence_name" => NewNameId, _ => TextId }, message);
        }

        if (result.Violations.Count == 0)
        {
            Errors.Add(result.Error == ProfileText.Unavailable.Current || !string.IsNullOrWhiteSpace(SynonymOf) ? TextId : NewNameId, result.Error ?? ProfileText.Unavailable.Current);
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var others = await calls.CallAsync(HttpContext, nameof(folding.ListOtherCompetences), options => folding.ListOtherCompetencesAsync(new(), options));
        Others = others?.OtherCompetences.Take(Shown).ToList();
        var vocabulary = await calls.CallAsync(HttpContext, nameof(taxonomy.GetTaxonomy), options => taxonomy.GetTaxonomyAsync(new(), options));
        Competences = vocabulary?.Competences.OrderBy(c => c.Name, StringComparer.Create(CultureInfo.GetCultureInfo("da-DK"), true)).ToList() ?? [];
    }
}
