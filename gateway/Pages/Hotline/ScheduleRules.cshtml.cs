using System.Globalization;
using Civic.Contracts.Common.V1;
using Civic.Contracts.Hotline.V1;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Civic.Gateway.Ui.Localization;
using Civic.Gateway.Ui.Navigation;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Hotline;

/// <summary>One labelled input of the rule form (rendered by _RuleInput), with its hint and error tied to it.</summary>
public sealed record RuleInput(string Id, string Name, string Label, string? Value, string? Error, string Type = "number", string? Hint = null)
{
    public string? DescribedBy => string.Join(' ', new[] { Hint is null ? null : Id + "-hint", Error is null ? null : Id + "-error" }.OfType<string>()) is { Length: > 0 } ids ? ids : null;
}

/// <summary>
/// Administrators' schedule rules: every department's rules in plain words; a form to create one; change and retire
/// with a preview of the bookings affected (validate_only) and the choice to keep or cancel their sessions. Plain
/// forms, no script: a preview is a POST that shows the same form again with the impact and the confirm button.
/// </summary>
[RoleAreaPage(RoleAreaId.Administration)]
public sealed class ScheduleRulesModel(
    PageServiceCalls calls, ScheduleService.ScheduleServiceClient schedules, DepartmentLookup departments, TimeProvider timeProvider) : PageModel
{
    public const string Path = "/administration/direktoerlinjen/regler";
    public const string GeneralId = "rule-form";
    public const string ChoiceId = "booked-keep";
    public const string ReasonId = "change-reason";

    // As time inputs send it, or as a Dane types it without one.
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH.mm", "H.mm"];

    /// <summary>The form's field ids by the RPC's field names, so a field violation lands on its field.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldIds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["week_of_month"] = "rule-week", ["weekday"] = "rule-weekday", ["starts_at"] = "rule-starts", ["ends_at"] = "rule-ends",
        ["slot_minutes"] = "rule-slot-minutes", ["parallel_lines"] = "rule-lines", ["booking_opens_days_before"] = "rule-opens-days",
        ["booking_opens_at"] = "rule-opens-at", ["booking_closes_hours_before"] = "rule-closes-hours", ["holiday_policy"] = "rule-holiday-next",
        ["valid_from"] = "rule-valid-from", ["allocation"] = "rule-first-come", ["request_window_minutes"] = "rule-window",
        ["booked_sessions"] = ChoiceId, ["reason"] = ReasonId,
    };

    [BindProperty(SupportsGet = true, Name = "afdeling")]
    public string? DepartmentId { get; set; }

    [BindProperty(SupportsGet = true, Name = "regel")]
    public string? RuleId { get; set; }

    [BindProperty(SupportsGet = true, Name = "besked")]
    public string? Notice { get; set; }

    [BindProperty]
    public string? Etag { get; set; }

    [BindProperty]
    public int WeekOfMonth { get; set; } = 1;

    [BindProperty]
    public Weekday Weekday { get; set; } = Weekday.Tuesday;

    [BindProperty]
    public string? StartsAt { get; set; } = "16:00";

    [BindProperty]
    public string? EndsAt { get; set; } = "18:00";

    [BindProperty]
    public int SlotMinutes { get; set; } = 10;

    [BindProperty]
    public int ParallelLines { get; set; } = 2;

    [BindProperty]
    public int OpensDaysBefore { get; set; } = 14;

    [BindProperty]
    public string? OpensAt { get; set; } = "08:00";

    [BindProperty]
    public int ClosesHoursBefore { get; set; } = 2;

    [BindProperty]
    public HolidayPolicy HolidayPolicy { get; set; } = HolidayPolicy.NextWorkingDay;

    [BindProperty]
    public string? ValidFrom { get; set; }

    [BindProperty]
    public Allocation Allocation { get; set; } = Allocation.FirstComeFirstServed;

    [BindProperty]
    public int RequestWindowMinutes { get; set; }

    [BindProperty]
    public BookedSessions BookedSessions { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public FormErrors Errors { get; } = new();

    /// <summary>Every department with its rules; null when the Hotline service could not be reached.</summary>
    public IReadOnlyList<(Department Department, IReadOnlyList<ScheduleRule> Rules)>? Departments { get; private set; }

    /// <summary>The department whose form is shown; null for none.</summary>
    public Department? Selected { get; private set; }

    /// <summary>The rule being changed or retired; null while creating.</summary>
    public ScheduleRule? Rule { get; private set; }

    public IReadOnlyList<ScheduleRuleChange> Changes { get; private set; } = [];

    /// <summary>The impact of the change previewed; null until a preview.</summary>
    public ScheduleRuleImpact? Impact { get; private set; }

    /// <summary>True while retiring <see cref="Rule"/> rather than changing it.</summary>
    public bool Retiring { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (Rule is { } rule)
        {
            Fill(rule);
        }
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var create = Settings().CopySettingsTo(new CreateScheduleRuleRequest { DepartmentId = DepartmentId ?? string.Empty });
        return await SendAsync(options => schedules.CreateScheduleRuleAsync(create, options).ResponseAsync, "oprettet");
    }

    public async Task<IActionResult> OnPostPreviewAsync() => await UpdateAsync(validateOnly: true);

    public async Task<IActionResult> OnPostUpdateAsync() => await UpdateAsync(validateOnly: false);

    public async Task<IActionResult> OnPostRetirePreviewAsync() => await RetireAsync(validateOnly: true);

    public async Task<IActionResult> OnPostRetireAsync() => await RetireAsync(validateOnly: false);

    private async Task<IActionResult> UpdateAsync(bool validateOnly)
    {
        var request = new UpdateScheduleRuleRequest
        {
            RuleId = RuleId ?? string.Empty, Etag = Etag ?? string.Empty, Rule = Settings(), BookedSessions = BookedSessions, Reason = Reason ?? string.Empty,
            ValidateOnly = validateOnly,
        };
        return validateOnly
            ? await PreviewAsync(async options => (await schedules.UpdateScheduleRuleAsync(request, options)).Impact)
            : await SendAsync(options => schedules.UpdateScheduleRuleAsync(request, options).ResponseAsync, "aendret",
                async options => (await schedules.UpdateScheduleRuleAsync(new UpdateScheduleRuleRequest(request) { ValidateOnly = true }, options)).Impact);
    }

    private async Task<IActionResult> RetireAsync(bool validateOnly)
    {
        Retiring = true;
        var request = new RetireScheduleRuleRequest
        {
            RuleId = RuleId ?? string.Empty, Etag = Etag ?? string.Empty, BookedSessions = BookedSessions, Reason = Reason ?? string.Empty, ValidateOnly = validateOnly,
        };
        return validateOnly
            ? await PreviewAsync(async options => (await schedules.RetireScheduleRuleAsync(request, options)).Impact)
            : await SendAsync(options => schedules.RetireScheduleRuleAsync(request, options).ResponseAsync, "udfaset",
                async options => (await schedules.RetireScheduleRuleAsync(new RetireScheduleRuleRequest(request) { ValidateOnly = true }, options)).Impact);
    }

    private async Task<IActionResult> PreviewAsync(Func<CallOptions, Task<ScheduleRuleImpact>> preview)
    {
        Impact = await TryAsync(preview);
        await LoadAsync();
        return Page();
    }

    /// <param name="call">The change.</param>
    /// <param name="notice">The notice shown after it (besked=…).</param>
    /// <param name="preview">When the change is refused, the preview shown again with the errors, so the choice can be made; none for a creation.</param>
    private async Task<IActionResult> SendAsync<T>(Func<CallOptions, Task<T>> call, string notice, Func<CallOptions, Task<ScheduleRuleImpact>>? preview = null)
        where T : class
    {
        if (await TryAsync(call) is not null)
        {
            return Redirect($"{Path}?afdeling={Uri.EscapeDataString(DepartmentId ?? string.Empty)}&besked={notice}");
        }

        if (preview is not null)
        {
            try
            {
                Impact = await preview(new CallOptions(deadline: timeProvider.GetUtcNow().UtcDateTime + PageServiceCalls.Timeout, cancellationToken: HttpContext.RequestAborted));
            }
            catch (RpcException)
            {
                // The refusal is on the form already; without a preview the form is shown as it was sent.
            }
        }

        await LoadAsync();
        return Page();
    }

    /// <summary>The call's answer; null with the refusal on the form's fields (or the general error) when it failed.</summary>
    private Task<T?> TryAsync<T>(Func<CallOptions, Task<T>> call)
        where T : class =>
        RpcFormErrors.TryAsync(call, timeProvider, Errors, FieldIds, GeneralId, ScheduleRulesText.Unavailable.Current, HttpContext.RequestAborted);

    public RuleInput Input(string field, string name, LocalText label, object? value, string type = "number", LocalText? hint = null) =>
        new(FieldIds[field], name, label.Current, Convert.ToString(value, CultureInfo.InvariantCulture), Errors.For(FieldIds[field]), type, hint?.Current);

    private ScheduleRuleSettings Settings() => new()
    {
        WeekOfMonth = WeekOfMonth, Weekday = Weekday, StartsAt = Time(StartsAt), EndsAt = Time(EndsAt), SlotMinutes = SlotMinutes,
        ParallelLines = ParallelLines, BookingOpensDaysBefore = OpensDaysBefore, BookingOpensAt = Time(OpensAt), BookingClosesHoursBefore = ClosesHoursBefore,
        HolidayPolicy = HolidayPolicy, ValidFrom = Month(ValidFrom), Allocation = Allocation, RequestWindowMinutes = RequestWindowMinutes,
    };

    private void Fill(ScheduleRule rule)
    {
        Etag = rule.Etag;
        WeekOfMonth = rule.WeekOfMonth;
        Weekday = rule.Weekday;
        StartsAt = Text(rule.StartsAt);
        EndsAt = Text(rule.EndsAt);
        SlotMinutes = rule.SlotMinutes;
        ParallelLines = rule.ParallelLines;
        OpensDaysBefore = rule.BookingOpensDaysBefore;
        OpensAt = Text(rule.BookingOpensAt);
        ClosesHoursBefore = rule.BookingClosesHoursBefore;
        HolidayPolicy = rule.HolidayPolicy;
        ValidFrom = string.Format(CultureInfo.InvariantCulture, "{0:0000}-{1:00}", rule.ValidFrom.Year, rule.ValidFrom.Month);
        Allocation = rule.Allocation;
        RequestWindowMinutes = rule.RequestWindowMinutes;
    }

    private async Task LoadAsync()
    {
        Notice = Notice is "oprettet" or "aendret" or "udfaset" ? Notice : null;
        var all = await departments.ListAsync(HttpContext);
        if (all is null)
        {
            return;
        }

        var listed = new List<(Department, IReadOnlyList<ScheduleRule>)>();
        foreach (var department in all)
        {
            var rules = await calls.CallAsync(HttpContext, nameof(schedules.ListScheduleRules),
                options => schedules.ListScheduleRulesAsync(new ListScheduleRulesRequest { DepartmentId = department.Id }, options));
            if (rules is null)
            {
                return;
            }

            listed.Add((department, rules.Rules.ToList()));
        }

        Departments = listed;
        var selected = listed.FirstOrDefault(d => d.Item1.Id == DepartmentId);
        Selected = selected.Item1;
        Rule = selected.Item2?.FirstOrDefault(r => r.Id == RuleId && r.RetiredAt is null);
        ValidFrom ??= TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen")).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (Selected is not null)
        {
            var changes = await calls.CallAsync(HttpContext, nameof(schedules.ListScheduleRuleChanges),
                options => schedules.ListScheduleRuleChangesAsync(new ListScheduleRuleChangesRequest { DepartmentId = Selected.Id }, options));
            Changes = changes?.Changes.Take(10).ToList() ?? [];
        }
    }

    private static LocalTime? Time(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? new LocalTime { Hour = time.Hour, Minute = time.Minute }
            : null;

    private static LocalDate? Month(string? text) =>
        DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? new LocalDate { Year = month.Year, Month = month.Month, Day = 1 }
            : null;

    private static string Text(LocalTime time) => string.Format(CultureInfo.InvariantCulture, "{0:00}:{1:00}", time.Hour, time.Minute);
}
