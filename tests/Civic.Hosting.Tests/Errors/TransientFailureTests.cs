using System.Data.Common;
using Civic.Hosting.Errors;

namespace Civic.Hosting.Tests.Errors;

/// <summary>A database failure its driver calls transient is answered UNAVAILABLE (clients retry), anything else INTERNAL.</summary>
public sealed class TransientFailureTests
{
    [Fact]
    public void IsTransient_TransientDbExceptionAloneOrWrapped_True()
    {
        Assert.True(RpcErrorTranslation.IsTransient(new FakeDbException(transient: true)));
        Assert.True(RpcErrorTranslation.IsTransient(new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", new FakeDbException(transient: true))));
    }

    [Fact]
    public void IsTransient_PermanentDbExceptionOrOtherFailure_False()
    {
        Assert.False(RpcErrorTranslation.IsTransient(new FakeDbException(transient: false)));
        Assert.False(RpcErrorTranslation.IsTransient(new InvalidOperationException("A bug.", new ArgumentException("x"))));
    }

    private sealed class FakeDbException(bool transient) : DbException("The database is out of connections.")
    {
        public override bool IsTransient => transient;
    }
}
