using System.Globalization;
using System.Text;
using Borolyte.Formats.BioLogic;

namespace Borolyte.Tests.Formats;

public class TextFieldsTests
{
    private static bool Parse(string text, out double value, bool comma = false) =>
        TextFields.TryParseNumber(Encoding.ASCII.GetBytes(text), comma, out value);

    /// <summary>The fast path must give the very same double as the runtime's correctly rounded parser.</summary>
    [Fact]
    public void NumbersParseToTheSameDoubleAsDoubleParse()
    {
        var rng = new Random(42);
        string[] formats = ["R", "G17", "F8", "F4", "E6", "E14", "0.###", "0.00000000"];
        int fast = 0;
        for (int k = 0; k < 200_000; k++)
        {
            double magnitude = Math.Pow(10, rng.Next(-12, 12));
            double x = (rng.NextDouble() - 0.5) * magnitude;
            string text = x.ToString(formats[k % formats.Length], CultureInfo.InvariantCulture);
            double expected = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.True(Parse(text, out double got), text);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(got));
            if (TextFields.TryParseShort(Encoding.ASCII.GetBytes(text), (byte)'.', out _)) fast++;
        }
        Assert.True(fast > 100_000, $"fast path taken {fast} times");   // the fast path is really exercised
        foreach (var text in new[] { "0", "-0", "+3.5", "1e22", "1E-22", "9007199254740993", "123456789012345678901234", "1e400", "4.9e-324", ".5", "5.", "00012.5000" })
        {
            Assert.True(Parse(text, out double got), text);
            Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(got));
        }
        Assert.True(Parse("3,4521", out double comma, comma: true));
        Assert.Equal(3.4521, comma);
        foreach (var bad in new[] { "", "-", ".", "e5", "1e", "1e+", "2.9#x1", "1.2.3", "12a", "--1" })
            Assert.False(Parse(bad, out _), bad);
    }
}
