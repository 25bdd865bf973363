namespace Headroom.Diff;

/// <summary>A size before and after a change.</summary>
public sealed record SizeChange(long Before, long After)
{
    /// <summary><c>After - Before</c>: negative when the change saves bytes.</summary>
    public long Delta => After - Before;

    /// <summary><c>Before - After</c>: positive when the change saves bytes.</summary>
    public long SavedBytes => Before - After;

    /// <summary>The saved bytes over the size before (negative when it grew; 0 when there was nothing before), rounded to 4 places.</summary>
    public double SavedFraction => Before == 0 ? 0 : Math.Round((double)SavedBytes / Before, 4);
}
