using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Headroom.Diagnostics;

namespace Headroom.Dockerfiles;

/// <summary>
/// The JSON form of a parse (<c>headroom dockerfile dump --format json</c>, documented in
/// docs/dockerfile-dump.md). The args are the strings that <see cref="SexpPrinter"/> prints, in the same
/// order; an ONBUILD instruction carries its wrapped instruction as <c>"inner"</c>.
/// </summary>
public static class DockerfileJsonDump
{
    public const int SchemaVersion = 1;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The document as a string, with a final newline.</summary>
    public static string ToJson(DockerfileSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Write(writer, syntax);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    public static void Write(Utf8JsonWriter writer, DockerfileSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(syntax);
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", SchemaVersion);
        writer.WriteString("escapeChar", syntax.EscapeChar.ToString());
        writer.WriteStartObject("directives");
        foreach (ParserDirective directive in syntax.Directives)
        {
            writer.WriteString(directive.Name, Clean(directive.Value));
        }

        writer.WriteEndObject();
        writer.WriteStartArray("instructions");
        foreach (Instruction instruction in syntax.Instructions)
        {
            WriteInstruction(writer, instruction);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("diagnostics");
        foreach (Diagnostic diagnostic in syntax.Diagnostics)
        {
            writer.WriteStartObject();
            writer.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
            writer.WriteString("code", diagnostic.Code);
            writer.WriteString("message", Clean(diagnostic.Message));
            writer.WriteNumber("line", diagnostic.Start.Line);
            writer.WriteNumber("column", diagnostic.Start.Column);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteInstruction(Utf8JsonWriter writer, Instruction instruction)
    {
        writer.WriteStartObject();
        writer.WriteString("instruction", Clean(instruction.Name));
        writer.WriteNumber("line", instruction.StartLine);
        writer.WriteNumber("endLine", instruction.EndLine);
        writer.WriteStartArray("flags");
        foreach (InstructionFlag flag in instruction.Flags)
        {
            writer.WriteStringValue(Clean(flag.Raw));
        }

        writer.WriteEndArray();
        writer.WriteStartArray("args");
        foreach (string arg in instruction.Args)
        {
            writer.WriteStringValue(Clean(arg));
        }

        writer.WriteEndArray();
        writer.WriteBoolean("json", instruction.IsJson);
        writer.WriteStartArray("heredocs");
        foreach (Heredoc heredoc in instruction.Heredocs)
        {
            writer.WriteStartObject();
            writer.WriteString("name", Clean(heredoc.Name));
            writer.WriteString("body", Clean(heredoc.Body));
            writer.WriteBoolean("expand", heredoc.Expand);
            writer.WriteBoolean("stripTabs", heredoc.StripTabs);
            if (heredoc.FileDescriptor is { } fd)
            {
                writer.WriteNumber("fileDescriptor", fd);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (instruction.Inner != null)
        {
            writer.WritePropertyName("inner");
            WriteInstruction(writer, instruction.Inner);
        }

        writer.WriteEndObject();
    }

    /// <summary>Lone surrogates cannot be written as UTF-8: they become U+FFFD, as Go would print them.</summary>
    private static string Clean(string value)
    {
        int i = 0;
        for (; i < value.Length; i++)
        {
            if (char.IsSurrogate(value[i]))
            {
                break;
            }
        }

        if (i == value.Length)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }
}
