using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.WebUtilities;

namespace Civic.Gateway.Identity;

/// <summary>The gateway's part of signing in and out, bound from "Gateway:Identity".</summary>
public sealed class GatewayIdentityOptions : IValidatableObject
{
    public const string SectionName = "Gateway:Identity";

    /// <summary>
    /// Where log-out sends the browser after clearing the gateway's cookie, so that the login session itself
    /// ends: behind oauth2-proxy its sign-out, chained to the identity provider's end-session endpoint, e.g.
    /// <c>/oauth2/sign_out?rd=https%3A%2F%2Flogin.example.dk%2F…%2Flogout</c>. A path on this site or an
    /// absolute https URL. None: log-out only clears the cookie and returns to the front page.
    /// </summary>
    public string? SignOutUrl { get; set; }

    /// <summary>
    /// The origins outside this site that the log-out form's redirects lead to (the sign-out URL's own and its
    /// <c>rd</c> target's): browsers hold a form's redirects to the page's CSP form-action.
    /// </summary>
    public IReadOnlyList<string> SignOutOrigins()
    {
        if (string.IsNullOrWhiteSpace(SignOutUrl))
        {
            return [];
        }

        var origins = new List<string>();
        if (IsAbsoluteHttps(SignOutUrl, out var absolute))
        {
            origins.Add(absolute.GetLeftPart(UriPartial.Authority));
        }

        var query = SignOutUrl.IndexOf('?', StringComparison.Ordinal) is var at and >= 0 ? SignOutUrl[at..] : string.Empty;
        if (QueryHelpers.ParseQuery(query).TryGetValue("rd", out var target) && IsAbsoluteHttps(target.ToString(), out var redirect))
        {
            origins.Add(redirect.GetLeftPart(UriPartial.Authority));
        }

        return origins.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SignOutUrl is not null && !IsLocalPath(SignOutUrl) && !IsAbsoluteHttps(SignOutUrl, out _))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(SignOutUrl)} '{SignOutUrl}' must be a path on this site (such as /oauth2/sign_out?rd=…) or an absolute https:// URL.",
                [nameof(SignOutUrl)]);
        }
    }

    // "//host" and "/\host" are paths only to the eye: browsers take them to another host.
    private static bool IsLocalPath(string url) =>
        url.Length > 0 && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl);

    private static bool IsAbsoluteHttps(string url, out Uri uri) =>
        Uri.TryCreate(url, UriKind.Absolute, out uri!) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);
}
