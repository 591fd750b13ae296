using System.Runtime.CompilerServices;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Claims;

/// <summary>
/// Which characters a time, a quantity or an entity covers, built once per text: the claim rules ask this for
/// every word they look at, and a scan of every layer each time would make extraction quadratic.
/// </summary>
internal static class Coverage
{
    private const byte Time = 1;
    private const byte Quantity = 2;
    private const byte Entity = 4;

    private static readonly ConditionalWeakTable<ClaimContext, byte[]> Masks = [];

    public static bool InTime(ClaimContext context, TextSpan span) => Covers(context, span, Time);

    public static bool InQuantity(ClaimContext context, TextSpan span) => Covers(context, span, Quantity);

    public static bool InEntity(ClaimContext context, TextSpan span) => Covers(context, span, Entity);

    private static bool Covers(ClaimContext context, TextSpan span, byte layer)
    {
        var mask = Masks.GetValue(context, Build);
        for (var i = Math.Max(0, span.Start); i < Math.Min(mask.Length, span.End); i++)
        {
            if ((mask[i] & layer) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] Build(ClaimContext context)
    {
        var mask = new byte[context.Text.Length];
        foreach (var time in context.Times)
        {
            Mark(mask, time.Span, Time);
        }

        foreach (var quantity in context.Quantities)
        {
            Mark(mask, quantity.Span, Quantity);
        }

        foreach (var entity in context.Entities)
        {
            Mark(mask, entity.Span, Entity);
        }

        return mask;
    }

    private static void Mark(byte[] mask, TextSpan span, byte layer)
    {
        for (var i = Math.Max(0, span.Start); i < Math.Min(mask.Length, span.End); i++)
        {
            mask[i] |= layer;
        }
    }
}
