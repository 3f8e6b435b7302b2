using Civic.Contracts.Panel.V1;
using Civic.Gateway.Pages.Hotline;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Civic.Gateway.Ui.Localization;
using Civic.Gateway.Ui.Navigation;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Panel;

/// <summary>
/// Administrators define the Panel's feature schema: add a category or a value, rename, move up, retire (with a
/// preview of how many members hold it). Plain forms, no script; every change carries the etag the page was shown
/// with, so a change made meanwhile by someone else is refused rather than overwritten.
/// </summary>
[RoleAreaPage(RoleAreaId.Administration)]
public sealed class FeatureSchemaModel(PageServiceCalls calls, FeatureSchemaService.FeatureSchemaServiceClient schemas, TimeProvider timeProvider) : PageModel
{
    public const string Path = "/administration/borgerpanelet/egenskaber";
    public const string GeneralId = "schema-error";

    /// <summary>The form's field ids by the RPC's field names, so a field violation lands on its field.</summary>
    private static readonly IReadOnlyDictionary<string, string> FieldIds = BuildFieldIds();

    [BindProperty(SupportsGet = true, Name = "kategori")]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true, Name = "vaerdi")]
    public string? Value { get; set; }

    /// <summary>Which form is open: "ny-vaerdi", "omdoeb" or "udgaa"; none shows the schema only.</summary>
    [BindProperty(SupportsGet = true, Name = "handling")]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true, Name = "besked")]
    public string? Notice { get; set; }

    [BindProperty]
    public string? Etag { get; set; }

    [BindProperty]
    public string? Key { get; set; }

    [BindProperty]
    public string? Label { get; set; }

    [BindProperty]
    public string? LabelEn { get; set; }

    [BindProperty]
    public bool LivedExperience { get; set; }

    [BindProperty]
    public string? ValueLines { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public FormErrors Errors { get; } = new();

    /// <summary>The schema; null when the Panel service could not be reached.</summary>
    public FeatureSchema? Schema { get; private set; }

    /// <summary>The category the open form is about.</summary>
    public SchemaCategory? SelectedCategory { get; private set; }

    /// <summary>The value the open form is about; null for a category.</summary>
    public SchemaValue? SelectedValue { get; private set; }

    /// <summary>Who relies on what is being retired (the preview); null outside retiring.</summary>
    public FeatureUsage? Usage { get; private set; }

    /// <summary>The selected value's or category's name as shown.</summary>
    public string SelectedName => SelectedValue is { } value ? Shown(value.Label, value.LabelEn) : SelectedCategory is { } category ? Shown(category.Label, category.LabelEn) : string.Empty;

    public static string Shown(string label, string labelEn) => new LocalText(label, labelEn.Length > 0 ? labelEn : label).Current;

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (Action == "omdoeb")
        {
            Label = SelectedValue?.Label ?? SelectedCategory?.Label;
            LabelEn = SelectedValue?.LabelEn ?? SelectedCategory?.LabelEn;
            LivedExperience = SelectedCategory?.LivedExperience ?? false;
        }
        else if (Action == "udgaa" && Schema is not null && SelectedCategory is not null)
        {
            var preview = await TryAsync(options => schemas.RetireFeatureAsync(Retirement(validateOnly: true), options).ResponseAsync);
            Usage = preview?.Usage;
        }
    }

    public Task<IActionResult> OnPostAddValueAsync() => SendAsync(options => schemas.AddFeatureValueAsync(new AddFeatureValueRequest
    {
        Change = Change(), Category = Category ?? string.Empty,
        Value = new NewFeatureValue { Key = Key ?? string.Empty, Label = Label ?? string.Empty, LabelEn = LabelEn ?? string.Empty },
    }, options).ResponseAsync);

    public Task<IActionResult> OnPostRenameAsync() => string.IsNullOrEmpty(Value)
        ? SendAsync(options => schemas.UpdateFeatureCategoryAsync(new UpdateFeatureCategoryRequest
        {
            Change = Change(), Category = Category ?? string.Empty, Label = Label ?? string.Empty, LabelEn = LabelEn ?? string.Empty, LivedExperience = LivedExperience,
        }, options).ResponseAsync)
        : SendAsync(options => schemas.UpdateFeatureValueAsync(new UpdateFeatureValueRequest
        {
            Change = Change(), Category = Category ?? string.Empty, Value = Value, Label = Label ?? string.Empty, LabelEn = LabelEn ?? string.Empty,
        }, options).ResponseAsync);

    public Task<IActionResult> OnPostRetireAsync() => SendAsync(options => schemas.RetireFeatureAsync(Retirement(validateOnly: false), options).ResponseAsync);

    /// <summary>Swaps the category (or the value, when one is given) with the one before it.</summary>
    public async Task<IActionResult> OnPostMoveUpAsync()
    {
        await LoadAsync();
        if (Schema is null || SelectedCategory is null)
        {
            return Page();
        }

        var keys = SelectedValue is null ? Schema.Categories.Select(c => c.Key).ToList() : SelectedCategory.Values.Select(v => v.Key).ToList();
        var index = keys.IndexOf(SelectedValue?.Key ?? SelectedCategory.Key);
        if (index > 0)
        {
            (keys[index - 1], keys[index]) = (keys[index], keys[index - 1]);
        }

        Reason = FeatureSchemaText.MovedReason.Da;
        var request = new ReorderFeaturesRequest { Change = Change(), Category = SelectedValue is null ? string.Empty : SelectedCategory.Key };
        request.Keys.AddRange(keys);
        return await SendAsync(options => schemas.ReorderFeaturesAsync(request, options).ResponseAsync);
    }

    public Task<IActionResult> OnPostAddCategoryAsync()
    {
        var request = new AddFeatureCategoryRequest
        {
            Change = Change(), Key = Key ?? string.Empty, Label = Label ?? string.Empty, LabelEn = LabelEn ?? string.Empty, LivedExperience = LivedExperience,
        };
        foreach (var line in (ValueLines ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var parts = line.Split(';');
            request.Values.Add(new NewFeatureValue { Key = parts[0].Trim(), Label = parts.ElementAtOrDefault(1)?.Trim() ?? string.Empty, LabelEn = parts.ElementAtOrDefault(2)?.Trim() ?? string.Empty });
        }

        Action = "ny-kategori";
        return SendAsync(options => schemas.AddFeatureCategoryAsync(request, options).ResponseAsync);
    }

    private FeatureSchemaChange Change() => new() { Etag = Etag ?? string.Empty, Reason = Reason ?? string.Empty };

    private RetireFeatureRequest Retirement(bool validateOnly) => new()
    {
        Change = new FeatureSchemaChange { Etag = Etag ?? Schema?.Etag ?? string.Empty, Reason = Reason ?? string.Empty, ValidateOnly = validateOnly },
        Category = Category ?? string.Empty,
        Value = Value ?? string.Empty,
    };

    private async Task<IActionResult> SendAsync<T>(Func<CallOptions, Task<T>> call)
        where T : class
    {
        if (await TryAsync(call) is not null)
        {
            return Redirect($"{Path}?besked=gemt");
        }

        var sentEtag = Etag;
        await LoadAsync();
        if (Action == "udgaa" && Errors.For(GeneralId) is null)
        {
            // Shown again with its preview, so the reason can be given and the retirement confirmed.
            Usage = (await TryAsync(options => schemas.RetireFeatureAsync(Retirement(validateOnly: true), options).ResponseAsync))?.Usage;
        }

        // A refusal keeps what was typed; the form then carries the schema's current etag.
        Etag = Schema?.Etag ?? sentEtag;
        ModelState.Remove(nameof(Etag));
        return Page();
    }

    /// <summary>The call's answer; null with the refusal on the form's fields (or the general error) when it failed.</summary>
    private Task<T?> TryAsync<T>(Func<CallOptions, Task<T>> call)
        where T : class =>
        RpcFormErrors.TryAsync(call, timeProvider, Errors, FieldIds, GeneralId, FeatureSchemaText.Unavailable.Current, HttpContext.RequestAborted);

    private async Task LoadAsync()
    {
        Notice = Notice == "gemt" ? Notice : null;
        Schema = (await calls.CallAsync(HttpContext, nameof(schemas.GetFeatureSchema), options => schemas.GetFeatureSchemaAsync(new GetFeatureSchemaRequest(), options)))?.Schema;
        Etag ??= Schema?.Etag;
        SelectedCategory = Schema?.Categories.FirstOrDefault(c => c.Key == Category);
        SelectedValue = string.IsNullOrEmpty(Value) ? null : SelectedCategory?.Values.FirstOrDefault(v => v.Key == Value);
    }

    private static Dictionary<string, string> BuildFieldIds()
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["change.reason"] = "schema-reason", ["change.etag"] = GeneralId,
            ["value.key"] = "schema-key", ["value.label"] = "schema-label", ["value.label_en"] = "schema-label-en",
            ["key"] = "schema-key", ["label"] = "schema-label", ["label_en"] = "schema-label-en", ["lived_experience"] = "schema-lived",
            ["values"] = "schema-values", ["keys"] = GeneralId,
        };
        for (var i = 0; i < 100; i++)
        {
            foreach (var field in new[] { "key", "label", "label_en" })
            {
                ids[$"values[{i}].{field}"] = "schema-values";
            }
        }

        return ids;
    }
}
