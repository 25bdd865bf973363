using Headroom.Dockerfiles.Build;
using Headroom.Dockerfiles.Run;

namespace Headroom.Rules.Dockerfile;

/// <summary>
/// Something an instruction leaves in its layer (DF005): <paramref name="Directory"/> for <see cref="LayerContent.Files"/>
/// (null for a cache whose place is unknown), <paramref name="What"/> for messages (<c>'pip install'</c>, <c>COPY</c>),
/// and the shell-form script of a RUN writer (the fix appends there).
/// </summary>
internal sealed record LayerWrite(BuildInstruction Instruction, RunScript? Script, LayerContent Content, string? Directory, string What);
