using Headroom.Fuzz;
using SharpFuzz;

// The fuzzing harness: AFL++ feeds inputs through SharpFuzz; a target that throws is a finding.
// usage: Headroom.Fuzz TARGET            (under afl-fuzz, see tests/fuzz/README.md)
//        Headroom.Fuzz TARGET --replay F  (run one input, e.g. a crash AFL++ found)
if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out Action<byte[]>? target))
{
    Console.Error.WriteLine($"usage: Headroom.Fuzz {string.Join('|', FuzzTargets.All.Keys)} [--replay FILE]");
    return 2;
}

if (args.Length == 3 && args[1] == "--replay")
{
    target(File.ReadAllBytes(args[2]));
    Console.WriteLine("no failure");
    return 0;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target(buffer.ToArray());
});
return 0;
