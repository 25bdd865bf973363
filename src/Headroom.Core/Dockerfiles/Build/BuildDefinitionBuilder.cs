using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Headroom.Diagnostics;
using Headroom.Dockerfiles.Expansion;
using Headroom.Text;

namespace Headroom.Dockerfiles.Build;

/// <summary>
/// Builds a <see cref="BuildDefinition"/> following dockerfile2llb: instructions.Parse (stages and meta
/// args), buildMetaArgs, buildDispatchStates (FROM expansion, bases), the dependency graph, the target
/// and the reachable stages, and dispatch (ENV and ARG scoping).
/// </summary>
internal sealed partial class BuildDefinitionBuilder
{
    /// <summary>BuildKit's default PATH for Linux (util/system.DefaultPathEnv).</summary>
    internal const string DefaultLinuxPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private readonly DockerfileSyntax _syntax;
    private readonly BuildOptions _options;
    private readonly WordExpander _expander;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<BuildStage> _stages = [];
    private readonly Dictionary<BuildStage, List<Instruction>> _stageInstructions = [];
    private readonly List<Instruction> _metaArgInstructions = [];
    private readonly HashSet<string> _declaredGlobalArgs = new(StringComparer.Ordinal);

    // Problems BuildKit only meets when it builds the stage: errors if the target needs it, else warnings.
    private readonly List<(BuildStage Stage, string Code, string Message, TextSpan Span)> _dispatchProblems = [];

    public BuildDefinitionBuilder(DockerfileSyntax syntax, BuildOptions options)
    {
        _syntax = syntax;
        _options = options;
        _expander = new WordExpander(syntax.EscapeChar);
    }

    public BuildDefinition Build()
    {
        SplitIntoStages();
        VariableEnvironment globals = DefaultArgs();
        ImmutableArray<BuildInstruction> globalArgs = BuildMetaArgs(ref globals);

        var stagesByName = new Dictionary<string, BuildStage>(StringComparer.Ordinal);
        foreach (BuildStage stage in _stages)
        {
            ResolveFrom(stage, globals, stagesByName);
            if (stage.Name is not null)
            {
                stagesByName[stage.Name] = stage;
            }

            Dispatch(stage, globals);
        }

        foreach (BuildStage stage in _stages)
        {
            AddDependencies(stage);
        }

        ReportCycles();
        BuildStage? target = ResolveTarget();
        if (target is not null)
        {
            MarkReachable(target);
        }

        foreach ((BuildStage stage, string code, string message, TextSpan span) in _dispatchProblems)
        {
            Report(stage.IsReachable ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, code, message, span);
        }

        ImmutableArray<Diagnostic> diagnostics =
        [
            .. _diagnostics.OrderBy(d => d.Span.Start).ThenBy(d => d.Code, StringComparer.Ordinal),
        ];
        return new BuildDefinition(_syntax, _options, _expander, globalArgs, globals, [.. _stages], target, diagnostics);
    }

