using Civic.Hosting.Notifications;
using MailKit.Security;

namespace Civic.Hosting.Tests.Notifications;

/// <summary>SmtpTls stands in for MailKit's SecureSocketOptions (cast to it when connecting): same names, same numbers.</summary>
public sealed class SmtpTlsTests
{
    [Fact]
    public void SmtpTls_EveryMailKitOption_SameNameAndNumber()
    {
        var ours = Enum.GetValues<SmtpTls>().Select(v => (v.ToString(), (int)v)).Order();
        var mailKit = Enum.GetValues<SecureSocketOptions>().Select(v => (v.ToString(), (int)v)).Order();

        Assert.Equal(mailKit, ours);
    }
}
