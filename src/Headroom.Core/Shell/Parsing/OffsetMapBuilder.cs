namespace Headroom.Shell.Parsing;

internal sealed class OffsetMapBuilder
{
    private readonly List<int> _starts = [];
    private readonly List<int> _ends = [];

    public void Add(int start, int end)
    {
        _starts.Add(start);
        _ends.Add(end);
    }

    /// <param name="emptyPosition">Where the end of an empty script maps.</param>
    public OffsetMap Build(int emptyPosition)
    {
        _starts.Add(_ends.Count > 0 ? _ends[^1] : emptyPosition);
        return new OffsetMap([.. _starts], [.. _ends]);
    }
}
