using System.Text;
using Civic.Hosting.Notifications;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Civic.Services.FunctionalTests.Hotline;

/// <summary>The Hotline with Hotline:Notifications:Smtp pointing at a real SMTP server (aiosmtpd), one per test.</summary>
public sealed class SmtpDeliveryTests : DeliveryTests
{
    private readonly int _port = SmtpSink.FreePort();

    protected override IReadOnlyDictionary<string, string> DeliverySettings => new Dictionary<string, string>
    {
        ["Hotline:Notifications:Smtp:Host"] = "127.0.0.1",
        ["Hotline:Notifications:Smtp:Port"] = Port(_port),
        ["Hotline:Notifications:Smtp:Tls"] = "None",
        ["Hotline:Notifications:Smtp:FromAddress"] = "direktoerlinjen@kommune.example.dk",
    };

    [Fact]
    public async Task DeliveryJob_SmtpConfigured_ConfirmationArrivesOnceWithManageLinkAndCalendar()
    {
        await using var sink = await SmtpSink.StartAsync(_port, Cancellation);
        var created = await BookAsync();

        await RunDeliveryJobAsync();
        var afterFirstRun = sink.Messages();
        await RunDeliveryJobAsync();
        var afterSecondRun = sink.Messages();

        var message = Assert.Single(afterFirstRun);
        Assert.Single(afterSecondRun);
        Assert.Equal("mette@example.dk", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("mette@example.dk", message.Headers["X-RcptTo"]);
        Assert.Equal("direktoerlinjen@kommune.example.dk", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("Din tid på Direktørlinjen er booket", message.Subject);
        Assert.Contains($"{PublicBaseUrl}/direktoerlinjen/booking/{created.Booking.Reference}?noegle={created.ManageToken}", message.TextBody, StringComparison.Ordinal);
        var attachment = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        var calendar = Ical.Net.Calendar.Load(Decode(attachment)) ?? throw new InvalidOperationException("The attachment is no calendar.");
        var appointment = Assert.Single(calendar.Events);
        Assert.Equal(created.Booking.Slot.StartsAt.ToDateTime(), appointment.DtStart?.AsUtc);
        Assert.All(await OutboxOfAsync(created.Booking.Reference), n => Assert.NotNull(n.SentAt));
    }

    [Fact]
    public async Task DeliveryJob_SmtpServerDown_EmailRetriedLaterAndArrivesOnce()
    {
        var created = await BookAsync();
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());

        await DispatchAsync(clock);
        var afterFailure = (await OutboxOfAsync(created.Booking.Reference)).Single(n => n.Channel == MessageChannel.Email);
        await using var sink = await SmtpSink.StartAsync(_port, Cancellation);
        clock.Advance(TimeSpan.FromMinutes(10));
        await DispatchAsync(clock);
        await DispatchAsync(clock);
        var afterRetry = (await OutboxOfAsync(created.Booking.Reference)).Single(n => n.Channel == MessageChannel.Email);

        Assert.Null(afterFailure.SentAt);
        Assert.Equal(1, afterFailure.Attempts);
        Assert.NotNull(afterFailure.LastError);
        Assert.Equal("mette@example.dk", Assert.Single(Assert.Single(sink.Messages()).To.Mailboxes).Address);
        Assert.NotNull(afterRetry.SentAt);
        Assert.Equal(2, afterRetry.Attempts);
    }

    private static string Decode(MimePart part)
    {
        using var content = new MemoryStream();
        (part.Content ?? throw new InvalidOperationException("The attachment is empty.")).DecodeTo(content);
        return Encoding.UTF8.GetString(content.ToArray());
    }
}
