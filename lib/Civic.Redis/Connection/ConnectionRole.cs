namespace Civic.Redis.Connection;

/// <summary>What a physical connection is used for.</summary>
internal enum ConnectionRole
{
    /// <summary>The shared, pipelined connection for ordinary commands.</summary>
    Commands,

    /// <summary>The dedicated connection in pub/sub mode.</summary>
    Subscriber,
}
