namespace Civic.Gateway.Tests.Infrastructure;

/// <summary>Test classes that share one running cluster (starting it takes seconds).</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<CivicCluster>
{
    public const string Name = "Civic cluster";
}
