using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Civic.Gateway.Ui.Localization;

/// <summary>The two languages of the web UI: Danish (the default) and English, chosen by a cookie.</summary>
public static class UiCultures
{
    /// <summary>The culture cookie: functional only, it holds nothing but the language.</summary>
    public const string CookieName = "civic.lang";

    public static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static IReadOnlyList<CultureInfo> Supported { get; } = [Danish, English];

    public static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";

    /// <summary>The value of the HTML <c>lang</c> attribute for the current UI culture: "da" or "en".</summary>
    public static string CurrentLanguageTag => IsEnglish(CultureInfo.CurrentUICulture) ? "en" : "da";

    /// <summary>The supported culture for a language tag ("da" or "en"), or null for anything else.</summary>
    public static CultureInfo? FromLanguageTag(string? tag) => tag switch
    {
        "da" => Danish,
        "en" => English,
        _ => null,
    };

    /// <summary>Danish unless the culture cookie asks for English; browsers' Accept-Language is not consulted, so Danish comes first.</summary>
    public static void Configure(RequestLocalizationOptions options)
    {
        options.DefaultRequestCulture = new RequestCulture(Danish);
        options.SupportedCultures = [.. Supported];
        options.SupportedUICultures = [.. Supported];
        options.FallBackToParentCultures = true;
        options.FallBackToParentUICultures = true;
        options.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = CookieName }];
    }

    /// <summary>Stores <paramref name="culture"/> in the culture cookie for a year.</summary>
    public static void Remember(HttpResponse response, CultureInfo culture)
    {
        response.Cookies.Append(
            CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Path = "/",
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = response.HttpContext.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
            });
    }
}
