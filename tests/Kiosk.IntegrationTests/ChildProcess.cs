using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Kiosk.IntegrationTests;

/// <summary>
/// A process the test starts itself (not through the AppHost): its output is kept for the failure message, a line can be
/// awaited, and stopping it is bounded — a polite signal first, then a kill of the whole tree.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _stopSignal;

    private ChildProcess(Process process, string stopSignal)
    {
        _process = process;
        _stopSignal = stopSignal;
    }

    public string Name { get; private init; } = "";

    public int Id => _process.Id;

    /// <summary>Starts <paramref name="command"/>; <paramref name="stopSignal"/> (e.g. <c>INT</c>) is what asks it to stop.</summary>
    public static ChildProcess Start(string name, string command, IEnumerable<string> args, string stopSignal,
        string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(command, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process, stopSignal) { Name = name };
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs a one-shot command to its end and fails with its output when it does not succeed.</summary>
    public static async Task RunAsync(string name, string command, IEnumerable<string> args, TimeSpan patience)
    {
        await using var child = Start(name, command, args, stopSignal: "TERM");
        var exitCode = await child.WaitForExitAsync(patience);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{name} exited with {exitCode}.{child.Output()}");
        }
    }

    /// <summary>The exit code, once the process ends; a <see cref="TimeoutException"/> with its output if it runs on.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not finish within {patience.TotalSeconds:0} s.{Output()}");
        }
        return _process.ExitCode;
    }

    /// <summary>Waits for an output line matching <paramref name="pattern"/> and returns its first group.</summary>
    public async Task<string> WaitForLineAsync(Regex pattern, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            if (_output.Select(line => pattern.Match(line)).FirstOrDefault(m => m.Success) is { } match)
            {
                return match.Groups[1].Value;
            }
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before writing /{pattern}/.{Output()}");
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} did not write /{pattern}/ within {patience.TotalSeconds:0} s.{Output()}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Everything the process wrote (up to the last 2,000 lines).</summary>
    public string Text => string.Join(Environment.NewLine, _output);

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string Output() => $"{Environment.NewLine}{Name} output:{Environment.NewLine}{string.Join(Environment.NewLine, _output.TakeLast(40))}";

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > 2000 && _output.TryDequeue(out _))
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                using (var signal = Process.Start("kill", [$"-{_stopSignal}", _process.Id.ToString()]))
                {
                    await signal.WaitForExitAsync();
                }
                using var stopped = new CancellationTokenSource(StopPatience);
                try
                {
                    await _process.WaitForExitAsync(stopped.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
        finally
        {
            _process.Dispose();
        }
    }
}
