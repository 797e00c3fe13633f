namespace DescPortal.Web.Infrastructure;

/// <summary>
/// Work done once at start-up, after Marten has applied its schema and before the portal says it is ready: a name
/// that /health shows while it runs, an order, and the work (given a DI scope of its own). Infrastructure and features
/// register their steps; <see cref="StartupTasks"/> runs them and knows none of them.
/// </summary>
public sealed record StartupStep(string Name, int Order, Func<IServiceProvider, CancellationToken, Task> RunAsync);

/// <summary>The stages steps are ordered by (registration order within a stage).</summary>
public static class StartupOrder
{
    /// <summary>Schemas and containers the rest needs.</summary>
    public const int Storage = 100;

    /// <summary>What every installation needs before its first user: roles, its signing identity, recurring jobs.</summary>
    public const int Installation = 200;

    /// <summary>Development's demo data, last.</summary>
    public const int DemoData = 300;
}

public static class StartupStepRegistration
{
    public static IServiceCollection AddStartupStep(this IServiceCollection services, string name, int order,
        Func<IServiceProvider, CancellationToken, Task> run) =>
        services.AddSingleton(new StartupStep(name, order, run));
}
