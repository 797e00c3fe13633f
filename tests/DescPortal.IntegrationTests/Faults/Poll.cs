namespace DescPortal.IntegrationTests.Faults;

/// <summary>Waits for a condition by asking again and again until a deadline, never for a fixed time.</summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>Asks <paramref name="probe"/> until it answers true; past <paramref name="deadline"/> the test fails naming <paramref name="what"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> probe, TimeSpan deadline, string what, CancellationToken ct)
    {
        var until = DateTime.UtcNow + deadline;
        while (!await probe())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Not within {deadline.TotalSeconds:0} s: {what}.");
            await Task.Delay(Interval, ct);
        }
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan deadline, string what, CancellationToken ct) =>
        UntilAsync(() => Task.FromResult(condition()), deadline, what, ct);

    /// <summary>Asks <paramref name="probe"/> until it answers a value, and returns it.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, TimeSpan deadline, string what, CancellationToken ct) where T : struct
    {
        T? value = null;
        await UntilAsync(async () => (value = await probe()) is not null, deadline, what, ct);
        return value!.Value;
    }
}
