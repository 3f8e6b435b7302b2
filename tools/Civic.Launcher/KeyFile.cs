using System.Security.Cryptography;

namespace Civic.Launcher;

/// <summary>
/// A link-signing key on one machine, made once and kept in a file under data/ (gitignored): links in
/// e-mails already sent must keep working after a restart, and the signing key they would otherwise
/// derive from is new for every run.
/// </summary>
public sealed record KeyFile(string FileName, string Purpose)
{
    /// <summary>The Hotline's manage links in booking confirmations.</summary>
    public static readonly KeyFile HotlineManageToken = new("hotline-manage-token.key", "manage links");

    /// <summary>The Panel's confirmation and member links.</summary>
    public static readonly KeyFile PanelPoolLinks = new("panel-pool-link.key", "confirmation and member links");

    /// <summary>The Panel's invitation links.</summary>
    public static readonly KeyFile PanelInvitationLinks = new("panel-invitation-link.key", "invitation links");

    private const int KeyBytes = 32;

    /// <summary>The key (base64) kept in <paramref name="dataDirectory"/>, created there with a random one if there is none yet.</summary>
    public string LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            var stored = File.ReadAllText(path).Trim();
            var bytes = new byte[KeyBytes];
            if (!Convert.TryFromBase64String(stored, bytes, out var length) || length != KeyBytes)
            {
                throw new InvalidOperationException($"{path} does not hold a base64 key of {KeyBytes} bytes. Delete it to make a new one ({Purpose} sent so far then stop working).");
            }

            return stored;
        }

        Directory.CreateDirectory(dataDirectory);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, file))
        {
            writer.Write(key);
        }

        return key;
    }
}
