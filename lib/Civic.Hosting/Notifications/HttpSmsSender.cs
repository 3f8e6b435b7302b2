using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Civic.Hosting.Notifications;

/// <summary>
/// "&lt;Service&gt;:Notifications:Sms" settings for an HTTP SMS provider; without an endpoint, SMS stay in the
/// development mailbox. The request is the JSON that GatewayAPI's REST interface (a Danish provider) takes.
/// </summary>
public sealed class SmsOptions : IValidatableObject
{
    /// <summary>The provider's send URL, e.g. https://gatewayapi.eu/rest/mtsms.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The API token, sent as "Authorization: &lt;AuthorizationScheme&gt; &lt;Token&gt;".</summary>
    public string? Token { get; set; }

    public string AuthorizationScheme { get; set; } = "Token";

    /// <summary>The sender shown on the phone: at most 11 letters or digits, or a phone number.</summary>
    [StringLength(15, MinimumLength = 1)]
    public string Sender { get; set; } = "Kommunen";

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    public bool IsConfigured => Endpoint is not null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Endpoint is { IsAbsoluteUri: false } or { Scheme: not ("https" or "http") })
        {
            yield return new ValidationResult("Notifications:Sms:Endpoint must be an absolute http(s) URL.", [nameof(Endpoint)]);
        }
    }
}

/// <summary>
/// Sends an SMS by one POST to the configured provider. Any answer but 2xx throws, so the outbox tries again
/// later; there is no retry here, because a POST the provider took but whose answer was lost would send the
/// text twice. The outbox id goes along as the provider's user reference, for tracing a repeat.
/// </summary>
public sealed class HttpSmsSender(HttpClient client, IOptions<SmsOptions> options) : IMessageSender
{
    public async Task SendAsync(OutboxMessage message, string body, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var endpoint = settings.Endpoint ?? throw new InvalidOperationException("Notifications:Sms:Endpoint is not set.");
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = JsonContent.Create(new SmsRequest(settings.Sender, body, [new SmsRecipient(Msisdn(message.Recipient))], message.Id)),
        };
        if (!string.IsNullOrEmpty(settings.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(settings.AuthorizationScheme, settings.Token);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Our own time limit, not a shutdown: a failed delivery the outbox retries.
            throw new TimeoutException($"The SMS provider did not answer within {settings.Timeout}.");
        }

        using var answered = response;
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The SMS provider answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }

    /// <summary>An E.164 number ("+4512345678") as the provider's MSISDN (4512345678).</summary>
    public static long Msisdn(string e164) =>
        long.TryParse(e164.TrimStart('+'), NumberStyles.None, CultureInfo.InvariantCulture, out var msisdn)
            ? msisdn
            : throw new FormatException("An SMS recipient must be a phone number in E.164 format.");

    private sealed record SmsRequest(
        [property: JsonPropertyName("sender")] string Sender,
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("recipients")] IReadOnlyList<SmsRecipient> Recipients,
        [property: JsonPropertyName("userref")] string UserReference);

    private sealed record SmsRecipient([property: JsonPropertyName("msisdn")] long Msisdn);
}
