using System.Text.Encodings.Web;
using System.Text.Unicode;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Errors;
using Civic.Gateway.Ui.Localization;
using Civic.Gateway.Ui.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.WebEncoders;

namespace Civic.Gateway.Ui;

/// <summary>
/// The web UI's composition: server-rendered Razor Pages in Danish and English, security headers,
/// anti-forgery, static files. Program calls <see cref="AddCivicUi"/> and, after authentication and
/// authorisation, <see cref="MapCivicUi"/>.
/// </summary>
public static class CivicUiApplicationExtensions
{
    public const string AntiforgeryCookieName = "civic.af";

    public static WebApplicationBuilder AddCivicUi(this WebApplicationBuilder builder)
    {
        // Razor Pages validate the anti-forgery token on every POST handler by default.
        // The development mailbox was the Hotline's first; its old address stays.
        builder.Services.AddRazorPages(options => options.Conventions.AddPageRoute("/Development/Mailbox", "direktoerlinjen/udvikling/postkasse"));
        builder.Services.AddRequestLocalization(UiCultures.Configure);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PageServiceCalls>();
        builder.Services.AddPageServiceClients(builder.Configuration);
        // Scoped, as the typed clients it uses: each request gets a client on the factory's current handler.
        builder.Services.AddScoped<DepartmentLookup>();
        // Write æ, ø, å as they are rather than as character references; <, >, &, ' and " are still encoded.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AntiforgeryCookieName;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // SecurityHeadersMiddleware sends X-Frame-Options: DENY on every response already.
            options.SuppressXFrameOptionsHeader = true;
        });
        return builder;
    }

    public static WebApplication MapCivicUi(this WebApplication app)
    {
        // gRPC passes through untouched: the headers mean nothing to gRPC clients and cost time per call.
        app.UseWhen(context => !UiRequests.IsGrpc(context), branch => branch.UseMiddleware<SecurityHeadersMiddleware>());
        // Outside any branch: re-executing the error page needs the application's own routing.
        app.UseStatusCodePagesWithReExecute(UiPaths.StatusPage);
        app.UseMiddleware<UiErrorsMiddleware>();
        app.UseWhen(UiRequests.IsUi, branch => branch.UseRequestLocalization());
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
