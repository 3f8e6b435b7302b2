namespace Civic.Rpc.Server;

/// <summary>
/// Turns an application's own exceptions (domain errors) into statuses. Registered in DI; every
/// mapper is asked in turn, and an exception no mapper knows becomes INTERNAL.
/// </summary>
public interface IRpcExceptionMapper
{
    /// <summary>The status for this exception, or null if this mapper does not know it.</summary>
    Status? TryMap(Exception exception);
}
