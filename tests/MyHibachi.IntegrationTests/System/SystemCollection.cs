using MyHibachi.TestSupport;

namespace MyHibachi.IntegrationTests.System;

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<HibachiAppHost>
{
    public const string Name = "Whole system";
}
