using System.Text;
using ZhArticleAnalyzer.Cli;

// Chinese text must reach the terminal and pipes as UTF-8 whatever the platform default is.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
var console = new CliConsole(Console.OpenStandardInput(), Console.Out, Console.Error, IsErrorTerminal: !Console.IsErrorRedirected);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await CliApp.RunAsync(args, console, cancel.Token);
