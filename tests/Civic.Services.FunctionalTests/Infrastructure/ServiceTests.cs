namespace Civic.Services.FunctionalTests.Infrastructure;

/// <summary>
/// A test class on one service's fixture. After every test it fails the test on any error the service
/// logged (convention 10), so each class need not repeat the check.
/// </summary>
public abstract class ServiceTests<TEntryPoint>(ServiceFixture<TEntryPoint> fixture) : IAsyncDisposable
    where TEntryPoint : class
{
    protected ServiceFixture<TEntryPoint> Fixture { get; } = fixture;

    protected ServiceHost<TEntryPoint> Host => Fixture.Host;

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);

        // Without its database the test was skipped (or failed, in CI) already; Host would only throw that again.
        if (Fixture.Storage is not null)
        {
            Assert.Empty(Host.ErrorLogs());
        }

        return ValueTask.CompletedTask;
    }
}
