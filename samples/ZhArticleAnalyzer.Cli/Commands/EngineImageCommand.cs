using System.CommandLine;
using System.Globalization;
using ZhArticleAnalyzer.Segmentation.Engine;

namespace ZhArticleAnalyzer.Cli.Commands;

/// <summary>
/// <c>engine-image</c>: writes the engine's binary image of jieba's data files, the one the library
/// ships as dictionaries/jieba/engine.bin. Run it after changing those files (a test fails until then).
/// </summary>
internal static class EngineImageCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new Option<string>("--data") { Description = "Folder with jieba's data files (dict.txt, the HMM tables).", DefaultValueFactory = _ => "dictionaries/jieba" };
        var output = new Option<string>("--out") { Description = "The image to write.", DefaultValueFactory = _ => "dictionaries/jieba/engine.bin" };
        var command = new Command("engine-image", "Write the segmentation engine's binary image of jieba's data (shipped in the package).") { data, output };
        command.SetAction((result, cancellationToken) => RunAsync(console, result.GetRequiredValue(data), result.GetRequiredValue(output), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string dataDirectory, string outPath, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(dataDirectory))
        {
            await console.Error.WriteLineAsync($"error: {dataDirectory}: no such folder (name jieba's data folder with --data).").ConfigureAwait(false);
            return ExitCodes.InputFailed;
        }

        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        var temporary = outPath + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            EngineImage.WriteFromSources(EngineModelCache.Sources(dataDirectory), stream);
        }

        File.Move(temporary, outPath, overwrite: true);
        await console.Out.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"wrote {outPath} ({new FileInfo(outPath).Length / (1024.0 * 1024.0):F1} MB) from {dataDirectory}")).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