    private void SplitIntoStages()
    {
        List<Instruction>? current = null;
        foreach (Instruction instruction in _syntax.Instructions)
        {
            if (!instruction.IsKnown)
            {
                Report(DiagnosticSeverity.Error, BuildDiagnosticCodes.UnknownInstruction, $"unknown instruction: {instruction.Name}", instruction);
                continue;
            }

            if (instruction.Name == InstructionNames.From)
            {
                var stage = new BuildStage(_stages.Count, StageName(instruction), instruction);
                _stages.Add(stage);
                current = [];
                _stageInstructions[stage] = current;
            }
            else if (current is not null)
            {
                current.Add(instruction);
            }
            else if (instruction.Name == InstructionNames.Arg)
            {
                _metaArgInstructions.Add(instruction);
            }
            else
            {
                Report(DiagnosticSeverity.Error, BuildDiagnosticCodes.NoBuildStage, "no build stage in current context", instruction);
            }
        }

        if (_stages.Count == 0)
        {
            Report(DiagnosticSeverity.Error, BuildDiagnosticCodes.NoStages, "dockerfile contains no stages to build", new TextSpan(0, 0));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (BuildStage stage in _stages.Where(stage => stage.Name is not null && !seen.Add(stage.Name)))
        {
            Report(DiagnosticSeverity.Warning, BuildDiagnosticCodes.DuplicateStageName, $"Duplicate stage name \"{stage.Name}\", stage names should be unique", stage.From);
        }
    }

    private string? StageName(Instruction from)
    {
        ImmutableArray<string> args = from.Args;
        if (args.Length == 3 && string.Equals(args[1], "as", StringComparison.OrdinalIgnoreCase))
        {
            string name = args[2].ToLowerInvariant();
            if (ValidStageName().IsMatch(name))
            {
                return name;
            }

            Report(DiagnosticSeverity.Error, BuildDiagnosticCodes.InvalidFrom, $"invalid name for build stage: \"{args[2]}\", name can't start with a number or contain symbols", from);
        }
        else if (args.Length != 1)
        {
            Report(DiagnosticSeverity.Error, BuildDiagnosticCodes.InvalidFrom, "FROM requires either one or three arguments", from);
        }

        return null;
    }

    [GeneratedRegex("^[a-z][a-z0-9-_.]*$")]
    private static partial Regex ValidStageName();

    /// <summary>BuildKit's defaultArgs: the platform args and TARGETSTAGE, each overridable by a build arg.</summary>
    private VariableEnvironment DefaultArgs()
    {
        Platform build = _options.BuildPlatform;
        Platform target = _options.EffectiveTargetPlatform;
        string targetStage = _options.Target ?? _stages.LastOrDefault()?.Name ?? string.Empty;
        (string Name, string Value)[] defaults =
        [
            (PredefinedArgs.BuildPlatform, build.ToString()),
            (PredefinedArgs.BuildOs, build.Os),
            (PredefinedArgs.BuildOsVersion, string.Empty),
            (PredefinedArgs.BuildArch, build.Architecture),
            (PredefinedArgs.BuildVariant, build.Variant),
            (PredefinedArgs.TargetPlatform, target.ToString()),
            (PredefinedArgs.TargetOs, target.Os),
            (PredefinedArgs.TargetOsVersion, string.Empty),
            (PredefinedArgs.TargetArch, target.Architecture),
            (PredefinedArgs.TargetVariant, target.Variant),
            (PredefinedArgs.TargetStage, targetStage.Length == 0 ? "default" : targetStage),
        ];
        VariableEnvironment result = VariableEnvironment.Empty;
        foreach ((string name, string value) in defaults)
        {
            result = result.Set(name, _options.BuildArgs.GetValueOrDefault(name, value));
        }

        return result;
    }

    /// <summary>BuildKit's buildMetaArgs: global ARGs in order, build args winning over defaults.</summary>
    private ImmutableArray<BuildInstruction> BuildMetaArgs(ref VariableEnvironment globals)
    {
        ImmutableArray<BuildInstruction>.Builder result = ImmutableArray.CreateBuilder<BuildInstruction>();
        foreach (Instruction instruction in _metaArgInstructions)
        {
            ExpandedInstruction expanded = InstructionExpander.Expand(instruction, globals, _expander, _options.BuildArgs);
            result.Add(new BuildInstruction(instruction, null, globals, [.. _declaredGlobalArgs], expanded));
            ReportFailures(expanded, stage: null);
            foreach ((string name, string? value) in ArgValues(instruction, expanded))
            {
                _declaredGlobalArgs.Add(name);
                if (value is not null)
                {
                    globals = globals.Set(name, value);
                }
                else if (_options.BuildArgs.TryGetValue(name, out string? given))
                {
                    globals = globals.Set(name, given);
                }
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The name and value (null when none) of each ARG, after expansion; reports blank names.</summary>
    private IEnumerable<(string Name, string? Value)> ArgValues(Instruction instruction, ExpandedInstruction expanded)
    {
        foreach (string arg in expanded.Args)
        {
            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals == 0)
            {
                Report(DiagnosticSeverity.Error, BuildDiagnosticCodes.ExpansionError, "ARG names can not be blank", instruction);
                continue;
            }

            yield return equals < 0 ? (arg, null) : (arg[..equals], arg[(equals + 1)..]);
        }
    }

    /// <summary>BuildKit's buildDispatchStates for one stage: base name, platform, base stage.</summary>
    private void ResolveFrom(BuildStage stage, VariableEnvironment globals, Dictionary<string, BuildStage> stagesByName)
    {
        Instruction from = stage.From;
        ExpandedInstruction expanded = InstructionExpander.Expand(from, globals, _expander);
        stage.FromInstruction = new BuildInstruction(from, stage, globals, [], expanded);
        ReportFailures(expanded, stage: null);

        foreach (string name in expanded.Unmatched.Order(StringComparer.Ordinal))
        {
            if (!_declaredGlobalArgs.Contains(name) && !globals.Contains(name))
            {
                Report(DiagnosticSeverity.Warning, BuildDiagnosticCodes.UndefinedArgInFrom, $"FROM argument '{name}' is not declared", from);
            }
        }

        if (expanded.Succeeded && !expanded.Args.IsEmpty)
        {
            stage.BaseImage = expanded.Args[0];
            if (stage.BaseImage.Length == 0)
            {
                Report(DiagnosticSeverity.Error, BuildDiagnosticCodes.BlankBaseName, $"base name ({stage.BaseName}) should not be blank", from);
            }
        }

        if (stagesByName.TryGetValue(stage.BaseImage, out BuildStage? baseStage))
        {
            stage.BaseStage = baseStage;
        }

        ResolvePlatform(stage, expanded);
    }

    private void ResolvePlatform(BuildStage stage, ExpandedInstruction expanded)
    {
        InstructionFlag? flag = stage.From.Flags.LastOrDefault(f => f.Name == "platform");
        stage.PlatformExpression = flag?.Value;
        string? value = expanded.GetFlag("platform");
        if (flag is not null && expanded.Succeeded)
        {
            if (string.IsNullOrEmpty(value))
            {
                Report(DiagnosticSeverity.Error, BuildDiagnosticCodes.InvalidPlatform, $"empty platform value from expression {flag.Value}", flag.Span);
            }
            else if (Platform.TryParse(value, out Platform? platform))
            {
                stage.ExplicitPlatform = platform;
            }
            else
            {
                Report(DiagnosticSeverity.Error, BuildDiagnosticCodes.InvalidPlatform, $"failed to parse platform {flag.Value}: \"{value}\" is not a valid platform", flag.Span);
            }
        }

        stage.Platform = stage.ExplicitPlatform ?? stage.BaseStage?.Platform ?? _options.EffectiveTargetPlatform;
    }

    /// <summary>BuildKit's dispatch for the variables: ENV and ARG in order, starting from the base.</summary>
    private void Dispatch(BuildStage stage, VariableEnvironment globals)
    {
        VariableEnvironment variables;
        VariableEnvironment image;
        ImmutableHashSet<string> declared;
        if (stage.BaseStage is { } baseStage)
        {
            variables = baseStage.FinalVariables;
            image = baseStage.ImageEnvironment;
            declared = baseStage.FinalDeclaredArgs;
        }
        else
        {
            // BuildKit adds PATH when the image config has none (all but Windows); an image's own ENV is unknown.
            image = stage.Platform.Os == "windows"
                ? VariableEnvironment.Empty
                : VariableEnvironment.Empty.Set("PATH", DefaultLinuxPath);
            variables = image;
            declared = ImmutableHashSet.Create<string>(StringComparer.Ordinal);
        }

        ImmutableArray<BuildInstruction>.Builder instructions = ImmutableArray.CreateBuilder<BuildInstruction>();
        foreach (Instruction instruction in _stageInstructions[stage])
        {
            bool isArg = instruction.Name == InstructionNames.Arg;
            ExpandedInstruction expanded = InstructionExpander.Expand(instruction, variables, _expander, isArg ? _options.BuildArgs : null);
            instructions.Add(new BuildInstruction(instruction, stage, variables, declared, expanded));
            ReportFailures(expanded, stage);

            if (instruction.Name == InstructionNames.Env)
            {
                for (int i = 0; i + 1 < expanded.Args.Length; i += 3)
                {
                    variables = variables.Set(expanded.Args[i], expanded.Args[i + 1]);
                    image = image.Set(expanded.Args[i], expanded.Args[i + 1]);
                }
            }
            else if (isArg)
            {
                foreach ((string name, string? given) in ArgValues(instruction, expanded))
                {
                    string? value = given;
                    if (value is null && !_options.BuildArgs.TryGetValue(name, out value) && globals.TryGetValue(name, out string? global))
                    {
                        value = global;
                    }

                    if (value is not null && name is not (PredefinedArgs.SbomScanContext or PredefinedArgs.SbomScanStage))
                    {
                        variables = variables.Set(name, value);
                    }

                    declared = declared.Add(name);
                }
            }
        }

        stage.Instructions = instructions.ToImmutable();
        stage.FinalVariables = variables;
        stage.ImageEnvironment = image;
        stage.FinalDeclaredArgs = declared;
    }

    private void AddDependencies(BuildStage stage)
    {
        ImmutableArray<StageDependency>.Builder dependencies = ImmutableArray.CreateBuilder<StageDependency>();
        if (stage.BaseStage is not null)
        {
            dependencies.Add(new StageDependency(StageDependencyKind.BaseStage, null, stage.BaseImage, stage.BaseStage, null));
        }

        foreach (BuildInstruction instruction in stage.Instructions)
        {
            if (instruction.Instruction.Name == InstructionNames.Copy)
            {
                AddCopyFrom(stage, instruction, dependencies);
            }
            else if (instruction.Instruction.Name == InstructionNames.Run)
            {
                AddMounts(stage, instruction, dependencies);
            }
        }

        stage.Dependencies = dependencies.ToImmutable();
    }

    private void AddCopyFrom(BuildStage stage, BuildInstruction instruction, ImmutableArray<StageDependency>.Builder dependencies)
    {
        InstructionFlag? flag = instruction.Instruction.Flags.LastOrDefault(f => f.Name == "from");
        if (flag?.Value is not { Length: > 0 } reference)
        {
            return;
        }

        if (_expander.ExpandWord(reference, VariableEnvironment.Empty).Value != reference)
        {
            Report(DiagnosticSeverity.Error, BuildDiagnosticCodes.VariableInFrom, "variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround", flag.Span);
            return;
        }

        BuildStage? source;
        if (StageReference.TryParseIndex(reference, out int index))
        {
            if (index < 0 || index >= _stages.Count)
            {
                Report(DiagnosticSeverity.Error, BuildDiagnosticCodes.InvalidStageIndex, $"invalid stage index {index}", flag.Span);
                return;
            }

            source = _stages[index];
        }
        else
        {
            source = FindStageByName(reference);
        }

        dependencies.Add(new StageDependency(StageDependencyKind.CopyFrom, instruction, reference, source, null));
        CheckOrder(stage, source, flag.Span, $"cannot copy from stage \"{reference}\", it needs to be defined before current stage \"{stage.DisplayName}\"");
    }

    private void AddMounts(BuildStage stage, BuildInstruction instruction, ImmutableArray<StageDependency>.Builder dependencies)
    {
        foreach (InstructionFlag flag in instruction.Instruction.Flags.Where(f => f.Name == "mount" && f.Value is not null))
        {
            if (!RunMount.TryParse(flag.Value!, out RunMount? mount, out string? error))
            {
                Report(DiagnosticSeverity.Error, BuildDiagnosticCodes.InvalidMount, error, flag.Span);
                continue;
            }

            if (mount.From is not { } reference)
            {
                continue;
            }

            // Mounts name stages by name only; a number is an image name here, as in BuildKit.
            BuildStage? source = FindStageByName(reference);
            dependencies.Add(new StageDependency(StageDependencyKind.RunMount, instruction, reference, source, mount));
            CheckOrder(stage, source, flag.Span, $"cannot mount from stage \"{reference}\" to \"{mount.Target}\", stage needs to be defined before current command");
        }
    }

    private void CheckOrder(BuildStage stage, BuildStage? source, TextSpan span, string message)
    {
        if (source == stage)
        {
            Report(DiagnosticSeverity.Error, BuildDiagnosticCodes.CircularDependency, $"circular dependency detected on stage: {stage.DisplayName}", span);
        }
        else if (source is not null && source.Index > stage.Index)
        {
            _dispatchProblems.Add((stage, BuildDiagnosticCodes.FromLaterStage, message, span));
        }
    }

    private BuildStage? FindStageByName(string name)
    {
        string lower = name.ToLowerInvariant();
        return _stages.LastOrDefault(stage => stage.Name == lower);
    }

    /// <summary>BuildKit's validateCircularDependency, for cycles through more than one stage.</summary>
    private void ReportCycles()
    {
        var visited = new HashSet<BuildStage>();
        var path = new HashSet<BuildStage>();
        foreach (BuildStage stage in _stages)
        {
            if (Visit(stage) is { } closing)
            {
                TextSpan span = closing.Instruction is { } instruction ? InstructionSpan(instruction.Instruction) : InstructionSpan(stage.From);
                Report(DiagnosticSeverity.Error, BuildDiagnosticCodes.CircularDependency, $"circular dependency detected on stage: {stage.DisplayName}", span);
                return;
            }
        }

        StageDependency? Visit(BuildStage stage)
        {
            if (!visited.Add(stage))
            {
                return null;
            }

            path.Add(stage);
            foreach (StageDependency dependency in stage.Dependencies)
            {
                if (dependency.Stage is not { } next || next == stage)
                {
                    continue;
                }

                if (path.Contains(next))
                {
                    return dependency;
                }

                if (Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.Remove(stage);
            return null;
        }
    }

    private BuildStage? ResolveTarget()
    {
        if (_stages.Count == 0)
        {
            return null;
        }

        if (_options.Target is null)
        {
            return _stages[^1];
        }

        BuildStage? target = FindStageByName(_options.Target);
        if (target is null)
        {
            string names = string.Join(", ", _stages.Where(s => s.Name is not null).Select(s => s.Name));
            Report(DiagnosticSeverity.Error, BuildDiagnosticCodes.UnknownTarget, $"target stage \"{_options.Target}\" could not be found (stages: {(names.Length == 0 ? "none named" : names)})", new TextSpan(0, 0));
        }

        return target;
    }

    private static void MarkReachable(BuildStage stage)
    {
        if (stage.IsReachable)
        {
            return;
        }

        stage.IsReachable = true;
        foreach (StageDependency dependency in stage.Dependencies)
        {
            if (dependency.Stage is { } next)
            {
                MarkReachable(next);
            }
        }
    }

    private void ReportFailures(ExpandedInstruction expanded, BuildStage? stage)
    {
        foreach (ExpansionFailure failure in expanded.Failures)
        {
            string code = failure.Error.Kind == ExpansionErrorKind.RequiredVariable
                ? BuildDiagnosticCodes.RequiredVariable
                : BuildDiagnosticCodes.ExpansionError;
            TextSpan span = InstructionSpan(expanded.Instruction);
            if (stage is null)
            {
                Report(DiagnosticSeverity.Error, code, failure.Message, span);
            }
            else
            {
                _dispatchProblems.Add((stage, code, failure.Message, span));
            }
        }
    }

    private void Report(DiagnosticSeverity severity, string code, string message, Instruction instruction) =>
        Report(severity, code, message, InstructionSpan(instruction));

    private void Report(DiagnosticSeverity severity, string code, string message, TextSpan span) =>
        _diagnostics.Add(Diagnostic.Create(severity, code, message, _syntax.Source, span));

    /// <summary>From the keyword to the end of the instruction, without the final line break.</summary>
    private TextSpan InstructionSpan(Instruction instruction)
    {
        int end = instruction.Span.End;
        string text = _syntax.Source.Text;
        while (end > instruction.KeywordSpan.Start && text[end - 1] is '\n' or '\r')
        {
            end--;
        }

        return TextSpan.FromBounds(instruction.KeywordSpan.Start, end);
    }
}
