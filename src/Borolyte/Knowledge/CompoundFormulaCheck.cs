namespace Borolyte.Knowledge;

/// <summary>
/// Interim formula validation for `materials add`: balanced brackets and element symbols from the periodic table.
/// TODO(chemistry): replace the body of <see cref="EnsureParseable"/> with Borolyte.Chemistry.Formula.Parse once the
/// chemistry parser is merged (it throws FormulaParseException : InvalidInputException with the position).
/// </summary>
public static class CompoundFormulaCheck
{
    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "H","He","Li","Be","B","C","N","O","F","Ne","Na","Mg","Al","Si","P","S","Cl","Ar","K","Ca","Sc","Ti","V","Cr","Mn","Fe",
        "Co","Ni","Cu","Zn","Ga","Ge","As","Se","Br","Kr","Rb","Sr","Y","Zr","Nb","Mo","Tc","Ru","Rh","Pd","Ag","Cd","In","Sn",
        "Sb","Te","I","Xe","Cs","Ba","La","Ce","Pr","Nd","Pm","Sm","Eu","Gd","Tb","Dy","Ho","Er","Tm","Yb","Lu","Hf","Ta","W",
        "Re","Os","Ir","Pt","Au","Hg","Tl","Pb","Bi","Po","At","Rn","Fr","Ra","Ac","Th","Pa","U","Np","Pu","Am","Cm","Bk","Cf",
        "Es","Fm","Md","No","Lr","Rf","Db","Sg","Bh","Hs","Mt","Ds","Rg","Cn","Nh","Fl","Mc","Lv","Ts","Og",
    };

    /// <summary>Throws <see cref="InvalidInputException"/> naming the position of the first problem in <paramref name="formula"/>.</summary>
    public static void EnsureParseable(string formula)
    {
        if (string.IsNullOrWhiteSpace(formula))
            throw new InvalidInputException("formula is empty; give e.g. Na2B12H12 or Na4(B12H12)(B10H10)");
        var open = new Stack<(char Bracket, int Position)>();
        bool sawElement = false;
        for (int i = 0; i < formula.Length; i++)
        {
            char ch = formula[i];
            if (ch is '(' or '[') open.Push((ch, i));
            else if (ch is ')' or ']')
            {
                char expected = ch == ')' ? '(' : '[';
                if (open.Count == 0 || open.Pop().Bracket != expected)
                    throw new InvalidInputException($"formula '{formula}': unbalanced '{ch}' at position {i + 1}");
            }
            else if (char.IsUpper(ch))
            {
                var symbol = i + 1 < formula.Length && char.IsLower(formula[i + 1]) ? formula.Substring(i, 2) : ch.ToString();
                if (!Elements.Contains(symbol) && symbol.Length == 2 && Elements.Contains(ch.ToString())) symbol = ch.ToString();
                if (!Elements.Contains(symbol))
                    throw new InvalidInputException($"formula '{formula}': unknown element '{symbol}' at position {i + 1}");
                sawElement = true;
                i += symbol.Length - 1;
            }
            else if (!(char.IsDigit(ch) || ch is '.' or '+' or '-' or '·' or '*' || char.IsWhiteSpace(ch)))
                throw new InvalidInputException($"formula '{formula}': unexpected character '{ch}' at position {i + 1}");
        }
        if (open.Count > 0)
            throw new InvalidInputException($"formula '{formula}': '{open.Peek().Bracket}' at position {open.Peek().Position + 1} is never closed");
        if (!sawElement)
            throw new InvalidInputException($"formula '{formula}': no element symbols found");
    }
}
