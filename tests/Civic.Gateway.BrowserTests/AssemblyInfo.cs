using Civic.Gateway.BrowserTests.Infrastructure;

// One Civic (three services, the gateway, a browser) for the whole run: starting it takes seconds.
[assembly: AssemblyFixture(typeof(CivicStack))]
