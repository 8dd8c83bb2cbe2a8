namespace Borolyte.Cells.Design;

/// <summary>A dense layer of the stack (separator pellet, current collector): thickness and density.</summary>
public sealed record CellLayer(string Name, double ThicknessM, double DensityKgPerM3)
{
    public CellLayer Validated()
    {
        if (!double.IsFinite(ThicknessM) || ThicknessM < 0) throw new InvalidInputException($"{Name}: thickness must be ≥ 0, got {ThicknessM}");
        if (!double.IsFinite(DensityKgPerM3) || !(DensityKgPerM3 > 0)) throw new InvalidInputException($"{Name}: density must be greater than zero, got {DensityKgPerM3}");
        return this;
    }

    /// <summary>ρ·t, kg/m².</summary>
    public double MassKgPerM2 => DensityKgPerM3 * ThicknessM;
}
