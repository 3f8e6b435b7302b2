using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Civic.Hosting.Notifications;

/// <summary>
/// How the SMTP connection is secured: MailKit's SecureSocketOptions by name and number, as a type of our own so that
/// binding and validating the settings at start-up does not load MailKit where no e-mail is ever sent.
/// </summary>
public enum SmtpTls
{
    None = 0,
    Auto = 1,
    SslOnConnect = 2,
    StartTls = 3,
    StartTlsWhenAvailable = 4,
}

/// <summary>"&lt;Service&gt;:Notifications:Smtp" settings: without a host, e-mails stay in the development mailbox.</summary>
public sealed class SmtpOptions : IValidatableObject
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>None (a local relay only), StartTls, SslOnConnect (port 465), StartTlsWhenAvailable or Auto.</summary>
    public SmtpTls Tls { get; set; } = SmtpTls.StartTls;

    public string FromAddress { get; set; } = string.Empty;

    /// <summary>The sender's display name, e.g. "Direktørlinjen".</summary>
    public string FromName { get; set; } = string.Empty;

    /// <summary>Empty: the server takes mail without authentication.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsConfigured && !SmtpAddresses.IsValid(FromAddress))
        {
            yield return new ValidationResult($"Notifications:Smtp:{nameof(FromAddress)} must be an e-mail address when Notifications:Smtp:{nameof(Host)} is set.", [nameof(FromAddress)]);
        }
    }
}

/// <summary>
/// Sends e-mails over SMTP with MailKit, one connection per message; a calendar goes along as a text/calendar
/// attachment. Any failure before the server accepts the message throws, so the outbox tries again later;
/// once it is accepted, nothing that follows (the QUIT) may fail the delivery.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IMessageSender
{
    public async Task SendAsync(OutboxMessage message, string body, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var email = Compose(message, body, settings);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        var host = settings.Host ?? throw new InvalidOperationException("Notifications:Smtp:Host is not set.");
        await client.ConnectAsync(host, settings.Port, (SecureSocketOptions)settings.Tls, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(email, cancellationToken);
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception exception) when (exception is IOException or MailKit.ProtocolException or SmtpCommandException)
        {
            // The message was accepted: failing now would make the outbox send it a second time.
        }
    }

    public static MimeMessage Compose(OutboxMessage message, string body, SmtpOptions settings)
    {
        var from = new MailboxAddress(settings.FromName, settings.FromAddress);
        var email = new MimeMessage { Subject = message.Subject };
        email.From.Add(from);
        email.To.Add(MailboxAddress.Parse(message.Recipient));
        // The outbox id, so a receiving system can tell a repeat after a crash between sending and marking sent.
        email.MessageId = $"{message.Id}@{from.Domain}";
        var parts = new BodyBuilder { TextBody = body };
        if (message.Calendar is not null)
        {
            parts.Attachments.Add("kalender.ics", Encoding.UTF8.GetBytes(message.Calendar), new ContentType("text", "calendar") { Charset = "utf-8" });
        }

        email.Body = parts.ToMessageBody();
        return email;
    }
}

/// <summary>MimeKit's address check, kept out of <see cref="SmtpOptions"/> so MimeKit loads only when SMTP is configured.</summary>
internal static class SmtpAddresses
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool IsValid(string address) => MailboxAddress.TryParse(address, out _);
}
