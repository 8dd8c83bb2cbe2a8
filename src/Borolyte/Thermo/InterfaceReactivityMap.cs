using Borolyte.Chemistry;

namespace Borolyte.Thermo;

/// <summary>One electrolyte | electrode pair of an <see cref="InterfaceReactivityMap"/>: the reactivity, or why it could not be computed.</summary>
public sealed record InterfacePair(string Electrolyte, string Electrode, InterfaceReactivity? Reactivity, string? Problem)
{
    /// <summary>Maximum driving force of mixing: the most negative reaction energy (eV/atom), NaN when not computed.</summary>
    public double MinReactionEnergyEvPerAtom => Reactivity?.MinReactionEnergyEvPerAtom ?? double.NaN;
}

/// <summary>
/// The maximum interface driving force (most negative mixing reaction energy, Richards et al., Chem. Mater. 28 (2016) 266;
/// seed 000 §3.2 "heat map") for every electrolyte × electrode pair, from one phase diagram. Pairs are computed in parallel
/// into fixed slots, so the result equals the serial one. A pair whose phases are missing from the entries is kept with
/// its reason instead of failing the whole map.
/// </summary>
public sealed record InterfaceReactivityMap(
    IReadOnlyList<string> Electrolytes,
    IReadOnlyList<string> Electrodes,
    IReadOnlyList<IReadOnlyList<InterfacePair>> Pairs,
    Element? OpenElement,
    double? PotentialV)
{
    public static InterfaceReactivityMap Compute(IReadOnlyList<ThermoEntry> entries, IReadOnlyList<string> electrolytes, IReadOnlyList<string> electrodes,
        string? openElement = null, double potentialV = 0)
    {
        if (electrolytes.Count == 0 || electrodes.Count == 0) throw new InvalidInputException("interface map: give at least one electrolyte and one electrode");
        var pd = new PhaseDiagram(entries);
        var a = electrolytes.Select(Formula.Parse).ToArray();
        var b = electrodes.Select(Formula.Parse).ToArray();
        Element? open = null;
        if (openElement is not null)
            open = PeriodicTable.TryGetBySymbol(openElement, out var el) ? el : throw new InvalidInputException($"unknown element \"{openElement}\" for the open element");
        var slots = new InterfacePair[a.Length * b.Length];
        Parallel.For(0, slots.Length, k =>
        {
            int i = k / b.Length, j = k % b.Length;
            try
            {
                slots[k] = new InterfacePair(electrolytes[i], electrodes[j], InterfaceReactivity.Compute(pd, a[i], b[j], openElement, potentialV), null);
            }
            catch (InvalidInputException ex)
            {
                slots[k] = new InterfacePair(electrolytes[i], electrodes[j], null, ex.Message);
            }
        });
        var rows = Enumerable.Range(0, a.Length).Select(i => (IReadOnlyList<InterfacePair>)slots.Skip(i * b.Length).Take(b.Length).ToArray()).ToArray();
        return new InterfaceReactivityMap(electrolytes, electrodes, rows, open, open is null ? null : potentialV);
    }
}
