using DescPortal.Testing;
using Xunit;

[assembly: AssemblyFixture(typeof(DescPortal.Web.Tests.ComponentHost))]

namespace DescPortal.Web.Tests;

/// <summary>A real portal (PostgreSQL, Azurite, demo data) whose services the components under test use.</summary>
public sealed class ComponentHost : PortalHost;
