using System.Globalization;
using Borolyte.Cells.Simulation;

namespace Borolyte.Cells.Design;

/// <summary>
/// The simulator's cell for a design (<c>discharge.fromSimulation</c>): the designed geometry — each electrode's thickness in
/// the stack, active and electrolyte volume fractions (<see cref="CellPresets.DesignedGeometry"/>, the presets' own
/// conversion), active loading, the separator thickness and 1C from the design's cathode — with everything the design does
/// not describe taken from the simulated cell (a preset or a simulation spec): OCP curves, particle radius, solid
/// diffusivity, kinetics, interfacial resistance, electronic conductivity, Bruggeman exponent, initial stoichiometry, σ(T),
/// temperature, area, voltage offset and degradation laws.
/// </summary>
public static class DesignedCellSimulation
{
    public static (CellParameters Cell, IReadOnlyList<string> Notes) Apply(CellParameters simulated, DesignedElectrode cathode, DesignedElectrode anode, CellLayer separator)
    {
        var notes = new List<string>();
        if (simulated.Positive is not CompositeElectrodeParameters positive)
            throw new InvalidInputException($"the simulated cell '{simulated.Name}' has a planar positive electrode; the design's cathode is a composite");
        var newPositive = WithGeometry(positive, cathode, "cathode");
        ElectrodeParameters newNegative;
        switch (simulated.Negative, anode.IsFoil)
        {
            case (CompositeElectrodeParameters negative, false):
                newNegative = WithGeometry(negative, anode, "anode");
                break;
            case (PlanarElectrodeParameters planar, true):
                // A planar metal/alloy electrode never runs out in the model: the foil's thickness sets n/p and mass, not the simulation.
                newNegative = planar;
                notes.Add($"the {anode.Electrode.ActiveMaterial} foil is simulated as the planar {planar.Name} electrode of '{simulated.Name}' (an unlimited reservoir: its thickness enters n/p and the masses only)");
                break;
            case (PlanarElectrodeParameters planar, false):
                newNegative = planar;
                notes.Add($"the design's composite {anode.Electrode.ActiveMaterial} anode is NOT simulated: '{simulated.Name}' has a planar {planar.Name} negative, so this is the designed cathode in a half cell (simulate a cell with a composite negative, e.g. nacro2-sn-full, for the full cell)");
                break;
            default:
                newNegative = simulated.Negative;
                notes.Add($"the design's {anode.Electrode.ActiveMaterial} foil is NOT simulated: '{simulated.Name}' has a composite {simulated.Negative.Name} negative, kept with that cell's geometry (simulate a cell with a planar negative, e.g. nacro2-half)");
                break;
        }
        var cell = simulated with
        {
            Positive = newPositive,
            Negative = newNegative,
            SeparatorThicknessM = separator.ThicknessM,
            // 1C: the design cathode's active loading × nominal capacity (seed 004's convention), as the presets define it.
            NominalArealCapacityCPerM2 = cathode.Electrode.ArealCapacityCPerM2,
            ActiveLoadingKgPerM2 = cathode.Electrode.ActiveLoadingKgPerM2,
        };
        if (!(separator.ThicknessM > 0)) throw new InvalidInputException("the design's separator has zero thickness; the simulator needs a separator");
        notes.Insert(0, string.Create(CultureInfo.InvariantCulture,
            $"simulated the designed cell: loadings, porosities, thicknesses and the {separator.ThicknessM / CellUnits.MPerUm:0.#} µm separator from the design; transport, kinetics, OCP, σ(T), temperature and degradation from '{simulated.Name}'"));
        return (cell, notes);
    }

    private static CompositeElectrodeParameters WithGeometry(CompositeElectrodeParameters p, DesignedElectrode designed, string which)
    {
        if (designed.IsFoil) throw new InvalidInputException($"the design's {which} is a foil, the simulated cell's electrode {p.Name} a composite");
        var (t, eAm, eSe) = CellPresets.DesignedGeometry(designed);
        if (!(eSe > 0))
            throw new InvalidInputException($"the design's {which} has no electrolyte in it (no infiltration, no measured ratio), so it has no ionic path to simulate");
        if (!(eAm + eSe <= 1))
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"the design's {which} holds more solid than its stack thickness (active {eAm:0.###} + electrolyte {eSe:0.###} volume fractions > 1): check its pressed porosity or thickness"));
        // Keep the alkali sites per kg of active material (capacity per gram) when the design's active density differs from the simulated cell's.
        double simulatedDensity = p.ActiveLoadingKgPerM2 / (p.ActiveVolumeFraction * p.ThicknessM);
        double designDensity = designed.Electrode.Densities.ActiveKgPerM3;
        double cMax = p.ActiveLoadingKgPerM2 > 0 && Math.Abs(designDensity - simulatedDensity) > 1e-9 * designDensity
            ? p.MaxConcentrationMolPerM3 * designDensity / simulatedDensity : p.MaxConcentrationMolPerM3;
        return p with
        {
            ThicknessM = t, ActiveVolumeFraction = eAm, ElectrolyteVolumeFraction = eSe,
            ActiveLoadingKgPerM2 = designed.Electrode.ActiveLoadingKgPerM2, MaxConcentrationMolPerM3 = cMax,
        };
    }
}
