using System.Diagnostics;
using System.Globalization;
using DescPortal.Core.Mrz;

namespace DescPortal.Benchmarks;

/// <summary>
/// MRZ checks per second on one thread (MrzCheck.TryRun: read, check digits, dates, result objects): the ICAO Utopia
/// TD3, TD2 and TD1 vectors, each alone for --seconds, then the three in turn for --seconds. The target is over
/// 100,000 checks per second for TD3 on one core. Allocation per check is read from the thread's allocation counter.
/// </summary>
public static class MrzBenchmark
{
    private static readonly (string Format, string Mrz)[] Vectors =
    [
        ("TD3", "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"),
        ("TD2", "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6"),
        ("TD1", "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"),
    ];

    private const int Batch = 1_000;

    public static int Run(Options args)
    {
        var seconds = args.Number("seconds", 5);
        if (seconds is <= 0 or > 600)
            throw new ArgumentException("--seconds must be more than 0 and at most 600.");

        Machine.Print(Machine.CommandOf("mrz", [$"--seconds {seconds.ToString(CultureInfo.InvariantCulture)}"]));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var (format, mrz) in Vectors)
        {
            if (!MrzCheck.TryRun(mrz, today, out var result) || !result.Valid || result.Format?.ToString() != format)
            {
                Console.Error.WriteLine($"The {format} vector does not check as a valid {format}; nothing measured.");
                return 1;
            }
        }

        // Warm-up, so that the measured loops run tiered-up code.
        Measure([.. Vectors.Select(v => v.Mrz)], today, Math.Min(1, seconds));

        Console.WriteLine($"single thread, {seconds.ToString(CultureInfo.InvariantCulture)} s per row, dates read against {today:yyyy-MM-dd}");
        Console.WriteLine($"{"vector",-20} {"checks/s",12} {"µs/check",9} {"bytes/check",12}");
        foreach (var (format, mrz) in Vectors)
        {
            Print(format, Measure([mrz], today, seconds));
        }
        Print("all three in turn", Measure([.. Vectors.Select(v => v.Mrz)], today, seconds));
        return 0;
    }

    private static void Print(string name, (long Checks, double Seconds, long Bytes) run)
    {
        var perSecond = run.Checks / run.Seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-20} {perSecond,12:N0} {1e6 / perSecond,9:F2} {(double)run.Bytes / run.Checks,12:F0}"));
    }

    private static (long Checks, double Seconds, long Bytes) Measure(string[] inputs, DateOnly today, double seconds)
    {
        var budget = (long)(Stopwatch.Frequency * seconds);
        long checks = 0, valid = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        while (watch.ElapsedTicks < budget)
        {
            for (var i = 0; i < Batch; i++)
            {
                foreach (var input in inputs)
                {
                    if (MrzCheck.TryRun(input, today, out var result) && result.Valid)
                        valid++;
                }
            }
            checks += Batch * inputs.Length;
        }
        watch.Stop();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        if (valid != checks)
            throw new InvalidOperationException($"{checks - valid} of {checks} checks were not valid.");
        return (checks, watch.Elapsed.TotalSeconds, bytes);
    }
}
