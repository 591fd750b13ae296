using System.Text;
using ZhArticleAnalyzer.Cli;

namespace ZhArticleAnalyzer.Tests.Cli;

/// <summary>Runs the sample console in-process with captured streams.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(string[] args, byte[]? stdin = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(new MemoryStream(stdin ?? []), output, error, IsErrorTerminal: false);
        var exitCode = await CliApp.RunAsync(args, console);
        return (exitCode, output.ToString(), error.ToString());
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
