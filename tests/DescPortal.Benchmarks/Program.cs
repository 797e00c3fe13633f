using BenchmarkDotNet.Running;
using DescPortal.Benchmarks;

// Benchmarks and load harnesses; not run by the test suite. See docs/performance.md for the commands and figures.
//   upload   --portal URL --blobs CONN [--runs 20]   API submission of three 10 MB JPEGs beside a raw Azurite upload
//   circuits --portal URL [--circuits 20]            memory per interactive circuit on /queue (Chromium)
//   library-search [--specimens 1000] [--iterations 200]  search latency over generated specimens (in-process portal;
//                                                          DESC_TEST_POSTGRES / DESC_TEST_BLOBS as for the tests)
//   specimen-page --portal URL [--runs 20]      time to open /library/{id} (3 images) and switch to UV (Chromium)
//   mrz [--seconds 5]                           MRZ checks per second on one thread (TD3, TD2, TD1 vectors)
//   workspace --portal URL [--runs 20] [--megapixels 50]  time to the first deep zoom tile of a large evidence image (Chromium)
//   tiles [--megapixels 50] [--runs 3]          Deep Zoom pyramid by the portal's code beside `vips dzsave` (time, peak memory)
//   report [--runs 20] [--out FILE.pdf] [--sample two-documents|awkward]  expert reports per minute (template + Chromium)
//                                               beside bare Chromium printing the same HTML; cold and warm; the browser's memory
//   custody [--cases 200] [--writers 8] [--downloads 30]  events appended a second with and without the custody chain;
//                                               10 MB originals served a second with and without hashing them
//                                               (DESC_TEST_POSTGRES / DESC_TEST_BLOBS as for the tests)
//   anything else goes to BenchmarkDotNet, e.g. --filter '*Validation*' --job short
return args.FirstOrDefault() switch
{
    "upload" => await UploadBenchmark.RunAsync(Options.Parse(args[1..])),
    "circuits" => await CircuitBenchmark.RunAsync(Options.Parse(args[1..])),
    "library-search" => await LibrarySearchBenchmark.RunAsync(Options.Parse(args[1..])),
    "specimen-page" => await SpecimenPageBenchmark.RunAsync(Options.Parse(args[1..])),
    "workspace" => await WorkspaceBenchmark.RunAsync(Options.Parse(args[1..])),
    "tiles" => await TilesBenchmark.RunAsync(Options.Parse(args[1..])),
    "tiles-child" => TilesBenchmark.RunChild(Options.Parse(args[1..])),
    "mrz" => MrzBenchmark.Run(Options.Parse(args[1..])),
    "report" => await ReportBenchmark.RunAsync(Options.Parse(args[1..])),
    "custody" => await CustodyBenchmark.RunAsync(Options.Parse(args[1..])),
    _ => RunBenchmarkDotNet(args),
};

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(ValidationBenchmarks).Assembly).Run(args);
    return 0;
}
