namespace Borolyte.Cells.Design;

/// <summary>Densities (kg/m³) of an electrode's three solid components.</summary>
public sealed record ComponentDensities(double ActiveKgPerM3, double BinderKgPerM3, double CarbonKgPerM3)
{
    public ComponentDensities Validated(string field = "densities")
    {
        foreach (var (name, v) in new[] { ("active", ActiveKgPerM3), ("binder", BinderKgPerM3), ("carbon", CarbonKgPerM3) })
            if (!double.IsFinite(v) || !(v > 0))
                throw new InvalidInputException($"{field}: the {name} density must be greater than zero, got {v}");
        return this;
    }

    /// <summary>
    /// Density of the pore-free solid mixture: 1/ρ = Σ wᵢ/ρᵢ (volumes of separate phases add; the rule of mixtures
    /// for specific volume, as in electrode porosity calculations, e.g. seed 004 Supporting Information).
    /// </summary>
    public double SolidDensityKgPerM3(ElectrodeComposition c) =>
        // 1/ρ = Σ w_i/ρ_i (additive specific volumes)
        1.0 / (c.ActiveMassFraction / ActiveKgPerM3 + c.BinderMassFraction / BinderKgPerM3 + c.CarbonMassFraction / CarbonKgPerM3);
}
