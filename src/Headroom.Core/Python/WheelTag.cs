namespace Headroom.Python;

/// <summary>One PEP 425 compatibility tag: interpreter, ABI and platform (<c>cp312-cp312-manylinux_2_17_x86_64</c>).</summary>
public readonly record struct WheelTag(string Interpreter, string Abi, string Platform)
{
    public override string ToString() => $"{Interpreter}-{Abi}-{Platform}";
}
