using Xunit;

namespace DescPortal.IntegrationTests;

/// <summary>Test classes that create cases run one after another, so that "nothing was stored" can be counted.</summary>
[CollectionDefinition(nameof(CaseWriteCollection))]
public sealed class CaseWriteCollection;
