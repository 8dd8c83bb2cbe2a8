using Borolyte.Chemistry;

namespace Borolyte.Cells.Design;

/// <summary>What a material is in an electrode or cell.</summary>
public enum MaterialRole { ActiveMaterial, Binder, Carbon, Electrolyte, CurrentCollector, Metal }

/// <summary>
/// A material of the cell-design catalogue: its (skeletal or crystallographic) density and, for active materials,
/// the electrons exchanged per formula unit that Faraday's law turns into a theoretical capacity. Every number
/// carries its source; values not in the seeds say where they come from and how sure they are.
/// </summary>
public sealed record CellMaterial(
    string Name,
    MaterialRole Role,
    double DensityKgPerM3,
    string DensitySource,
    string? FormulaText = null,
    double? ElectronsPerFormulaUnit = null,
    string? CapacitySource = null)
{
    public double DensityGPerCm3 => DensityKgPerM3 / CellUnits.KgPerM3PerGPerCm3;

    /// <summary>n·F/M (C/kg) when the material has a formula and an electron count; null otherwise.</summary>
    public double? TheoreticalCapacityCPerKg =>
        FormulaText is not null && ElectronsPerFormulaUnit is { } n ? TheoreticalCapacity.CPerKg(Formula.Parse(FormulaText), n) : null;

    public double? TheoreticalCapacityMAhPerG => TheoreticalCapacityCPerKg / CellUnits.CPerKgPerMAhPerG;
}
