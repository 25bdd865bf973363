using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Headroom.Tests.Images.Remote;

namespace Headroom.Tests.Python.Index;

/// <summary>
/// An in-process HTTP server for the index clients' unit tests: documents by absolute URL with ETag and
/// Last-Modified (304 on a match), HEAD, single absolute ranges (206; 416 for suffix ranges), and a hook
/// that can answer first (fault injection). Counts requests per path.
/// </summary>
internal sealed class FakeIndexServer
{
    private readonly Dictionary<string, (byte[] Body, string Type)> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public FakeIndexServer()
    {
        Handler = new FakeHttpHandler(Respond);
    }

    public FakeHttpHandler Handler { get; }

    /// <summary>Answers before the documents when it returns non-null.</summary>
    public Func<HttpRequestMessage, int, Task<HttpResponseMessage?>>? Hook { get; set; }

    /// <summary>Whether files honour Range (else 200 with the whole body).</summary>
    public bool HonourRanges { get; set; } = true;

    /// <summary>Sent as Cache-Control max-age when set.</summary>
    public int? MaxAge { get; set; }

    /// <summary>Every request's URL, Range and If-None-Match headers, in order.</summary>
    public List<(string Url, string? Range, string? IfNoneMatch)> Log { get; } = [];

    public void Add(string url, byte[] body, string type = "application/octet-stream") => _documents[url] = (body, type);

    public void Add(string url, string body, string type) => Add(url, Encoding.UTF8.GetBytes(body), type);

    public int Count(string url)
    {
        lock (_counts)
        {
            return _counts.GetValueOrDefault(url);
        }
    }


    private async Task<HttpResponseMessage> Respond(HttpRequestMessage request)
    {
        string url = request.RequestUri!.GetLeftPart(UriPartial.Query);
        int seen;
        lock (_counts)
        {
            seen = _counts[url] = _counts.GetValueOrDefault(url) + 1;
            Log.Add((url, request.Headers.Range?.ToString(), request.Headers.IfNoneMatch.Count > 0 ? request.Headers.IfNoneMatch.ToString() : null));
        }

        if (Hook is not null && await Hook(request, seen) is HttpResponseMessage hooked)
        {
            return hooked;
        }

        if (!_documents.TryGetValue(url, out var doc))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new ByteArrayContent([]) };
        }

        string etag = "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(doc.Body))[..16] + "\"";
        if (request.Headers.IfNoneMatch.Any(t => t.Tag == etag))
        {
            var notModified = new HttpResponseMessage(HttpStatusCode.NotModified) { Content = new ByteArrayContent([]) };
            notModified.Headers.ETag = new EntityTagHeaderValue(etag);
            return notModified;
        }

        HttpResponseMessage response;
        RangeHeaderValue? range = request.Headers.Range;
        if (range is not null && HonourRanges)
        {
            RangeItemHeaderValue item = range.Ranges.Single();
            if (item.From is not long from)
            {
                return new HttpResponseMessage(HttpStatusCode.RequestedRangeNotSatisfiable) { Content = new ByteArrayContent([]) };
            }

            long to = Math.Min(item.To ?? doc.Body.Length - 1, doc.Body.Length - 1);
            response = new HttpResponseMessage(HttpStatusCode.PartialContent) { Content = new ByteArrayContent(doc.Body[(int)from..(int)(to + 1)]) };
            response.Content.Headers.ContentRange = new ContentRangeHeaderValue(from, to, doc.Body.Length);
        }
        else
        {
            response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(request.Method == HttpMethod.Head ? [] : doc.Body) };
            response.Content.Headers.ContentLength = doc.Body.Length;
        }

        response.Content.Headers.ContentType = new MediaTypeHeaderValue(doc.Type);
        response.Headers.ETag = new EntityTagHeaderValue(etag);
        if (MaxAge is int age)
        {
            response.Headers.CacheControl = new CacheControlHeaderValue { MaxAge = TimeSpan.FromSeconds(age) };
        }

        return response;
    }

    /// <summary>A real wheel: the files plus a dist-info METADATA, WHEEL and RECORD, deflated.</summary>
    public static byte[] Wheel(string name, string version, string metadataExtra, params (string Path, int Size)[] files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var random = new Random(42);
            foreach (var (path, size) in files)
            {
                byte[] data = new byte[size];
                random.NextBytes(data.AsSpan(0, size / 2));
                using Stream s = zip.CreateEntry(path, CompressionLevel.Optimal).Open();
                s.Write(data);
            }

            string dist = $"{name.Replace('-', '_')}-{version}.dist-info";
            Write(zip, $"{dist}/METADATA", $"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n{metadataExtra}\n\nA description.\n");
            Write(zip, $"{dist}/WHEEL", "Wheel-Version: 1.0\nTag: py3-none-any\n");
            Write(zip, $"{dist}/RECORD", string.Empty);
        }

        return buffer.ToArray();
    }

    /// <summary>The sum of the uncompressed sizes, read independently with ZipArchive over the whole bytes.</summary>
    public static long InstalledSize(byte[] wheel)
    {
        using var zip = new ZipArchive(new MemoryStream(wheel), ZipArchiveMode.Read);
        return zip.Entries.Sum(e => e.Length);
    }

    private static void Write(ZipArchive zip, string path, string text)
    {
        using Stream s = zip.CreateEntry(path).Open();
        s.Write(Encoding.UTF8.GetBytes(text));
    }
}
