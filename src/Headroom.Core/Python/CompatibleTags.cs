namespace Headroom.Python;

/// <summary>
/// The wheel tags an interpreter accepts, most preferred first, as <c>packaging.tags.sys_tags()</c> (and so
/// pip) generates them on Linux: the interpreter's own ABI, abi3, none, older abi3, then <c>pyXY</c>
/// and <c>any</c>; platforms from the newest <c>manylinux_2_N</c> (with the PEP 600 legacy aliases
/// manylinux2014/2010/1) or <c>musllinux_1_N</c> (PEP 656) down, then <c>linux_ARCH</c>.
/// </summary>
public static class CompatibleTags
{
    private static readonly Dictionary<(int, int), string> LegacyManylinux = new()
    {
        [(2, 17)] = "manylinux2014",
        [(2, 12)] = "manylinux2010",
        [(2, 5)] = "manylinux1",
    };

    public static IReadOnlyList<WheelTag> For(TargetEnvironment target)
    {
        ArgumentNullException.ThrowIfNull(target);
        string[] platforms = [.. Platforms(target)];
        var tags = new List<WheelTag>();
        string interpreter = target.InterpreterTag;
        bool cpython = target.Implementation == "cp";
        bool abi3 = cpython && !target.FreeThreaded && target.PythonMajor == 3 && target.PythonMinor >= 2;

        tags.AddRange(platforms.Select(p => new WheelTag(interpreter, target.Abi, p)));
        if (abi3)
        {
            tags.AddRange(platforms.Select(p => new WheelTag(interpreter, "abi3", p)));
        }

        tags.AddRange(platforms.Select(p => new WheelTag(interpreter, "none", p)));
        if (abi3)
        {
            for (int minor = target.PythonMinor - 1; minor > 1; minor--)
            {
                string older = $"cp{target.PythonMajor}{minor}";
                tags.AddRange(platforms.Select(p => new WheelTag(older, "abi3", p)));
            }
        }

        string[] pyRange = [.. PyInterpreterRange(target)];
        foreach (string py in pyRange)
        {
            tags.AddRange(platforms.Select(p => new WheelTag(py, "none", p)));
        }

        tags.Add(new WheelTag(interpreter, "none", "any"));
        tags.AddRange(pyRange.Select(py => new WheelTag(py, "none", "any")));
        return tags;
    }

    /// <summary>The Linux platform tags for the target, most specific first.</summary>
    public static IEnumerable<string> Platforms(TargetEnvironment target)
    {
        ArgumentNullException.ThrowIfNull(target);
        string arch = target.Architecture;
        if (target.Libc == LibcKind.Glibc)
        {
            // manylinux_2_5 is the oldest for x86_64/i686; other architectures start at 2_17.
            int oldest = arch is "x86_64" or "i686" ? 5 : 17;
            for (int minor = target.LibcMinor; minor >= oldest; minor--)
            {
                yield return $"manylinux_{target.LibcMajor}_{minor}_{arch}";
                if (target.LibcMajor == 2 && LegacyManylinux.TryGetValue((2, minor), out string? legacy))
                {
                    yield return $"{legacy}_{arch}";
                }
            }
        }
        else
        {
            for (int minor = target.LibcMinor; minor >= 0; minor--)
            {
                yield return $"musllinux_{target.LibcMajor}_{minor}_{arch}";
            }
        }

        yield return $"linux_{arch}";
    }

    private static IEnumerable<string> PyInterpreterRange(TargetEnvironment target)
    {
        yield return $"py{target.PythonMajor}{target.PythonMinor}";
        yield return $"py{target.PythonMajor}";
        for (int minor = target.PythonMinor - 1; minor >= 0; minor--)
        {
            yield return $"py{target.PythonMajor}{minor}";
        }
    }
}
