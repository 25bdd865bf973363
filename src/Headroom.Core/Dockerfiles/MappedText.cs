namespace Headroom.Dockerfiles;

/// <summary>
/// A string assembled from pieces of a source text (for example a RUN line whose continuations were
/// joined), with a map from each character back to its offset in the source.
/// </summary>
public sealed class MappedText
{
    private readonly int[] _segmentStarts;
    private readonly int[] _segmentSourceStarts;

    /// <param name="value">The assembled string.</param>
    /// <param name="segmentStarts">Ascending indexes into <paramref name="value"/> where a new contiguous piece begins (the first is 0).</param>
    /// <param name="segmentSourceStarts">The source offset of each piece's first character.</param>
    public MappedText(string value, int[] segmentStarts, int[] segmentSourceStarts)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(segmentStarts);
        ArgumentNullException.ThrowIfNull(segmentSourceStarts);
        if (segmentStarts.Length != segmentSourceStarts.Length)
        {
            throw new ArgumentException("Segment arrays differ in length.", nameof(segmentSourceStarts));
        }

        Value = value;
        _segmentStarts = segmentStarts;
        _segmentSourceStarts = segmentSourceStarts;
    }

    public string Value { get; }

    /// <summary>The source offset of the character at <paramref name="index"/> (Value.Length maps past the last piece).</summary>
    public int ToSourceOffset(int index)
    {
        if ((uint)index > (uint)Value.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        if (_segmentStarts.Length == 0)
        {
            return 0;
        }

        int i = Array.BinarySearch(_segmentStarts, index);
        if (i < 0)
        {
            i = ~i - 1;
        }

        // Several empty pieces may share a start: take the last one, which holds the character.
        while (i + 1 < _segmentStarts.Length && _segmentStarts[i + 1] == index)
        {
            i++;
        }

        return _segmentSourceStarts[i] + (index - _segmentStarts[i]);
    }

    /// <summary>The source span that the characters <c>[start, start + length)</c> come from (first to last).</summary>
    public Text.TextSpan ToSourceSpan(int start, int length)
    {
        if (length <= 0)
        {
            int at = ToSourceOffset(start);
            return new Text.TextSpan(at, 0);
        }

        return Text.TextSpan.FromBounds(ToSourceOffset(start), ToSourceOffset(start + length - 1) + 1);
    }

    /// <summary>The characters <c>[start, start + length)</c>, still mapped to the source.</summary>
    public MappedText Slice(int start, int length)
    {
        if ((uint)start > (uint)Value.Length || (uint)length > (uint)(Value.Length - start))
        {
            throw new ArgumentOutOfRangeException(nameof(length));
        }

        if (start == 0 && length == Value.Length)
        {
            return this;
        }

        if (length == 0 || _segmentStarts.Length == 0)
        {
            return new MappedText(string.Empty, [0], [ToSourceOffset(start)]);
        }

        int first = Array.BinarySearch(_segmentStarts, start);
        if (first < 0)
        {
            first = ~first - 1;
        }

        while (first + 1 < _segmentStarts.Length && _segmentStarts[first + 1] == start)
        {
            first++;
        }

        int end = start + length;
        var starts = new List<int>();
        var sourceStarts = new List<int>();
        for (int i = first; i < _segmentStarts.Length && _segmentStarts[i] < end; i++)
        {
            int from = Math.Max(_segmentStarts[i], start);
            starts.Add(from - start);
            sourceStarts.Add(_segmentSourceStarts[i] + (from - _segmentStarts[i]));
        }

        return new MappedText(Value.Substring(start, length), [.. starts], [.. sourceStarts]);
    }

    public override string ToString() => Value;
}
