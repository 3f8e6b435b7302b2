using System.Net;
using Civic.Hosting.Notifications;
using Microsoft.Extensions.Time.Testing;

namespace Civic.Services.FunctionalTests.Hotline;

/// <summary>The Hotline with Hotline:Notifications:Sms pointing at an SMS provider over real HTTP, one per test.</summary>
public sealed class SmsDeliveryTests : DeliveryTests
{
    private const string Token = "provider-secret";
    private SmsProviderSink? _provider;

    private SmsProviderSink Provider => _provider ?? throw new InvalidOperationException("The provider has not started.");

    protected override IReadOnlyDictionary<string, string> DeliverySettings => new Dictionary<string, string>
    {
        ["Hotline:Notifications:Sms:Endpoint"] = Provider.Endpoint.ToString(),
        ["Hotline:Notifications:Sms:Token"] = Token,
        ["Hotline:Notifications:Sms:Sender"] = "Kommunen",
    };

    protected override async Task StartChannelAsync() => _provider = await SmsProviderSink.StartAsync(Cancellation);

    [Fact]
    public async Task DeliveryJob_SmsConfigured_ProviderGetsOnePostWithNumberTextAndManageLink()
    {
        var created = await BookAsync();

        await RunDeliveryJobAsync();
        await RunDeliveryJobAsync();

        var sms = (await OutboxOfAsync(created.Booking.Reference)).Single(n => n.Channel == MessageChannel.Sms);
        var request = Assert.Single(Provider.Requests);
        Assert.Equal($"Token {Token}", request.Authorization);
        Assert.Equal("Kommunen", request.Body.GetProperty("sender").GetString());
        Assert.Equal(sms.Id, request.Body.GetProperty("userref").GetString());
        var recipient = Assert.Single(request.Body.GetProperty("recipients").EnumerateArray());
        Assert.Equal(long.Parse(sms.Recipient.TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture), recipient.GetProperty("msisdn").GetInt64());
        Assert.Contains($"{PublicBaseUrl}/direktoerlinjen/booking/{created.Booking.Reference}?noegle={created.ManageToken}", request.Body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.NotNull(sms.SentAt);
    }

    [Fact]
    public async Task DeliveryJob_ProviderFails_SmsRetriedLaterAndSentOnce()
    {
        var created = await BookAsync();
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        Provider.AnswerWith = HttpStatusCode.ServiceUnavailable;

        await DispatchAsync(clock);
        var afterFailure = (await OutboxOfAsync(created.Booking.Reference)).Single(n => n.Channel == MessageChannel.Sms);
        Provider.AnswerWith = HttpStatusCode.OK;
        await DispatchAsync(clock);
        var attemptsTooEarly = Provider.Requests.Count;
        clock.Advance(TimeSpan.FromMinutes(10));
        await DispatchAsync(clock);
        await DispatchAsync(clock);
        var afterRetry = (await OutboxOfAsync(created.Booking.Reference)).Single(n => n.Channel == MessageChannel.Sms);

        Assert.Equal((1, "HttpRequestException", (DateTimeOffset?)null), (afterFailure.Attempts, afterFailure.LastError, afterFailure.SentAt));
        Assert.Equal(1, attemptsTooEarly);
        Assert.Equal(2, Provider.Requests.Count);
        Assert.NotNull(afterRetry.SentAt);
        Assert.Equal(2, afterRetry.Attempts);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }
}
