using Xunit;
using DescPortal.Testing;

[assembly: AssemblyFixture(typeof(DescPortal.IntegrationTests.IntegrationHost))]

namespace DescPortal.IntegrationTests;

/// <summary>One portal for the whole assembly: starting a host (schema, seeding) costs seconds on 2 cores.
/// Tests therefore create their own data and never assume an empty database.</summary>
public sealed class IntegrationHost : PortalHost;
