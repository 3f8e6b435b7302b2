namespace Civic.Launcher.Tests;

public sealed class KeyFileTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("civic-launcher-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Environment_KeepsEveryLinkKeyFromRunToRun_AndKeepsThemApart()
    {
        string[] keys = ["Hotline__Booking__ManageTokenKey", "Panel__Pool__LinkKey", "Panel__Invitations__LinkKey"];

        var first = LaunchPlan.Environment(root);
        var second = LaunchPlan.Environment(root);

        foreach (var key in keys)
        {
            Assert.Equal(32, Convert.FromBase64String(first[key]).Length);
            Assert.Equal(first[key], second[key]);
        }

        Assert.Equal(keys.Length, keys.Select(k => first[k]).Distinct().Count());
        // The development signing key is not kept: it is new for every run.
        Assert.NotEqual(first["Auth__SigningKey"], second["Auth__SigningKey"]);
        Assert.Equal(
            [KeyFile.HotlineManageToken.FileName, KeyFile.PanelInvitationLinks.FileName, KeyFile.PanelPoolLinks.FileName],
            Directory.GetFiles(Path.Combine(root, "data")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LoadOrCreate_WritesTheFileForItsOwnerOnly()
    {
        KeyFile.PanelPoolLinks.LoadOrCreate(root);

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(root, KeyFile.PanelPoolLinks.FileName)));
        }
    }

    [Fact]
    public void LoadOrCreate_RefusesAFileThatIsNotAKey_AndLeavesItAsItWas()
    {
        var path = Path.Combine(root, KeyFile.PanelInvitationLinks.FileName);
        File.WriteAllText(path, "not a key");

        var error = Assert.Throws<InvalidOperationException>(() => KeyFile.PanelInvitationLinks.LoadOrCreate(root));

        Assert.Contains("invitation links", error.Message, StringComparison.Ordinal);
        Assert.Equal("not a key", File.ReadAllText(path));
    }
}
